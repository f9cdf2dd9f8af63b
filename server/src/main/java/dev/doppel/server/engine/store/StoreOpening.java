package dev.doppel.server.engine.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

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
        Connection[] opened = new Connection[1];
        Throwable[] failed = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                opened[0] = DriverManager.getConnection(url, credentials);
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
        if (failed[0] instanceof SQLException e) {
            throw e;
        }
        if (failed[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
        return opened[0];
    }
}
