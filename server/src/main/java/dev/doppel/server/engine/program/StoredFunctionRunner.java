package dev.doppel.server.engine.program;

import java.sql.SQLException;

/** Runs a stored function for a statement of a session (the session's stored program interpreter). */
@FunctionalInterface
public interface StoredFunctionRunner {
    Object call(String schema, String name, Object[] arguments) throws SQLException;
}
