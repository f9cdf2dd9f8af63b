package dev.doppel.server.engine;

import dev.doppel.plugin.SnapshotPiece;
import dev.doppel.plugin.StorageSnapshot;
import dev.doppel.server.engine.store.H2SpaceReclaimer;
import org.h2.mvstore.FileStore;
import dev.doppel.server.engine.store.CommitGate;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot of H2's one MVStore file. The engine runs with space reuse off, so the store only appends chunks
 * at the end of the file; every byte below the file's current length stays as it is, except the store header in
 * the first two blocks. So the copy takes the file in three growing ranges and, at the consistent point, the
 * header as it is then. Each range ends where the store's used space ends, not where the file does: bytes after the
 * last chunk (what a crash cut short) are written over by the next chunk, so they are copied only once they are a
 * chunk. The consistent point is taken under the store's lock after a commit of the store, with
 * no chunk write pending or running ({@link MVStore#executeFilestoreOperation}): the file then ends with the last
 * chunk, whose version holds every commit acknowledged so far; a server opening the copy recovers exactly that
 * version, as after a crash.
 */
final class H2Snapshot implements StorageSnapshot {
    /** The store header: two copies of one 4 KiB block at the start of the file. */
    private static final int HEADER_BYTES = 2 * 4096;
    /** H2's RandomAccessStore#getFileLengthInUse (package-private): where the store's last chunk ends. */
    private static final Method USED_LENGTH = usedLengthMethod();

    private final String name;
    private final Path file;
    private final MVStore store;
    private final FileChannel channel;
    private final H2SpaceReclaimer reclaimer;
    private final CommitGate gate;
    private long handedOut;
    private boolean closed;

    H2Snapshot(Path file, MVStore store, H2SpaceReclaimer reclaimer, CommitGate gate) throws IOException {
        this.gate = gate;
        this.name = file.getFileName().toString();
        this.file = file;
        this.store = store;
        this.reclaimer = reclaimer;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        // the free space is not given back while a copy runs: the file must only grow at its end
        reclaimer.snapshotStarted();
    }

    @Override
    public List<String> files() {
        return List.of(name);
    }

    @Override
    public List<SnapshotPiece> fileCopy() throws IOException {
        return upTo(usedLength());
    }

    @Override
    public List<SnapshotPiece> pageCopy() throws IOException {
        return upTo(usedLength());
    }

    /** Where the store's chunks end, read while no chunk is being written. */
    private long usedLength() throws IOException {
        long[] end = new long[1];
        IOException[] failure = new IOException[1];
        store.executeFilestoreOperation(() -> {
            try {
                end[0] = usedLengthNow();
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return end[0];
    }

    /** Inside a file store operation: the store's used length, or the file's when the engine cannot tell it. */
    private long usedLengthNow() throws IOException {
        long size = channel.size();
        FileStore<?> fileStore = store.getFileStore();
        if (USED_LENGTH == null || !(fileStore instanceof RandomAccessStore)) {
            return size;
        }
        try {
            return Math.min(size, (long) USED_LENGTH.invoke(fileStore));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return size;
        }
    }

    private static Method usedLengthMethod() {
        try {
            Method method = RandomAccessStore.class.getDeclaredMethod("getFileLengthInUse");
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<SnapshotPiece> redoCopy() throws IOException {
        // the copy ends at this store version: one taken when no statement is writing and no transaction committing
        gate.storing(store::commit);
        long[] end = new long[1];
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        IOException[] failure = new IOException[1];
        // nothing may escape the operation: H2 treats any exception there as fatal for the store
        store.executeFilestoreOperation(() -> {
            try {
                end[0] = usedLengthNow();
                while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                    // reads the whole header
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        List<SnapshotPiece> result = new ArrayList<>(upTo(end[0]));
        header.flip();
        byte[] bytes = new byte[(int) Math.min(header.remaining(), end[0])];
        header.get(bytes);
        result.add(SnapshotPiece.bytes(name, 0, bytes));
        return result;
    }

    private List<SnapshotPiece> upTo(long end) {
        if (end <= handedOut) {
            return List.of();
        }
        SnapshotPiece piece = SnapshotPiece.range(name, handedOut, end - handedOut);
        handedOut = end;
        return List.of(piece);
    }

    @Override
    public FileChannel open(String relative) throws IOException {
        if (!relative.equals(name)) {
            throw new IOException("not a file of this snapshot: " + relative);
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reclaimer.snapshotEnded();
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel
        }
    }
}
