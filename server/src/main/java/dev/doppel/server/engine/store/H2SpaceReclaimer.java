package dev.doppel.server.engine.store;

import dev.doppel.server.engine.H2Engine;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Gives the space of dead chunks back while the server runs. The engine appends every chunk (space reuse off, see
 * {@link H2Engine}), so without this the file grows by every commit's rewritten pages (about 16 kB per sysbench
 * write transaction) for as long as the server runs. Every few seconds, when the file is big and mostly dead,
 * this rewrites the live pages of sparse chunks and moves chunks down into the free space, then truncates the
 * file: H2's own compaction, with space reuse on only for that moment.
 *
 * <p>Two things are kept out meanwhile, through {@link #layout()}: commits waiting to be acknowledged (their
 * {@link H2Engine#flush()} holds the read side), because a chunk written into a gap was not found by recovery
 * after {@code kill -9} when nothing was written after it; and snapshots for a clone, which rely on the file
 * only growing at its end. Before the write side is released the store appends one more chunk at the end of the
 * file, so the newest chunk is where recovery looks first.
 */
public final class H2SpaceReclaimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2SpaceReclaimer.class);

    /** Below this the file is left as it is: the space is not worth a pause of the writers. */
    static final long MIN_FILE_BYTES = 64L << 20;
    /** Reclaim when at most this share (percent) of the file is live. */
    static final int MAX_LIVE_PERCENT = 50;
    /** Chunks with fewer live bytes than this (percent) get their live pages rewritten. */
    private static final int REWRITE_BELOW_PERCENT = 50;
    /** The bytes rewritten and the bytes moved in one step. */
    private static final int STEP_BYTES = 16 << 20;
    private static final long CHECK_SECONDS = 5;

    private final MVStore store;
    private final ReadWriteLock layout = new ReentrantReadWriteLock();
    /** Snapshots open now: they may be closed on another thread than the one that opened them, so no lock. */
    private final AtomicInteger snapshots = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private final java.util.function.LongSupplier freeSpace;
    /** Compaction commits the store: alone, as every store commit (see {@link CommitGate}). */
    private final CommitGate gate;

    public H2SpaceReclaimer(MVStore store, boolean background) {
        this(store, background, () -> Long.MAX_VALUE, new CommitGate());
    }

    /** {@code freeSpace}: the free bytes of the file's file system; no reclaim runs with less free than the file. */
    public H2SpaceReclaimer(MVStore store, boolean background, java.util.function.LongSupplier freeSpace,
            CommitGate gate) {
        this.store = store;
        this.gate = gate;
        this.freeSpace = freeSpace;
        this.timer = background ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "doppel-space-reclaimer");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::reclaimIfWorthIt, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Held shared by every commit waiting to be acknowledged (see {@link H2Engine#flush()}); exclusive while chunks move. */
    public ReadWriteLock layout() {
        return layout;
    }

    /** A snapshot starts: no reclaim until it ends (waits for a reclaim under way to finish). */
    public void snapshotStarted() {
        layout.readLock().lock();
        try {
            snapshots.incrementAndGet();
        } finally {
            layout.readLock().unlock();
        }
    }

    public void snapshotEnded() {
        snapshots.decrementAndGet();
    }

    /** Whether the file is big enough and dead enough to be worth a reclaim. */
    boolean worthIt() {
        FileStore<?> file = store.getFileStore();
        long size = file.size();
        if (size < MIN_FILE_BYTES || freeSpace.getAsLong() < size) {
            return false;
        }
        long live = size * file.getFillRate() / 100 * file.getChunksFillRate() / 100;
        return live * 100 <= size * MAX_LIVE_PERCENT;
    }

    private void reclaimIfWorthIt() {
        try {
            if (worthIt() && layout.writeLock().tryLock(100, TimeUnit.MILLISECONDS)) {
                try {
                    if (snapshots.get() == 0) {
                        reclaim(2000);
                    }
                } finally {
                    layout.writeLock().unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not give back the free space of the database file: {}", e.toString());
        }
    }

    /** Compacts the file for at most about {@code maxMillis}; the caller holds the write side of the layout lock. */
    public void reclaim(long maxMillis) {
        gate.storing(() -> {
            reclaimAlone(maxMillis);
            return null;
        });
    }

    private void reclaimAlone(long maxMillis) {
        FileStore<?> file = store.getFileStore();
        if (!(file instanceof RandomAccessStore randomAccess) || store.isClosed()) {
            return;
        }
        long before = file.size();
        long started = System.nanoTime();
        long stopAt = started + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        // as H2's own compaction does, only for the moment: dead chunks younger than the retention time (45 s) are
        // otherwise kept for recovery after a crash, and the moves need their space
        int retention = store.getRetentionTime();
        store.setRetentionTime(0);
        store.setReuseSpace(true);
        try {
            long size;
            do {
                size = file.size();
                file.compact(REWRITE_BELOW_PERCENT, STEP_BYTES);
                randomAccess.compactMoveChunks(101, STEP_BYTES, store);
            } while (file.size() < size && System.nanoTime() < stopAt);
        } finally {
            store.setReuseSpace(false);
            store.setRetentionTime(retention);
            // the newest chunk goes to the end of the file (see the class comment)
            store.setStoreVersion(store.getStoreVersion());
            store.commit();
            store.sync();
        }
        LOG.debug("database file {} -> {} bytes in {} ms", before, file.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
