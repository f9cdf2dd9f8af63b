package dev.doppel.server.session;

import dev.doppel.server.config.variables.SessionVariables;
import dev.doppel.server.engine.StorageEngine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The bounds of a session's engine statements, as its variables set them: max_execution_time for SELECTs (with a
 * statement's MAX_EXECUTION_TIME hint first) and innodb_lock_wait_timeout. Each is set on the engine connection
 * only when it changes.
 */
public final class EngineTimeouts {
    private final SessionVariables variables;
    private final StorageEngine engine;
    /** The engine connection's lock timeout as last set, -1 before it is set. */
    private int lockTimeout = -1;
    private int statementTimeout;

    EngineTimeouts(SessionVariables variables, StorageEngine engine) {
        this.variables = variables;
        this.engine = engine;
    }

    /** A new engine connection starts with neither bound set. */
    void newConnection(Connection connection) throws SQLException {
        lockTimeout = -1;
        statementTimeout = 0;
        syncLock(connection);
    }

    /**
     * Bounds the next engine statement's run time by max_execution_time when it is a SELECT (MySQL applies it to
     * SELECT statements only), and lifts the bound otherwise; {@code hintMillis} is the statement's hint, -1 for
     * none. Returns the bound in milliseconds, 0 for none.
     */
    public int syncStatement(Connection connection, boolean select, long hintMillis) throws SQLException {
        long wanted = !select ? 0 : hintMillis >= 0 ? hintMillis
                : ((Number) variables.value("max_execution_time")).longValue();
        int millis = (int) Math.min(Integer.MAX_VALUE, wanted);
        if (millis != statementTimeout) {
            engine.statementTimeout(connection, millis);
            statementTimeout = millis;
        }
        return millis;
    }

    /** The bound {@link #syncStatement} set for the engine statement now running, 0 for none. */
    public int statement() {
        return statementTimeout;
    }

    /** Bounds the engine's waits for row locks before a statement by innodb_lock_wait_timeout. */
    public void syncLock(Connection connection) throws SQLException {
        int millis = variables.lockWaitTimeoutMillis();
        if (millis != lockTimeout) {
            engine.lockTimeout(connection, millis);
            lockTimeout = millis;
        }
    }
}
