package dev.doppel.server.conformance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A script session through a JDBC driver: each statement as a text query ({@link Statement#execute}), or as a
 * prepared statement, which the URL makes server-side (COM_STMT_PREPARE/EXECUTE, binary rows).
 */
final class JdbcClient implements ScriptClient {
    /** MariaDB Connector/J puts "(conn=N) " before the server's message. */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\) ");

    private final Connection connection;
    private final boolean prepared;

    JdbcClient(Connection connection, boolean prepared) {
        this.connection = connection;
        this.prepared = prepared;
    }

    @Override
    public Outcome execute(String sql) {
        try {
            if (prepared) {
                try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    return outcome(statement, statement.execute());
                }
            }
            try (Statement statement = connection.createStatement()) {
                return outcome(statement, statement.execute(sql, Statement.RETURN_GENERATED_KEYS));
            }
        } catch (SQLException e) {
            return new Outcome.Error(e.getErrorCode(), e.getSQLState(), CONNECTION_PREFIX.matcher(e.getMessage()).replaceFirst(""));
        }
    }

    @Override
    public List<List<String>> warnings() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW WARNINGS")) {
            return rows(rows);
        }
    }

    private static Outcome outcome(Statement statement, boolean hasRows) throws SQLException {
        if (hasRows) {
            try (ResultSet rows = statement.getResultSet()) {
                return new Outcome.Rows(rows(rows));
            }
        }
        long affected = statement.getLargeUpdateCount();
        long insertId = 0;
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (keys.next()) {
                insertId = keys.getLong(1);
            }
        }
        return new Outcome.Ok(affected, insertId);
    }

    private static List<List<String>> rows(ResultSet rows) throws SQLException {
        int count = rows.getMetaData().getColumnCount();
        List<List<String>> result = new ArrayList<>();
        while (rows.next()) {
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(rows.getString(i));
            }
            result.add(row);
        }
        return result;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
