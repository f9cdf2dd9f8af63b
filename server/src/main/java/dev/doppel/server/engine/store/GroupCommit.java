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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.tx.Transaction;

/**
 * Makes commits durable as {@code innodb_flush_log_at_trx_commit} says (docs/durability.md):
 * <ul>
 *   <li>1: the commit's redo record is synced before the commit is acknowledged;</li>
 *   <li>2: written at every commit, synced about every {@code innodb_flush_log_at_timeout} seconds;</li>
 *   <li>0: the same here (the record is written at commit), synced about every {@code innodb_flush_log_at_timeout}
 *   seconds.</li>
 * </ul>
 * A commit appends its transaction's changes to the {@link RedoLog} just before the engine commits it; commits that
 * sync at the same time share one sync (group commit). The store itself is written and synced now and then (a
 * checkpoint), after which the log's older segments go. A change the log cannot hold ({@link UnloggedChanges}: DDL,
 * the engine's own maps, a transaction too large for a record) is made durable by writing and syncing the store, as
 * every commit was before the log; so is every commit when the log is off ({@code -Ddoppel.redo-log=off}).
 *
 * <p>H2 tags every change with the store's current version and writes a version as a whole; so a commit whose
 * transaction ended while the store was at version {@code v} is in the store once a sync has followed the writing of
 * every version up to {@code v}, and a redo record tagged {@code v} is replayed after a crash only if the store's file
 * ends below {@code v + 1}.
 */
public final class GroupCommit implements CommitLogging, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Unsaved changes above this are written without waiting for a commit (H2's own commit buffer was 19 MB). */
    private static final int UNSAVED_LIMIT_BYTES = 16 << 20;
    /** A checkpoint when the log holds this much since the last one, and at least every {@link #CHECKPOINT_MILLIS}. */
    private static final long CHECKPOINT_LOG_BYTES = 3L * RedoSegments.SEGMENT_BYTES;
    private static final long CHECKPOINT_MILLIS = 30_000;
    /** A transaction with more changes than this is stored by a store commit rather than logged. */
    private static final int MAX_LOGGED_CHANGES = 50_000;

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
    private long lastCheckpoint = System.nanoTime();
    /** Null when the log is off: every commit then writes and syncs the store. */
    private final RedoLog log;
    private final UnloggedChanges unlogged;
    private final RedoRecords records;
    /**
     * The highest version of an unlogged change whose barrier record could not be appended (-1: none): until a store
     * sync covers it, nothing more is logged, so that no record is ever replayed past it.
     */
    private final AtomicLong barrierMissing = new AtomicLong(-1);
    private final java.util.concurrent.atomic.LongAdder syncs = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param datadir where the redo log goes, or null for none; whatever log was there is replayed and stored by
     *     {@link RedoRecovery} before this is made
     */
    public GroupCommit(MVStore store, Lock layoutShared, Path file, CommitGate gate, BooleanSupplier diskTight,
            Path datadir, LongSupplier room) throws IOException {
        this.store = store;
        this.unlogged = new UnloggedChanges(store);
        this.records = new RedoRecords(store);
        this.log = datadir == null ? null : RedoLog.start(datadir, room);
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

    /**
     * A transaction is about to commit in the engine: its changes go to the log now, in the order the commits will
     * be visible (a transaction that depends on this one can only commit after it). Runs while the store cannot take
     * a version, so the version read here is the one the commit lands in.
     */
    @Override
    public void beforeCommit(SessionLocal session) {
        if (log == null || !session.hasPendingTransaction()) {
            return;
        }
        long version = store.getCurrentVersion();
        // a large object or a sequence's next values written by this transaction are outside its undo log
        if (barrierMissing.get() >= 0 || !unlogged.watchedUnchanged()) {
            unloggedChange(version);
            return;
        }
        byte[] record;
        try {
            record = records.encode(session.getTransaction(), MAX_LOGGED_CHANGES);
        } catch (RuntimeException e) {
            // a value the map's types cannot write here: the store makes this commit durable instead
            LOG.warn("a commit could not be written to the redo log: {}", e.toString());
            record = null;
        }
        if (record == null || log.append(record, version) < 0) {
            unloggedChange(version);
        }
    }

    @Override
    public void statement(String sql) {
        if (log != null && !UnloggedChanges.logged(sql)) {
            unloggedChange(store.getCurrentVersion());
        }
    }

    /**
     * A change only the store can make durable, in {@code version}: commits wait for a store sync that covers it, and
     * a barrier record stops the replay there while the store does not hold it (a record after it may depend on it).
     */
    private void unloggedChange(long version) {
        unlogged.changed(version);
        if (log.append(RedoRecords.BARRIER, version) < 0) {
            barrierMissing.accumulateAndGet(version, Math::max);
        }
    }

    /** Called after a transaction committed in the engine and before its OK is sent. */
    public void committed() {
        int mode = flushAtCommit.getAsInt();
        if (mode == 0) {
            return;
        }
        if (log != null && unlogged.noneBeyond(durableBelow)) {
            if (mode == 1) {
                log.syncTo(log.written());
            }
            return;
        }
        long version = store.getCurrentVersion();
        if (mode == 2) {
            write();
        } else if (durableBelow <= version) {
            if (log != null) {
                log.syncTo(log.written());
            }
            writeAndSync(version);
        }
    }

    /** Writes and syncs everything committed so far, whatever the setting: for shutdown, snapshots and the reclaimer. */
    public void writeAndSyncAll() {
        writeAndSync(Long.MAX_VALUE - 1);
    }

    /** At a clean shutdown, once the store holds everything: the log is no longer needed. */
    public void logNoLongerNeeded() {
        if (log != null) {
            log.deleteAll();
        }
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
                StoreVersion taken = storeCommit();
                long written = taken.below();
                awaitPendingSaves();
                sync();
                durableBelow = written;
                if (log != null) {
                    unlogged.durable(taken.watched(), written);
                    barrierMissing.getAndUpdate(missing -> missing < written ? -1 : missing);
                }
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
     * @return the store version below which every change is handed to the engine's save thread, and the engine's own
     *     maps as that version holds them (none when the log is off)
     */
    private StoreVersion storeCommit() {
        return gate.storing(() -> {
            UnloggedChanges.Watched watched = log == null ? null : unlogged.watchedNow();
            // tryCommit gives up when another thread holds the store's lock (the reclaimer finishing a move)
            if (store.tryCommit() < 0 && store.hasUnsavedChanges()) {
                store.commit();
            }
            return new StoreVersion(store.getCurrentVersion(), watched);
        });
    }

    /** A store version taken: every change below {@code below} is in it. */
    private record StoreVersion(long below, UnloggedChanges.Watched watched) {
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

    /** How many syncs of the store's file and the redo log the commits have made. */
    public long syncs() {
        return syncs.sum() + (log == null ? 0 : log.syncs());
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
            long now = System.nanoTime();
            if (log != null && (unsaved > UNSAVED_LIMIT_BYTES || log.kept() > CHECKPOINT_LOG_BYTES
                    || now - lastCheckpoint > TimeUnit.MILLISECONDS.toNanos(CHECKPOINT_MILLIS) && unsaved != 0)) {
                // a checkpoint: the store holds every logged commit, and the log's older segments can go
                writeAndSyncAll();
                lastCheckpoint = now;
            } else if (unsaved > UNSAVED_LIMIT_BYTES || unsaved != 0 && diskTight.getAsBoolean()) {
                write();
            }
            if (log != null) {
                log.trim(durableBelow);
                log.prepareSpare();
            }
            if (flushAtCommit.getAsInt() == 1) {
                return;
            }
            if (now - lastTimedSync < TimeUnit.SECONDS.toNanos(flushTimeoutSeconds.getAsInt())) {
                return;
            }
            lastTimedSync = now;
            if (log != null) {
                log.syncTo(log.written());
                if (unlogged.noneBeyond(durableBelow)) {
                    return;
                }
            }
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
        if (log != null) {
            log.close();
        }
    }
}
