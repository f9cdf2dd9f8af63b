package dev.doppel.server.conformance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DataTruncation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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

    private static final String TRUNCATION_PREFIX = "Data truncation: ";

    /** Statements MySQL does not prepare (1295): an application sends them as text, and so do the prepared modes. */
    private static final java.util.regex.Pattern STORED_PROGRAM_DDL = java.util.regex.Pattern.compile(
            "(?is)\\s*(CREATE|ALTER|DROP)\\s+(DEFINER\\s*=\\s*\\S+\\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\\b");

    private final Connection connection;
    private final boolean prepared;

    JdbcClient(Connection connection, boolean prepared) {
        this.connection = connection;
        this.prepared = prepared;
    }

    @Override
    public boolean prepares() {
        return prepared;
    }

    @Override
    public Outcome execute(String sql) {
        try {
            if (prepared && !STORED_PROGRAM_DDL.matcher(sql).lookingAt()) {
                try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    return outcome(statement, statement.execute());
                }
            }
            try (Statement statement = connection.createStatement()) {
                return outcome(statement, statement.execute(sql, Statement.RETURN_GENERATED_KEYS));
            }
        } catch (SQLException e) {
            String message = CONNECTION_PREFIX.matcher(e.getMessage()).replaceFirst("");
            if (e instanceof DataTruncation && message.startsWith(TRUNCATION_PREFIX)) {
                // Connector/J turns the server's data errors (1264, 1292, 1406 ...) into DataTruncation with SQLSTATE
                // 22001 and this prefix, as it does against MySQL: the server's SQLSTATE is lost
                return new Outcome.Error(e.getErrorCode(), null, message.substring(TRUNCATION_PREFIX.length()));
            }
            return new Outcome.Error(e.getErrorCode(), e.getSQLState(), message);
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
                row.add(value(rows, i));
            }
            result.add(row);
        }
        return result;
    }

    /**
     * The value as MySQL's text protocol writes it. The drivers print floating-point and DATETIME values their own
     * way (1.0E10, trailing zeros), so those are formatted here from the value and the column's decimals.
     */
    private static String value(ResultSet rows, int index) throws SQLException {
        int type = rows.getMetaData().getColumnType(index);
        switch (type) {
            case Types.REAL -> {
                float value = rows.getFloat(index);
                return rows.wasNull() ? null : plain(new BigDecimal(Float.toString(value)));
            }
            case Types.DOUBLE, Types.FLOAT -> {
                double value = rows.getDouble(index);
                return rows.wasNull() ? null : plain(new BigDecimal(Double.toString(value)));
            }
            case Types.TIMESTAMP, Types.TIME -> {
                return fraction(rows.getString(index), decimals(rows.getMetaData(), index, type == Types.TIMESTAMP ? 19 : 10));
            }
            default -> {
                return rows.getString(index);
            }
        }
    }

    /**
     * The fractional digits of a DATETIME or TIME column as the server declared them: its decimals, or what its
     * length says beyond 19 (DATETIME) or 10 (TIME, "-838:59:59") characters (Connector/J reports 0 decimals).
     */
    private static int decimals(ResultSetMetaData meta, int index, int plainLength) throws SQLException {
        int scale = meta.getScale(index);
        int precision = meta.getPrecision(index);
        return scale > 0 ? scale : precision > plainLength + 1 ? precision - plainLength - 1 : 0;
    }

    /** The drivers drop zero fractions (Connector/J) or print six digits (MariaDB, binary rows). */
    private static String fraction(String value, int decimals) {
        if (value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        String digits = dot < 0 ? "" : value.substring(dot + 1);
        digits = (digits + "000000").substring(0, decimals);
        return decimals == 0 ? whole : whole + "." + digits;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
