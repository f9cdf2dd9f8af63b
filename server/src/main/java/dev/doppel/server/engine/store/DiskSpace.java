package dev.doppel.server.engine.store;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.H2Engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses a write before it starts when the data directory's file system is nearly full. The engine cannot take a
 * failed write back: when MVStore cannot write a chunk it closes the store, and every later statement fails until a
 * restart (measured on a 20 MB file system). So writes stop while there is still room for what is pending, reads go
 * on, and writes work again as soon as space is freed (docs/durability.md, "A full disk").
 */
public final class DiskSpace {
    /** Below this much free space no statement may change data: room for the chunks already pending. */
    public static final long RESERVE_BYTES = 8L << 20;
    private static final long RECHECK_NANOS = 50_000_000L;

    private final FileStore fileSystem;
    private volatile long checkedAt;
    private volatile long usable = Long.MAX_VALUE;

    public DiskSpace(Path datadir) throws IOException {
        this.fileSystem = Files.getFileStore(datadir);
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

    /** Whether the free space is at least the reserve. */
    public boolean hasRoom() {
        return usable() >= RESERVE_BYTES;
    }

    /** MySQL's 1114 for {@code table} (1021 without one) when the free space is below the reserve. */
    public void requireRoom(java.util.function.Supplier<String> refused) {
        if (usable() >= RESERVE_BYTES) {
            return;
        }
        checkedAt = 0;
        if (usable() >= RESERVE_BYTES) {
            return;
        }
        String table = refused.get();
        if (table != null) {
            throw MySqlError.ER_RECORD_FILE_FULL.exception(table);
        }
        throw MySqlError.ER_DISK_FULL.exception(H2Engine.FILE_NAME + H2Engine.FILE_SUFFIX, 28, "No space left on device");
    }
}
