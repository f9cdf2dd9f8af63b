package dev.doppel.server.engine.store;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.H2Engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Refuses a write before it starts when the data directory's file system is nearly full. The engine cannot take a
 * failed write back: when MVStore cannot write a chunk it closes the store, and every later statement fails until a
 * restart (measured on a 20 MB file system). So writes stop while there is still room for what is pending, reads go
 * on, and writes work again as soon as space is freed (docs/durability.md, "A full disk").
 *
 * <p>What is pending counts against the free space: the store is not written while a statement writes (CommitGate),
 * so a statement's changes wait in memory until it ends, and the room they will take on disk is already spoken for.
 * The engine's estimate of them (the memory of the pages they changed) is above what their chunk takes on disk.
 */
public final class DiskSpace {
    /** Below this much free space no statement may change data: room for the chunks already pending. */
    public static final long RESERVE_BYTES = 8L << 20;
    private static final long RECHECK_NANOS = 50_000_000L;

    private final FileStore fileSystem;
    /** The bytes the engine has still to write. */
    private final LongSupplier pending;
    private volatile long checkedAt;
    private volatile long usable = Long.MAX_VALUE;

    public DiskSpace(Path datadir, LongSupplier pending) throws IOException {
        this.fileSystem = Files.getFileStore(datadir);
        this.pending = pending;
    }

    /** The free space, looked up at most every 50 ms. */
    public long usable() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            try {
                usable = fileSystem.getUsableSpace();
            } catch (IOException e) {
                usable = Long.MAX_VALUE;
            }
            checkedAt = now;
        }
        return usable;
    }

    /** The free space less what the engine has still to write. */
    public long room() {
        return usable() - pending.getAsLong();
    }

    /** Whether the room left is at least the reserve. */
    public boolean hasRoom() {
        return room() >= RESERVE_BYTES;
    }

    /** MySQL's 1114 for {@code table} (1021 without one) when the room left is below the reserve. */
    public void requireRoom(java.util.function.Supplier<String> refused) {
        if (hasRoom()) {
            return;
        }
        checkedAt = 0;
        if (hasRoom()) {
            return;
        }
        String table = refused.get();
        if (table != null) {
            throw MySqlError.ER_RECORD_FILE_FULL.exception(table);
        }
        throw MySqlError.ER_DISK_FULL.exception(H2Engine.FILE_NAME + H2Engine.FILE_SUFFIX, 28, "No space left on device");
    }
}
