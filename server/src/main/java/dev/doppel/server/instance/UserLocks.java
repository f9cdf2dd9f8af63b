package dev.doppel.server.instance;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.UserLockService;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The server's user-level locks (GET_LOCK, RELEASE_LOCK, ...), as MySQL keeps them: named (up to 64 characters,
 * compared case-insensitively), held by one session, which may take a lock several times and releases it as often,
 * and released with everything else when the session ends or resets. A waiting session wakes when a lock is
 * released, and at least every {@value #KILL_CHECK_MILLIS} ms to see whether KILL ended its statement.
 */
public final class UserLocks {
    public static final int MAX_NAME_LENGTH = 64;
    private static final long KILL_CHECK_MILLIS = 20;

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition released = guard.newCondition();
    private final Map<String, Holder> held = new HashMap<>();

    private static final class Holder {
        final long session;
        long count = 1;

        Holder(long session) {
            this.session = session;
        }
    }

    /** The functions as session {@code session} calls them; {@code killed} tells whether KILL ended its statement. */
    public UserLockService forSession(long session, BooleanSupplier killed) {
        return new UserLockService() {
            @Override
            public Long getLock(String name, double timeoutSeconds) {
                return acquire(session, name, timeoutSeconds, killed);
            }

            @Override
            public Long releaseLock(String name) {
                return release(session, name);
            }

            @Override
            public Long isFreeLock(String name) {
                return holder(name) == null ? 1L : 0L;
            }

            @Override
            public Long isUsedLock(String name) {
                return holder(name);
            }

            @Override
            public long releaseAllLocks() {
                return releaseAll(session);
            }
        };
    }

    private static String key(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw MySqlError.ER_USER_LOCK_WRONG_NAME.exception(name == null ? "NULL" : name);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    Long acquire(long session, String name, double timeoutSeconds, BooleanSupplier killed) {
        String key = key(name);
        long deadline = timeoutSeconds < 0 ? Long.MAX_VALUE
                : System.nanoTime() + (long) Math.min(timeoutSeconds * 1e9, Long.MAX_VALUE / 4.0);
        guard.lock();
        try {
            while (true) {
                Holder holder = held.get(key);
                if (holder == null) {
                    held.put(key, new Holder(session));
                    return 1L;
                }
                if (holder.session == session) {
                    holder.count++;
                    return 1L;
                }
                if (killed.getAsBoolean()) {
                    return null;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0L;
                }
                released.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(KILL_CHECK_MILLIS)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            guard.unlock();
        }
    }

    Long release(long session, String name) {
        String key = key(name);
        guard.lock();
        try {
            Holder holder = held.get(key);
            if (holder == null) {
                return null;
            }
            if (holder.session != session) {
                return 0L;
            }
            if (--holder.count == 0) {
                held.remove(key);
                released.signalAll();
            }
            return 1L;
        } finally {
            guard.unlock();
        }
    }

    Long holder(String name) {
        String key = key(name);
        guard.lock();
        try {
            Holder holder = held.get(key);
            return holder == null ? null : holder.session;
        } finally {
            guard.unlock();
        }
    }

    /** Releases every lock of {@code session} (RELEASE_ALL_LOCKS, and the end or reset of the session). */
    public long releaseAll(long session) {
        guard.lock();
        try {
            long count = 0;
            for (Iterator<Holder> each = held.values().iterator(); each.hasNext(); ) {
                Holder holder = each.next();
                if (holder.session == session) {
                    count += holder.count;
                    each.remove();
                }
            }
            if (count > 0) {
                released.signalAll();
            }
            return count;
        } finally {
            guard.unlock();
        }
    }
}
