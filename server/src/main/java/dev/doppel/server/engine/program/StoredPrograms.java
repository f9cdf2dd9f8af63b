package dev.doppel.server.engine.program;

import java.sql.SQLException;

/** The session's stored programs as the engine's statements meet them: functions they call, triggers they fire. */
public interface StoredPrograms {
    /** Runs the stored function {@code schema.name}; its return value. */
    Object function(String schema, String name, Object[] arguments) throws SQLException;

    /**
     * Runs the triggers of {@code schema.table} for one row: {@code before} or after the change, for {@code event}
     * (INSERT, UPDATE or DELETE). A BEFORE trigger may change {@code newRow}, which the engine then stores.
     */
    void triggers(String schema, String table, boolean before, String event, Object[] oldRow, Object[] newRow)
            throws SQLException;
}
