package dev.doppel.server.catalog;

import dev.doppel.plugin.MySqlError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The schema options MySQL keeps in its data dictionary and the engine has no place for: READ ONLY (ALTER SCHEMA
 * ... READ ONLY = 1), in the server's table public.doppel_schema_options, and in memory for the check every write
 * makes ({@link #requireWritable}).
 */
public final class SchemaOptions {
    private static final String TABLE = "public.doppel_schema_options";

    private final Supplier<Connection> connection;
    /** The read-only schemas, lower case; null until read. */
    private volatile Set<String> readOnly;

    public SchemaOptions(Supplier<Connection> connection) {
        this.connection = connection;
    }

    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (schema_name VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " read_only BOOLEAN NOT NULL) COMMENT 'Schema options'");
        }
    }

    public boolean isReadOnly(String schema) {
        Set<String> known = readOnly();
        return !known.isEmpty() && schema != null && known.contains(schema.toLowerCase(Locale.ROOT));
    }

    /** Whether any schema is read only: the checks of a statement's tables are skipped while none is. */
    public boolean anyReadOnly() {
        return !readOnly().isEmpty();
    }

    /** 3989 when {@code schema} is read only. */
    public void requireWritable(String schema) {
        if (isReadOnly(schema)) {
            throw MySqlError.ER_SCHEMA_READ_ONLY.exception(schema);
        }
    }

    public synchronized void setReadOnly(String schema, boolean on) {
        String key = schema.toLowerCase(Locale.ROOT);
        try (PreparedStatement change = connection.get().prepareStatement(on
                ? "MERGE INTO " + TABLE + " KEY (schema_name) VALUES (?, TRUE)"
                : "DELETE FROM " + TABLE + " WHERE schema_name = ?")) {
            change.setString(1, key);
            change.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the schema options: " + e.getMessage(), e);
        }
        Set<String> next = new HashSet<>(readOnly());
        if (on) {
            next.add(key);
        } else {
            next.remove(key);
        }
        readOnly = Set.copyOf(next);
    }

    /** DROP DATABASE: the schema's options go with it. */
    public void dropped(String schema) {
        if (isReadOnly(schema)) {
            setReadOnly(schema, false);
        }
    }

    private Set<String> readOnly() {
        Set<String> known = readOnly;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (readOnly == null) {
                Set<String> read = new HashSet<>();
                try (Statement statement = connection.get().createStatement();
                     ResultSet rows = statement.executeQuery("SELECT schema_name FROM " + TABLE + " WHERE read_only")) {
                    while (rows.next()) {
                        read.add(rows.getString(1));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the schema options: " + e.getMessage(), e);
                }
                readOnly = Set.copyOf(read);
            }
            return readOnly;
        }
    }
}
