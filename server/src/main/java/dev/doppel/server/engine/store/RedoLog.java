package dev.doppel.server.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The server's redo log (docs/durability.md): a commit appends its transaction's changes here and syncs this small
 * record instead of writing the store's pages; the store is written now and then (a checkpoint), after which the
 * segments it covers are deleted. Commits that sync at the same time share one sync (group commit).
 */
final class RedoLog implements AutoCloseable {
    private final Path directory;
    /** Bytes the file system has for the spare segment, beyond the reserve kept for the store. */
    private final LongSupplier room;
    private final ReentrantLock appending = new ReentrantLock();
    private final ReentrantLock syncing = new ReentrantLock();
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final LongAdder syncs = new LongAdder();
    /** Null until the first segment could be made (a full disk at start). */
    private Segment current;
    /** Where the next segment starts. */
    private long nextStart;
    /** Every record below this position is handed to the operating system. */
    private volatile long written;
    /** Every record below this position is on stable storage. */
    private volatile long durable;

    private static final class Segment {
        final long start;
        final Path file;
        final FileChannel channel;
        long used;
        /** The highest store version of a record in it, so that a checkpoint past it lets it go. */
        volatile long maxVersion = -1;

        Segment(long start, Path file) throws IOException {
            this.start = start;
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    private RedoLog(Path directory, LongSupplier room) {
        this.directory = directory;
        this.room = room;
    }

    /**
     * Starts an empty log in the data directory: whatever segments are there were replayed into the store and
     * stored before this is called.
     */
    static RedoLog start(Path datadir, LongSupplier room) throws IOException {
        Path directory = RedoSegments.directory(datadir);
        Files.createDirectories(directory);
        for (long each : RedoSegments.starts(directory)) {
            Files.delete(RedoSegments.segment(directory, each));
        }
        DirectorySync.sync(directory);
        DirectorySync.sync(datadir);
        RedoLog log = new RedoLog(directory, room);
        log.prepareSpare();
        return log;
    }

    /**
     * Appends one transaction's record, written to the operating system but not synced.
     *
     * @return the log position after it, or -1 when it could not be written (no spare segment: the disk is short):
     *     the caller then stores the commit the way the store does
     */
    long append(byte[] payload, long version) {
        appending.lock();
        try {
            int length = RedoSegments.HEADER_BYTES + payload.length;
            if (length + RedoSegments.HEADER_BYTES > RedoSegments.SEGMENT_BYTES) {
                return -1;
            }
            if ((current == null || current.used + length + RedoSegments.HEADER_BYTES > RedoSegments.SEGMENT_BYTES)
                    && !nextSegment()) {
                return -1;
            }
            long position = current.start + current.used;
            writeFully(current.channel, RedoSegments.record(position, version, payload), current.used);
            current.used += length;
            current.maxVersion = Math.max(current.maxVersion, version);
            written = position + length;
            return written;
        } catch (IOException e) {
            return -1;
        } finally {
            appending.unlock();
        }
    }

    /** Ends the current segment and goes on in the spare, if there is one; inside the append lock. */
    private boolean nextSegment() throws IOException {
        if (!Files.exists(RedoSegments.spare(directory))) {
            return false;
        }
        if (current != null) {
            long endAt = current.start + current.used;
            writeFully(current.channel, RedoSegments.record(endAt, RedoSegments.END_MARK, new byte[0]), current.used);
            current.channel.force(false);
        }
        Segment next = new Segment(nextStart, RedoSegments.takeSpare(directory, nextStart));
        nextStart += RedoSegments.SEGMENT_BYTES;
        segments.add(next);
        current = next;
        // what the old segment holds is synced above: the new one starts durable
        durable = Math.max(durable, next.start);
        written = next.start;
        return true;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    long written() {
        return written;
    }

    /** Puts every record below {@code position} on stable storage; one sync serves every committer waiting. */
    void syncTo(long position) {
        if (durable >= position) {
            return;
        }
        syncing.lock();
        try {
            if (durable >= position) {
                return;
            }
            long target;
            FileChannel channel;
            appending.lock();
            try {
                target = written;
                channel = current == null ? null : current.channel;
            } finally {
                appending.unlock();
            }
            if (channel == null) {
                return;
            }
            try {
                syncs.increment();
                channel.force(false);
            } catch (ClosedChannelException e) {
                // a segment ended (and was synced then) and was deleted since
            }
            durable = Math.max(durable, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the redo log", e);
        } finally {
            syncing.unlock();
        }
    }

    long syncs() {
        return syncs.sum();
    }

    /** Bytes of records not yet covered by a checkpoint, about: the segments still kept. */
    long kept() {
        appending.lock();
        try {
            return current == null ? 0 : (long) (segments.size() - 1) * RedoSegments.SEGMENT_BYTES + current.used;
        } finally {
            appending.unlock();
        }
    }

    /** Deletes the segments whose records are all in store versions below {@code storedBelow} (on stable storage). */
    void trim(long storedBelow) {
        appending.lock();
        try {
            while (segments.size() > 1 && segments.peekFirst().maxVersion < storedBelow) {
                Segment old = segments.removeFirst();
                old.channel.close();
                Files.deleteIfExists(old.file);
            }
        } catch (IOException e) {
            // left for the next checkpoint; recovery skips records the store holds
        } finally {
            appending.unlock();
        }
    }

    /** Makes the spare segment if there is none and the disk has room for it. */
    void prepareSpare() {
        if (Files.exists(RedoSegments.spare(directory)) || room.getAsLong() < RedoSegments.SEGMENT_BYTES) {
            return;
        }
        try {
            RedoSegments.makeSpare(directory);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(RedoSegments.spare(directory));
                Files.deleteIfExists(directory.resolve("redo.spare.tmp"));
            } catch (IOException ignored) {
                // tried again at the next tick
            }
        }
    }

    /** After a clean shutdown stored everything: no record is needed any more. */
    void deleteAll() {
        appending.lock();
        try {
            for (Segment each : segments) {
                each.channel.close();
                Files.deleteIfExists(each.file);
            }
            segments.clear();
        } catch (IOException e) {
            // the next start skips records the store holds
        } finally {
            appending.unlock();
        }
    }

    @Override
    public void close() {
        appending.lock();
        try {
            for (Segment each : segments) {
                try {
                    each.channel.close();
                } catch (IOException ignored) {
                    // synced or not needed
                }
            }
        } finally {
            appending.unlock();
        }
    }
}
