package dev.doppel.server.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The rows the server's own registries keep per table (keyed by TABLE_SCHEMA and TABLE_NAME in lower case:
 * {@link ColumnTypeRegistry}, {@link FulltextIndexes}), following a table's DROP and RENAME and a schema's DROP.
 */
public final class TableRegistryRows {
    private TableRegistryRows() {
    }

    /** A schema's or table's name as the registries key it: in lower case. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public static void dropTable(Connection connection, String registry, String schema, String table) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + registry
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            delete.setString(1, schema.toLowerCase(Locale.ROOT));
            delete.setString(2, table.toLowerCase(Locale.ROOT));
            delete.executeUpdate();
        }
    }

    public static void dropSchema(Connection connection, String registry, String schema) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + registry
                + " WHERE TABLE_SCHEMA = ?")) {
            delete.setString(1, schema.toLowerCase(Locale.ROOT));
            delete.executeUpdate();
        }
    }

    /** Moves a table's rows to its new name, dropping those a table of that name left. */
    public static void renameTable(Connection connection, String registry, String schema, String table, String newSchema,
                            String newTable) throws SQLException {
        dropTable(connection, registry, newSchema, newTable);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + registry + " SET TABLE_SCHEMA = ?,"
                + " TABLE_NAME = ? WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            update.setString(1, newSchema.toLowerCase(Locale.ROOT));
            update.setString(2, newTable.toLowerCase(Locale.ROOT));
            update.setString(3, schema.toLowerCase(Locale.ROOT));
            update.setString(4, table.toLowerCase(Locale.ROOT));
            update.executeUpdate();
        }
    }
}
