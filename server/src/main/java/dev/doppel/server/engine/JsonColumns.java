package dev.doppel.server.engine;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.columns.ColumnTriggers;
import dev.doppel.server.json.Json;
import dev.doppel.server.json.JsonSyntaxException;
import org.h2.api.Trigger;
import org.h2.value.ValueJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MySQL parses a string stored in a JSON column as JSON text; the engine makes it a JSON string. So every table with
 * JSON columns gets this trigger (before INSERT and UPDATE, row by row): a JSON string arriving in such a column is
 * the text given for it and is parsed (an invalid one fails with MySQL's 3140), and every value is stored in MySQL's
 * normalized text. The engine has converted the value before a trigger sees it, so a JSON value that really is a
 * string (CAST('"a"' AS JSON)) cannot be told from the text {@code "a"} here: it is parsed too (docs/testing.md).
 */
public final class JsonColumns implements Trigger {
    private static final String TRIGGER_PREFIX = "doppel_json_";

    private String table;
    private int[] columns;
    private String[] names;

    /** Creates, renews or drops the trigger of a table after DDL that may have changed its JSON columns. */
    public static void refresh(Connection connection, String schema, String table) throws SQLException {
        drop(connection, schema, table);
        boolean hasJson;
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?) AND DATA_TYPE = 'JSON'")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                hasJson = rows.next();
            }
        }
        if (hasJson) {
            ColumnTriggers.create(connection, schema, table, TRIGGER_PREFIX, JsonColumns.class);
        }
    }

    /** Drops the trigger of a table, if it has one, and tells whether it had (see {@link ColumnTriggers}). */
    public static boolean drop(Connection connection, String schema, String table) throws SQLException {
        return ColumnTriggers.drop(connection, schema, table, JsonColumns.class);
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        this.table = tableName;
        List<Integer> positions = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ORDINAL_POSITION, COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND DATA_TYPE = 'JSON'"
                + " ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, schemaName);
            statement.setString(2, tableName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getInt(1) - 1);
                    columnNames.add(rows.getString(2));
                }
            }
        }
        this.columns = positions.stream().mapToInt(Integer::intValue).toArray();
        this.names = columnNames.toArray(new String[0]);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < columns.length; i++) {
            int column = columns[i];
            Object value = newRow[column];
            if (value == null || (oldRow != null && sameBytes(oldRow[column], value))) {
                continue;
            }
            Object parsed = Json.parse(text(value));
            if (parsed instanceof String given) {
                try {
                    parsed = Json.parse(given);
                } catch (JsonSyntaxException e) {
                    throw MySqlError.ER_INVALID_JSON_TEXT.exception(e.getMessage(), e.position(),
                            table + "." + names[i]);
                }
            }
            newRow[column] = ValueJson.getInternal(Json.write(parsed).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static boolean sameBytes(Object a, Object b) {
        return a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y) : b.equals(a);
    }
}
