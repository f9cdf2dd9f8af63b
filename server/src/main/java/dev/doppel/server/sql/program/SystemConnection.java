package dev.doppel.server.sql.program;

import dev.doppel.server.engine.StorageEngine;

import java.sql.Connection;
import java.sql.SQLException;

/** The engine connection a stored-program catalog keeps its table through: the server's own, opened on first use. */
public final class SystemConnection {
    private final StorageEngine engine;
    private final String what;
    private Connection connection;

    /** {@code what} names the catalog in the message of a failure to connect. */
    public SystemConnection(StorageEngine engine, String what) {
        this.engine = engine;
        this.what = what;
    }

    public synchronized Connection get() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = engine.maintenanceConnection();
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the engine for " + what, e);
        }
    }
}
