package dev.doppel.server.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The MySQL types columns were declared with, where the engine keeps a different one (TINYINT UNSIGNED,
 * MEDIUMTEXT, DATETIME, ...): the table {@value #TABLE}, one row per column, written after each CREATE/ALTER
 * TABLE that declares the column and moved or deleted by RENAME and DROP.
 *
 * <p>Each row also keeps the engine's own type of the column as it was right after that statement
 * ({@code ENGINE_TYPE}). A recorded type is only believed while the engine still reports that same type, so a
 * change the registry did not follow (an ALTER form it does not parse) makes the column fall back to the type
 * derived from the engine instead of showing a stale one.
 *
 * <p>The table is the server's, not a client's: it lives in the engine's schema {@code public}, which no client
 * statement reaches, so that SHOW TABLES, information_schema and dumps of the mysql schema leave it out. Data
 * directories that kept it in {@code mysql} have it moved at startup.
 */
public final class ColumnTypeRegistry {
    public static final String TABLE = "public.doppel_column_types";
    private static final String FORMER_TABLE = "mysql.doppel_column_types";

    private ColumnTypeRegistry() {
    }

    /** One recorded column: its MySQL type and the engine type it was recorded against. */
    public record Entry(String columnType, String engineType) {
    }

    public static String createStatement() {
        return "CREATE TABLE IF NOT EXISTS " + TABLE + " (TABLE_SCHEMA VARCHAR(64) NOT NULL,"
                + " TABLE_NAME VARCHAR(64) NOT NULL, COLUMN_NAME VARCHAR(64) NOT NULL,"
                + " COLUMN_TYPE VARCHAR(65535) NOT NULL, ENGINE_TYPE VARCHAR(512) NOT NULL,"
                + " PRIMARY KEY (TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME))";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Records the declared types of columns of a table, against the engine's current types of those columns. */
    public static void record(Connection connection, String schema, String table, Map<String, String> declared)
            throws SQLException {
        if (declared.isEmpty()) {
            return;
        }
        Map<String, String> engineTypes = EngineCatalog.engineTypes(connection, schema, table);
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO " + TABLE
                + " KEY (TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> each : declared.entrySet()) {
                String engineType = engineTypes.get(key(each.getKey()));
                if (engineType == null) {
                    continue;
                }
                merge.setString(1, key(schema));
                merge.setString(2, key(table));
                merge.setString(3, key(each.getKey()));
                merge.setString(4, each.getValue());
                merge.setString(5, engineType);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    public static void dropTable(Connection connection, String schema, String table) throws SQLException {
        TableRegistryRows.dropTable(connection, TABLE, schema, table);
    }

    public static void dropSchema(Connection connection, String schema) throws SQLException {
        TableRegistryRows.dropSchema(connection, TABLE, schema);
    }

    public static void dropColumn(Connection connection, String schema, String table, String column)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            delete.setString(1, key(schema));
            delete.setString(2, key(table));
            delete.setString(3, key(column));
            delete.executeUpdate();
        }
    }

    public static void renameColumn(Connection connection, String schema, String table, String from, String to)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET COLUMN_NAME = ?"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            update.setString(1, key(to));
            update.setString(2, key(schema));
            update.setString(3, key(table));
            update.setString(4, key(from));
            update.executeUpdate();
        }
    }

    public static void renameTable(Connection connection, String schema, String table, String newSchema,
                                   String newTable) throws SQLException {
        TableRegistryRows.renameTable(connection, TABLE, schema, table, newSchema, newTable);
    }

    /** Copies the recorded types of one table to another (CREATE TABLE ... LIKE). */
    public static void copyTable(Connection connection, String schema, String table, String toSchema, String toTable)
            throws SQLException {
        dropTable(connection, toSchema, toTable);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " SELECT ?, ?,"
                + " COLUMN_NAME, COLUMN_TYPE, ENGINE_TYPE FROM " + TABLE + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            insert.setString(1, key(toSchema));
            insert.setString(2, key(toTable));
            insert.setString(3, key(schema));
            insert.setString(4, key(table));
            insert.executeUpdate();
        }
    }

    /**
     * The recorded entries, keyed "schema.table.column" in lower case; of one schema when {@code schema} is not
     * null.
     */
    public static Map<String, Entry> load(Connection connection, String schema) throws SQLException {
        Map<String, Entry> result = new HashMap<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, ENGINE_TYPE FROM " + TABLE
                + (schema == null ? "" : " WHERE TABLE_SCHEMA = ?");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (schema != null) {
                select.setString(1, key(schema));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1) + "." + rows.getString(2) + "." + rows.getString(3),
                            new Entry(rows.getString(4), rows.getString(5)));
                }
            }
        }
        return result;
    }

    /** Creates the registry table where it is missing, moving the rows of a former one in the mysql schema. */
    public static void ensureTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStatement());
            boolean former;
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'doppel_column_types'")) {
                former = rows.next() && rows.getInt(1) > 0;
            }
            if (former) {
                statement.execute("MERGE INTO " + TABLE + " KEY (TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME) SELECT * FROM "
                        + FORMER_TABLE);
                statement.execute("DROP TABLE " + FORMER_TABLE);
            }
        }
    }
}
