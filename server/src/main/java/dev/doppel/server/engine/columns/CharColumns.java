package dev.doppel.server.engine.columns;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's CHAR columns, which the engine keeps as VARCHAR_IGNORECASE so that they compare under the default
 * collation (sql.translate.CaseInsensitiveText): a CHAR value has no trailing spaces (MySQL pads it to its length and
 * strips the padding when it is read), so every table with one gets this trigger (before INSERT and UPDATE, row by
 * row), which strips them as the value is stored. The columns come from the server's column type registry
 * ({@code char(n)} over the engine's VARCHAR_IGNORECASE).
 */
public final class CharColumns implements Trigger {
    private static final String TRIGGER_PREFIX = "doppel_char_";
    private static final String REGISTRY = "public.doppel_column_types";

    private int[] columns;

    /** Creates, renews or drops the trigger of a table after DDL that may have changed its CHAR columns. */
    public static void refresh(Connection connection, String schema, String table) throws SQLException {
        drop(connection, schema, table);
        if (charColumns(connection, schema, table).length > 0) {
            ColumnTriggers.create(connection, schema, table, TRIGGER_PREFIX, CharColumns.class);
        }
    }

    /** Drops the trigger of a table, if it has one, and tells whether it had (see {@link ColumnTriggers}). */
    public static boolean drop(Connection connection, String schema, String table) throws SQLException {
        return ColumnTriggers.drop(connection, schema, table, CharColumns.class);
    }

    /** The positions (from 0) of the table's CHAR columns that the engine keeps as VARCHAR_IGNORECASE. */
    private static int[] charColumns(Connection connection, String schema, String table) throws SQLException {
        List<Integer> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN " + REGISTRY + " r"
                + " ON r.TABLE_SCHEMA = LOWER(c.TABLE_SCHEMA) AND r.TABLE_NAME = LOWER(c.TABLE_NAME)"
                + " AND r.COLUMN_NAME = LOWER(c.COLUMN_NAME) WHERE LOWER(c.TABLE_SCHEMA) = LOWER(?)"
                + " AND LOWER(c.TABLE_NAME) = LOWER(?) AND r.COLUMN_TYPE LIKE 'char(%'"
                + " AND c.DATA_TYPE = 'VARCHAR_IGNORECASE' ORDER BY c.ORDINAL_POSITION")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getInt(1) - 1);
                }
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        columns = charColumns(connection, schemaName, tableName);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        for (int column : columns) {
            if (newRow[column] instanceof String text && text.endsWith(" ")) {
                newRow[column] = strip(text);
            }
        }
    }

    static String strip(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
