package dev.doppel.server.engine;

/** GET_LOCK, RELEASE_LOCK, IS_FREE_LOCK, IS_USED_LOCK and RELEASE_ALL_LOCKS as the engine's Java functions. */
public final class MySqlLockFunctions {
    private MySqlLockFunctions() {
    }

    /** GET_LOCK(name, timeout): NULL timeout waits without limit, as a negative one does. */
    public static Long getLock(String name, Double timeoutSeconds) {
        return StatementEffects.userLocks().getLock(name, timeoutSeconds == null ? -1 : timeoutSeconds);
    }

    public static Long releaseLock(String name) {
        return StatementEffects.userLocks().releaseLock(name);
    }

    public static Long isFreeLock(String name) {
        return StatementEffects.userLocks().isFreeLock(name);
    }

    public static Long isUsedLock(String name) {
        return StatementEffects.userLocks().isUsedLock(name);
    }

    public static Long releaseAllLocks() {
        return StatementEffects.userLocks().releaseAllLocks();
    }
}
