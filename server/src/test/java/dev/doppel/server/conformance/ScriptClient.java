package dev.doppel.server.conformance;

import java.util.List;

/** One session a conformance script runs in: in-process, or a JDBC driver over the wire. */
interface ScriptClient extends AutoCloseable {
    /** Runs one statement; a MySQL error is an {@link Outcome.Error}, not an exception. */
    Outcome execute(String sql) throws Exception;

    /** Whether statements run as server-prepared statements (COM_STMT_PREPARE, then EXECUTE). */
    default boolean prepares() {
        return false;
    }

    /** SHOW WARNINGS of the last statement: level, code, message per row. */
    default List<List<String>> warnings() throws Exception {
        Outcome outcome = execute("SHOW WARNINGS");
        if (outcome instanceof Outcome.Rows rows) {
            return rows.rows();
        }
        throw new IllegalStateException("SHOW WARNINGS failed: " + outcome);
    }
}
