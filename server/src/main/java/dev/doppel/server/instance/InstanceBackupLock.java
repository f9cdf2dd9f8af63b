package dev.doppel.server.instance;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.MySqlError;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MySQL's backup lock between DDL statements and backups (a clone with clone_block_ddl, LOCK INSTANCE FOR
 * BACKUP): any number of DDL statements run together, any number of backup holders hold it together, never both.
 * A waiting backup keeps new DDL out, so a stream of DDL cannot starve it.
 */
public final class InstanceBackupLock implements BackupLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int runningDdl;
    private int holders;
    private int waitingHolders;

    @Override
    public Holder acquire(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            waitingHolders++;
            try {
                while (runningDdl > 0) {
                    if (remaining <= 0) {
                        throw MySqlError.ER_LOCK_WAIT_TIMEOUT.exception();
                    }
                    remaining = changed.awaitNanos(remaining);
                }
            } finally {
                waitingHolders--;
                changed.signalAll();
            }
            holders++;
        } finally {
            lock.unlock();
        }
        boolean[] released = new boolean[1];
        return () -> {
            lock.lock();
            try {
                if (!released[0]) {
                    released[0] = true;
                    holders--;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        };
    }

    /** Before a DDL statement: waits while a backup holds or waits for the lock (1205 after the timeout). */
    public void enterDdl(long timeoutSeconds) throws InterruptedException {
        long remaining = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            while (holders > 0 || waitingHolders > 0) {
                if (remaining <= 0) {
                    throw MySqlError.ER_LOCK_WAIT_TIMEOUT.exception();
                }
                remaining = changed.awaitNanos(remaining);
            }
            runningDdl++;
        } finally {
            lock.unlock();
        }
    }

    /** After a DDL statement entered with {@link #enterDdl}. */
    public void exitDdl() {
        lock.lock();
        try {
            runningDdl--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
