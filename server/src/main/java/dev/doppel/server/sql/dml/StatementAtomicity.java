package dev.doppel.server.sql.dml;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * One MySQL statement that the server runs as several engine statements (INSERT IGNORE row by row, UPDATE IGNORE,
 * multi-table UPDATE and DELETE), kept whole as MySQL keeps a statement: in autocommit mode its parts commit
 * together, inside a transaction they stand behind a savepoint, and an error takes all of them back.
 */
final class StatementAtomicity {
    interface Parts<T> {
        T run() throws SQLException;
    }

    private StatementAtomicity() {
    }

    static <T> T run(Connection connection, Parts<T> parts) throws SQLException {
        boolean autocommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autocommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try {
            T result = parts.run();
            if (autocommit) {
                connection.commit();
            } else {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (autocommit) {
                connection.rollback();
            } else {
                connection.rollback(savepoint);
            }
            throw e;
        } finally {
            if (autocommit) {
                connection.setAutoCommit(true);
            }
        }
    }
}
