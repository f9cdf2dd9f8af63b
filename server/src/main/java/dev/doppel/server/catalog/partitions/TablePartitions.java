package dev.doppel.server.catalog.partitions;

import dev.doppel.server.catalog.TableRegistryRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partitioned tables, which the engine has no kind of: the table {@value #TABLE}, one row per table with its
 * {@link PartitionScheme}, the engine's CHECK constraint that keeps each row in a partition, and the engine's
 * expression of a row's partition number. Like the other registries it lives in the engine's schema {@code public},
 * which no client statement reaches, and follows RENAME and DROP.
 */
public final class TablePartitions {
    public static final String TABLE = "public.doppel_table_partitions";

    /** A partitioned table: its scheme, its constraint's name, and its partition number in the engine's SQL. */
    public record Entry(PartitionScheme scheme, String constraint, String placement) {
    }

    private TablePartitions() {
    }

    public static void ensureTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (TABLE_SCHEMA VARCHAR(64) NOT NULL,"
                    + " TABLE_NAME VARCHAR(64) NOT NULL, SCHEME VARCHAR(1000000) NOT NULL,"
                    + " CONSTRAINT_NAME VARCHAR(64) NOT NULL, PLACEMENT VARCHAR(1000000) NOT NULL,"
                    + " PRIMARY KEY (TABLE_SCHEMA, TABLE_NAME))");
        }
    }

    private static String key(String name) {
        return TableRegistryRows.key(name);
    }

    /** The table's partitioning; null when it is not partitioned. */
    public static Entry of(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT SCHEME, CONSTRAINT_NAME, PLACEMENT FROM "
                + TABLE + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            select.setString(1, key(schema));
            select.setString(2, key(table));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Entry(PartitionSchemeJson.read(rows.getString(1)), rows.getString(2),
                        rows.getString(3)) : null;
            }
        }
    }

    /** A table's key in {@link #all}: "schema.table" in lower case. */
    public static String tableKey(String schema, String table) {
        return key(schema) + "." + key(table);
    }

    /** Every partitioned table, by {@link #tableKey}. */
    public static Map<String, Entry> all(Connection connection) throws SQLException {
        Map<String, Entry> result = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, SCHEME, CONSTRAINT_NAME,"
                     + " PLACEMENT FROM " + TABLE)) {
            while (rows.next()) {
                result.put(rows.getString(1) + "." + rows.getString(2), new Entry(
                        PartitionSchemeJson.read(rows.getString(3)), rows.getString(4), rows.getString(5)));
            }
        }
        return result;
    }

    public static void put(Connection connection, String schema, String table, Entry entry) throws SQLException {
        dropTable(connection, schema, table);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (TABLE_SCHEMA, TABLE_NAME, SCHEME, CONSTRAINT_NAME, PLACEMENT) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key(schema));
            insert.setString(2, key(table));
            insert.setString(3, PartitionSchemeJson.write(entry.scheme()));
            insert.setString(4, entry.constraint());
            insert.setString(5, entry.placement());
            insert.executeUpdate();
        }
    }

    public static void dropTable(Connection connection, String schema, String table) throws SQLException {
        TableRegistryRows.dropTable(connection, TABLE, schema, table);
    }

    public static void dropSchema(Connection connection, String schema) throws SQLException {
        TableRegistryRows.dropSchema(connection, TABLE, schema);
    }

    public static void renameTable(Connection connection, String schema, String table, String newSchema,
                                   String newTable) throws SQLException {
        TableRegistryRows.renameTable(connection, TABLE, schema, table, newSchema, newTable);
    }
}
