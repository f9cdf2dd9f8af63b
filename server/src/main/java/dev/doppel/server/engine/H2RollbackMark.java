package dev.doppel.server.engine;

import org.h2.engine.SessionLocal;
import org.h2.mvstore.tx.Transaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clears the mark the engine sets on a transaction when part of it is rolled back (a statement that failed, or a
 * rollback to a savepoint). Another transaction that waits for one of this transaction's row locks returns from its
 * wait at once while the mark is set, to look again whether the lock went with the rollback; the mark stays until the
 * transaction ends, so the waiter spun on a core and never timed out (1205) while the holder kept its other changes:
 * measured, one idle client in a transaction that had one failed UPDATE made every writer of that row loop forever.
 * Once the rolled-back statement has finished, the waiters have been woken and looked again, so the mark has done its
 * work and is cleared.
 */
final class H2RollbackMark {
    /** The engine keeps status, this mark and the log id in one long: the mark is bit 45 (status bits 41-44). */
    private static final long ROLLBACK_BIT = 1L << 45;
    private static final MethodHandle STATE;

    static {
        try {
            STATE = MethodHandles.privateLookupIn(Transaction.class, MethodHandles.lookup())
                    .findGetter(Transaction.class, "statusAndLogId", AtomicLong.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private H2RollbackMark() {
    }

    static void clear(SessionLocal session) {
        if (!session.hasPendingTransaction()) {
            return; // no changes, so no row locks anyone could wait for
        }
        AtomicLong state;
        try {
            state = (AtomicLong) STATE.invokeExact(session.getTransaction());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the engine's transaction state", e);
        }
        long current = state.get();
        while ((current & ROLLBACK_BIT) != 0 && !state.compareAndSet(current, current & ~ROLLBACK_BIT)) {
            current = state.get();
        }
    }
}
