package dev.doppel.server.engine.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Opens the engine's store on a thread of its own with a large stack. The engine reads its layout map at open by
 * recursion (a chunk's metadata is a layout entry, whose page lies in another chunk, whose metadata is another
 * entry...), so how deep it goes depends on the file, not on the server; a server that stopped with a deep layout
 * must still start. A layout entry that leads back to itself (docs/durability.md, the StackOverflowError on open)
 * still fails, after this stack too.
 */
public final class StoreOpening {
    private static final long STACK_BYTES = 512L << 20;

    private StoreOpening() {
    }

    public static Connection open(String url, Properties credentials) throws SQLException {
        try {
            return onLargeStack(() -> DriverManager.getConnection(url, credentials));
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    /** Runs {@code work} on a thread with a stack of 512 MB and waits for it; its failure is thrown here. */
    public static <T> T onLargeStack(Callable<T> work) throws Exception {
        Object[] done = new Object[1];
        Throwable[] failed = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                done[0] = work.call();
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "doppel-store-open", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the store opened", e);
        }
        if (failed[0] instanceof Exception e) {
            throw e;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) done[0];
        return result;
    }
}
