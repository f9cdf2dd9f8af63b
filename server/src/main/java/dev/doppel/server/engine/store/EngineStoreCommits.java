package dev.doppel.server.engine.store;

import org.h2.mvstore.MVStore;

import java.lang.reflect.Field;

/**
 * Turns off the store commits the engine makes on its own, so that every store commit goes through the
 * {@link CommitGate} (docs/durability.md): its background writer's (a commit after {@code WRITE_DELAY} without one),
 * and the ones a write or a transaction's end makes when the unsaved changes pass the store's commit buffer. The
 * server writes big unsaved changes itself instead ({@link GroupCommit}).
 */
public final class EngineStoreCommits {
    /**
     * The engine's commit buffer from now on. A write stores when its unsaved bytes (an int) are above it, which they
     * never are; a transaction's end when {@code 4 * unsaved > 3 * buffer} in int arithmetic, where {@code 3 *} this
     * wraps to 2,147,483,645 and {@code 4 * unsaved}, a multiple of 4, is never above it. A quarter of the int range
     * (an earlier choice) was reached by one statement of 300 MB of rows: the engine stored in the middle of the
     * statement, past the gate (DiskFullIT).
     */
    private static final int UNREACHED_BYTES = Integer.MAX_VALUE;

    private EngineStoreCommits() {
    }

    public static void turnOff(MVStore store) {
        // 0 would stop the background writer but make every transaction's end commit the store itself. Changing it
        // restarts the store's save threads, so the engine's URL sets it already (WRITE_DELAY) and this only checks.
        // Every connection whose URL names WRITE_DELAY sets it again (EngineOwnStoreCommitsTest): only the maximum.
        if (store.getAutoCommitDelay() != Integer.MAX_VALUE) {
            store.setAutoCommitDelay(Integer.MAX_VALUE);
        }
        try {
            Field buffer = MVStore.class.getDeclaredField("autoCommitMemory");
            buffer.setAccessible(true);
            buffer.setInt(store, UNREACHED_BYTES);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this engine version does not let the server own its store commits", e);
        }
        if (store.getAutoCommitMemory() != UNREACHED_BYTES) {
            throw new IllegalStateException("the engine's commit buffer did not change");
        }
    }
}
