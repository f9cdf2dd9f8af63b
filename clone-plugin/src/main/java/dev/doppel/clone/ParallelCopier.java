package dev.doppel.clone;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.plugin.SnapshotPiece;
import dev.doppel.plugin.StorageSnapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Copies the pieces of one stage into the target directory with parallel workers. Each worker copies one
 * clone_buffer_size block at a time, file to file inside the kernel (FileChannel.transferTo). With
 * clone_autotune_concurrency a worker is added while the last one raised the throughput, up to
 * clone_max_concurrency; without it clone_max_concurrency workers run from the start.
 */
final class ParallelCopier {
    /** MySQL keeps workers × buffer within about this much memory. */
    private static final long MEMORY_LIMIT = 128L << 20;
    /** MySQL gives each worker at least this much of clone_max_data_bandwidth. */
    private static final long BANDWIDTH_PER_WORKER = 64L << 20;
    private static final long TUNE_INTERVAL_MILLIS = 200;
    /**
     * A worker syncs a target file each time this much more was written to it, so the disk writes while the copy
     * goes on instead of all in FILE SYNC (the kernel would start only at its dirty-memory threshold).
     */
    private static final long SYNC_EVERY_BYTES = 64L << 20;

    record Settings(int bufferSize, int maxThreads, boolean autotune, long bytesPerSecond) {
        int threadLimit() {
            int limit = (int) Math.max(1, Math.min(maxThreads, MEMORY_LIMIT / bufferSize));
            if (bytesPerSecond > 0) {
                limit = (int) Math.max(1, Math.min(limit, bytesPerSecond / BANDWIDTH_PER_WORKER));
            }
            return limit;
        }
    }

    private record Block(String file, long offset, long length, byte[] content) {
    }

    private final StorageSnapshot snapshot;
    private final Path target;
    private final Settings settings;
    private final BooleanSupplier killed;
    private final Throttle throttle;
    private final Map<String, AtomicLong> unsynced = new ConcurrentHashMap<>();

    ParallelCopier(StorageSnapshot snapshot, Path target, Settings settings, BooleanSupplier killed) {
        this.snapshot = snapshot;
        this.target = target;
        this.settings = settings;
        this.killed = killed;
        this.throttle = new Throttle(settings.bytesPerSecond());
    }

    static long bytes(List<SnapshotPiece> pieces) {
        return pieces.stream().mapToLong(SnapshotPiece::length).sum();
    }

    /** Copies every piece; the progress's data grows as blocks land. Throws 1317, 1024 or 1026. */
    void copy(List<SnapshotPiece> pieces, StageProgress progress) throws InterruptedException {
        List<Block> blocks = split(pieces);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<MySqlException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || killed.getAsBoolean();
        List<Thread> workers = new ArrayList<>();
        int limit = Math.min(settings.threadLimit(), Math.max(1, blocks.size()));
        int initial = settings.autotune() ? 1 : limit;
        for (int i = 0; i < initial; i++) {
            workers.add(startWorker(blocks, next, failure, stop, progress));
        }
        progress.threads = workers.size();
        boolean tuning = settings.autotune() && workers.size() < limit;
        long lastData = progress.data.get();
        double lastRate = 0;
        Thread alive;
        while ((alive = firstAlive(workers)) != null) {
            alive.join(TUNE_INTERVAL_MILLIS);
            if (killed.getAsBoolean()) {
                failure.compareAndSet(null, MySqlError.ER_QUERY_INTERRUPTED.exception());
            }
            if (tuning && next.get() < blocks.size()) {
                long data = progress.data.get();
                double rate = data - lastData;
                lastData = data;
                if (rate > lastRate * 1.1) {
                    workers.add(startWorker(blocks, next, failure, stop, progress));
                    progress.threads = workers.size();
                    tuning = workers.size() < limit;
                } else {
                    tuning = false;
                }
                lastRate = rate;
            }
        }
        if (failure.get() == null && killed.getAsBoolean()) {
            failure.set(MySqlError.ER_QUERY_INTERRUPTED.exception());
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static Thread firstAlive(List<Thread> workers) {
        for (Thread each : workers) {
            if (each.isAlive()) {
                return each;
            }
        }
        return null;
    }

    /**
     * The unit of copy: clone_buffer_size, or a tenth of a second's worth under clone_max_data_bandwidth, so that a
     * throttled copy moves (and shows progress) smoothly.
     */
    private long blockSize() {
        long size = settings.bufferSize();
        if (settings.bytesPerSecond() > 0) {
            size = Math.min(size, Math.max(64 << 10, settings.bytesPerSecond() / 10));
        }
        return size;
    }

    private List<Block> split(List<SnapshotPiece> pieces) {
        long blockSize = blockSize();
        List<Block> result = new ArrayList<>();
        for (SnapshotPiece each : pieces) {
            if (each.content() != null) {
                result.add(new Block(each.file(), each.offset(), each.length(), each.content()));
                continue;
            }
            for (long done = 0; done < each.length(); done += blockSize) {
                result.add(new Block(each.file(), each.offset() + done, Math.min(blockSize, each.length() - done),
                        null));
            }
        }
        return result;
    }

    private Thread startWorker(List<Block> blocks, AtomicInteger next, AtomicReference<MySqlException> failure,
                               BooleanSupplier stop, StageProgress progress) {
        return Thread.ofPlatform().name("clone-copy").daemon().start(() -> {
            Map<String, FileChannel> sources = new HashMap<>();
            Map<String, FileChannel> targets = new HashMap<>();
            try {
                int index;
                while (!stop.getAsBoolean() && (index = next.getAndIncrement()) < blocks.size()) {
                    Block block = blocks.get(index);
                    throttle.acquire(block.length(), stop);
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    copy(block, sources, targets);
                    progress.data.addAndGet(block.length());
                    syncNowAndThen(block, targets.get(block.file()));
                }
            } catch (MySqlException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                failure.compareAndSet(null, MySqlError.ER_QUERY_INTERRUPTED.exception());
            } finally {
                closeAll(sources);
                closeAll(targets);
            }
        });
    }

    private void copy(Block block, Map<String, FileChannel> sources, Map<String, FileChannel> targets) {
        Path targetFile = target.resolve(block.file());
        FileChannel out;
        try {
            out = targets.get(block.file());
            if (out == null) {
                out = FileChannel.open(targetFile, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                targets.put(block.file(), out);
            }
        } catch (IOException e) {
            throw writeError(targetFile, e);
        }
        if (block.content() != null) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(block.content());
                long position = block.offset();
                while (buffer.hasRemaining()) {
                    position += out.write(buffer, position);
                }
            } catch (IOException e) {
                throw writeError(targetFile, e);
            }
            return;
        }
        FileChannel in;
        try {
            in = sources.get(block.file());
            if (in == null) {
                in = snapshot.open(block.file());
                sources.put(block.file(), in);
            }
        } catch (IOException e) {
            throw readError(block.file(), e);
        }
        long done = 0;
        try {
            out.position(block.offset());
        } catch (IOException e) {
            throw writeError(targetFile, e);
        }
        while (done < block.length()) {
            long moved;
            try {
                moved = in.transferTo(block.offset() + done, block.length() - done, out);
            } catch (IOException e) {
                // transferTo cannot tell which side failed; the source is only read, so a failure with the
                // target's errors (space, quota, read-only) is the target's
                Errno errno = Errno.of(e);
                throw errno.number() == 28 || errno.number() == 122 || errno.number() == 30
                        ? writeError(targetFile, e) : readError(block.file(), e);
            }
            if (moved <= 0) {
                throw MySqlError.ER_ERROR_ON_READ.exception(block.file(), 5, "Input/output error");
            }
            done += moved;
        }
    }

    private void syncNowAndThen(Block block, FileChannel out) {
        AtomicLong written = unsynced.computeIfAbsent(block.file(), file -> new AtomicLong());
        if (written.addAndGet(block.length()) < SYNC_EVERY_BYTES) {
            return;
        }
        written.set(0);
        try {
            out.force(false);
        } catch (IOException e) {
            throw writeError(target.resolve(block.file()), e);
        }
    }

    private static MySqlException writeError(Path file, IOException e) {
        Errno errno = Errno.of(e);
        return MySqlError.ER_ERROR_ON_WRITE.exception(file.toString(), errno.number(), errno.text());
    }

    private static MySqlException readError(String file, IOException e) {
        Errno errno = Errno.of(e);
        return MySqlError.ER_ERROR_ON_READ.exception(file, errno.number(), errno.text());
    }

    private static void closeAll(Map<String, FileChannel> channels) {
        for (FileChannel each : channels.values()) {
            try {
                each.close();
            } catch (IOException ignored) {
                // the data was already written or the clone failed
            }
        }
    }
}
