package dev.doppel.server.engine;

/**
 * MySQL's user-level lock functions (GET_LOCK and the others) as the session running a statement sees them; the
 * server keeps the locks (instance.UserLocks), the engine's functions call this through {@link StatementEffects}.
 */
public interface UserLockService {
    /** GET_LOCK(name, timeout): 1 when taken, 0 after the timeout (negative: none), null when KILL ended the wait. */
    Long getLock(String name, double timeoutSeconds);

    /** RELEASE_LOCK(name): 1 when released, 0 when another session holds it, null when nobody does. */
    Long releaseLock(String name);

    /** IS_FREE_LOCK(name): 1 when nobody holds it, else 0. */
    Long isFreeLock(String name);

    /** IS_USED_LOCK(name): the connection id of its holder, or null. */
    Long isUsedLock(String name);

    /** RELEASE_ALL_LOCKS(): every lock of the session released; the number of acquisitions released. */
    long releaseAllLocks();
}
