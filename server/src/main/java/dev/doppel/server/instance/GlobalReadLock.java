package dev.doppel.server.instance;

import dev.doppel.plugin.MySqlError;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MySQL's global read lock (FLUSH TABLES WITH READ LOCK): one session holds it, and meanwhile no other session
 * changes data or definitions; their writes wait for UNLOCK TABLES or the holder's end, up to lock_wait_timeout
 * (1205). The holder's own writes fail with 1223. Taking the lock waits for the writes under way to end, and new
 * writes queue behind a session that waits to take it, so a stream of writes cannot starve it.
 */
public final class GlobalReadLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The session that holds the lock, 0 when none does. */
    private long holder;
    /** Sessions waiting to take the lock. */
    private int waiting;
    private int writers;

    /** FLUSH TABLES WITH READ LOCK by {@code session}: holds the lock once no other write runs (1205 after the timeout). */
    public void acquire(long session, long timeoutSeconds) throws InterruptedException {
        long remaining = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            if (holder == session) {
                return;
            }
            waiting++;
            try {
                while (holder != 0 || writers > 0) {
                    remaining = await(remaining);
                }
            } finally {
                waiting--;
                changed.signalAll();
            }
            holder = session;
        } finally {
            lock.unlock();
        }
    }

    /** UNLOCK TABLES or the end of {@code session}: the lock goes if that session holds it. */
    public void release(long session) {
        lock.lock();
        try {
            if (holder == session) {
                holder = 0;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean heldBy(long session) {
        lock.lock();
        try {
            return holder == session;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A write of {@code session} begins: 1223 when that session holds the lock; otherwise it waits while another
     * session holds the lock or waits for it (1205 after the timeout). Each call is paired with {@link #exitWrite}.
     */
    public void enterWrite(long session, long timeoutSeconds) throws InterruptedException {
        long remaining = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            if (holder == session) {
                throw MySqlError.ER_CANT_UPDATE_WITH_READLOCK.exception();
            }
            while (holder != 0 || waiting > 0) {
                remaining = await(remaining);
            }
            writers++;
        } finally {
            lock.unlock();
        }
    }

    public void exitWrite() {
        lock.lock();
        try {
            writers--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long await(long remaining) throws InterruptedException {
        if (remaining <= 0) {
            throw MySqlError.ER_LOCK_WAIT_TIMEOUT.exception();
        }
        return changed.awaitNanos(remaining);
    }
}
