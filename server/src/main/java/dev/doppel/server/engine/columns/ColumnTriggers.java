package dev.doppel.server.engine.columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine triggers through which the server stores the values of column types the engine lacks (JSON as MySQL
 * parses it, SET): one per table and class, before INSERT and UPDATE, made by the server's maintenance connection.
 * The engine re-creates a table's triggers when an ALTER TABLE copies the table, as the user running the ALTER, and a
 * client's engine user may not create a Java trigger: so the triggers go before such DDL and come back after it.
 */
public final class ColumnTriggers {
    private ColumnTriggers() {
    }

    /** Creates the trigger of {@code trigger}'s class on the table, named {@code prefix} and the table's name. */
    public static void create(Connection connection, String schema, String table, String prefix, Class<?> trigger)
            throws SQLException {
        String quotedSchema = quote(schema.toLowerCase(Locale.ROOT));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER " + quotedSchema + "." + quote(prefix + table.toLowerCase(Locale.ROOT))
                    + " BEFORE INSERT, UPDATE ON " + quotedSchema + "." + quote(table.toLowerCase(Locale.ROOT))
                    + " FOR EACH ROW CALL '" + trigger.getName() + "'");
        }
    }

    /** Drops the table's triggers of {@code trigger}'s class, and tells whether it had one. */
    public static boolean drop(Connection connection, String schema, String table, Class<?> trigger)
            throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT TRIGGER_NAME FROM"
                + " INFORMATION_SCHEMA.TRIGGERS WHERE LOWER(EVENT_OBJECT_SCHEMA) = LOWER(?)"
                + " AND LOWER(EVENT_OBJECT_TABLE) = LOWER(?) AND JAVA_CLASS = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, trigger.getName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    triggers.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String each : triggers) {
                statement.execute("DROP TRIGGER IF EXISTS " + quote(schema.toLowerCase(Locale.ROOT)) + "."
                        + quote(each));
            }
        }
        return !triggers.isEmpty();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
