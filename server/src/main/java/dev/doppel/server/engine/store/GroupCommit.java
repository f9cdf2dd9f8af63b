package dev.doppel.server.engine.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Makes commits durable as {@code innodb_flush_log_at_trx_commit} says (docs/durability.md):
 * <ul>
 *   <li>1: the store's pending changes are written and the file synced before the commit is acknowledged;</li>
 *   <li>2: written at every commit, synced about every {@code innodb_flush_log_at_timeout} seconds;</li>
 *   <li>0: written and synced about every {@code innodb_flush_log_at_timeout} seconds.</li>
 * </ul>
 * Commits that wait at the same time share one write and one sync (group commit): the first to get the lock
 * writes every change made so far as one chunk and syncs it; the others then find their version already durable.
 *
 * <p>H2 tags every change with the store's current version and writes a version as a whole; so a commit whose
 * transaction ended while the store was at version {@code v} is durable once a sync has followed the writing of
 * every version up to {@code v}.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Unsaved changes above this are written without waiting for a commit (H2's own commit buffer was 19 MB). */
    private static final int UNSAVED_LIMIT_BYTES = 16 << 20;

    private final MVStore store;
    /** Held while the store writes, so that no chunk moves meanwhile (see {@link H2SpaceReclaimer}). */
    private final Lock layoutShared;
    private final ReentrantLock syncing = new ReentrantLock();
    /** Every store commit goes through it, alone (see {@link CommitGate}). */
    private final CommitGate gate;
    private final ScheduledExecutorService timer;
    /** Whether the disk has less room than the pending changes and the reserve ask for (DiskSpace). */
    private final BooleanSupplier diskTight;
    /**
     * Syncs the store's file with fdatasync: on Linux a sync through any descriptor covers every write to the file,
     * and fdatasync leaves out the modification time that H2's own sync (fsync) also writes.
     */
    private final FileChannel syncChannel;
    /** Every version below this one is written and synced. */
    private volatile long durableBelow;
    private volatile IntSupplier flushAtCommit = () -> 1;
    private volatile IntSupplier flushTimeoutSeconds = () -> 1;
    private long lastTimedSync = System.nanoTime();
    private final java.util.concurrent.atomic.LongAdder syncs = new java.util.concurrent.atomic.LongAdder();

    public GroupCommit(MVStore store, Lock layoutShared, Path file, CommitGate gate, BooleanSupplier diskTight)
            throws IOException {
        this.store = store;
        this.diskTight = diskTight;
        this.gate = gate;
        this.layoutShared = layoutShared;
        this.syncChannel = FileChannel.open(file, StandardOpenOption.READ);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "doppel-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::timedFlush, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Where the two settings are read, at every commit: the global variables once the server has them. */
    public void settings(IntSupplier flushAtCommit, IntSupplier flushTimeoutSeconds) {
        this.flushAtCommit = flushAtCommit;
        this.flushTimeoutSeconds = flushTimeoutSeconds;
    }

    /** Called after a transaction committed in the engine and before its OK is sent. */
    public void committed() {
        int mode = flushAtCommit.getAsInt();
        if (mode == 0) {
            return;
        }
        long version = store.getCurrentVersion();
        if (mode == 2) {
            write();
        } else if (durableBelow <= version) {
            writeAndSync(version);
        }
    }

    /** Writes and syncs everything committed so far, whatever the setting: for shutdown, snapshots and the reclaimer. */
    public void writeAndSyncAll() {
        writeAndSync(Long.MAX_VALUE - 1);
    }

    private void write() {
        layoutShared.lock();
        try {
            storeCommit();
            awaitPendingSaves();
        } finally {
            layoutShared.unlock();
        }
    }

    private void writeAndSync(long version) {
        layoutShared.lock();
        try {
            syncing.lock();
            try {
                // a sync that finished while this thread waited may have covered its version
                if (durableBelow > version) {
                    return;
                }
                long written = storeCommit();
                awaitPendingSaves();
                sync();
                durableBelow = written;
            } finally {
                syncing.unlock();
            }
        } finally {
            layoutShared.unlock();
        }
    }

    /**
     * A store commit: a new store version, taken when no statement is writing and no transaction committing. Only the
     * taking of the maps' roots needs the gate: the engine serializes and writes the version's pages in its own
     * threads afterwards ({@code tryCommit} hands them over and returns), while statements go on. A blocking
     * {@code commit()} would hold the gate through the serialization and the write too, and every writer with it.
     *
     * @return the store version below which every change is handed to the engine's save thread
     */
    private long storeCommit() {
        return gate.storing(() -> {
            // tryCommit gives up when another thread holds the store's lock (the reclaimer finishing a move)
            if (store.tryCommit() < 0 && store.hasUnsavedChanges()) {
                store.commit();
            }
            return store.getCurrentVersion();
        });
    }

    /**
     * Waits until every chunk handed to the engine's serialization and save threads is written: a sync before that
     * would not cover it, and the OK would come before the commit is on disk (found by reading the engine after
     * DiskFullIT once lost a commit at kill -9, when a store commit found nothing left to store and returned while
     * the chunk holding the same changes still waited in the save thread; see docs/durability.md). It hands a task
     * to the two engine threads and back.
     */
    private void awaitPendingSaves() {
        store.getFileStore().executeFileStoreOperation(() -> { });
    }

    /** How many syncs of the store's file the commits have made. */
    public long syncs() {
        return syncs.sum();
    }

    private void sync() {
        try {
            syncs.increment();
            syncChannel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the database file", e);
        }
    }

    private void timedFlush() {
        try {
            if (store.isClosed()) {
                return;
            }
            // the engine's own commits on a full commit buffer are off (EngineStoreCommits): big transactions are
            // written here instead, so that their changes do not all wait in memory. On a tight disk the pending
            // estimate may be what refuses writes (a statement stopped and taken back leaves a large one and a
            // small chunk): writing it shows the room really left.
            int unsaved = store.getUnsavedMemory();
            if (unsaved > UNSAVED_LIMIT_BYTES || unsaved != 0 && diskTight.getAsBoolean()) {
                write();
            }
            if (flushAtCommit.getAsInt() == 1) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastTimedSync < TimeUnit.SECONDS.toNanos(flushTimeoutSeconds.getAsInt())) {
                return;
            }
            lastTimedSync = now;
            writeAndSyncAll();
        } catch (RuntimeException e) {
            LOG.warn("could not write and sync the database file: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            syncChannel.close();
        } catch (IOException ignored) {
            // nothing left to sync through it
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
