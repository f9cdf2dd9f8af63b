package dev.doppel.server.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The columns declared with an {@link UnsignedType}, read from the engine's own column metadata (the column's
 * domain) once after each change of tables, so that result metadata can flag them UNSIGNED without a query
 * per statement.
 */
public final class UnsignedColumns {
    private static volatile UnsignedColumns current = new UnsignedColumns(null);

    /** Opens a connection to the engine for a reload. */
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** One unsigned column; {@code position} counts from 1 as ORDINAL_POSITION does. */
    public record Column(String name, int position, UnsignedType type) {
    }

    private final ConnectionSource connections;
    private final AtomicLong generation = new AtomicLong();
    /** schema → table → column → entry, names exactly as the engine reports them; null after a change. */
    private volatile Map<String, Map<String, Map<String, Column>>> tables;

    public UnsignedColumns(ConnectionSource connections) {
        this.connections = connections;
        this.tables = connections == null ? Map.of() : null;
    }

    public static void install(UnsignedColumns columns) {
        current = columns;
    }

    public static UnsignedColumns current() {
        return current;
    }

    /** Tables were created, altered or dropped: the next look-up reads the engine again. */
    public void changed() {
        generation.incrementAndGet();
        tables = null;
    }

    /** Counts the changes of tables ({@link #changed()}): what others read of the tables is good while it stays. */
    public long generation() {
        return generation.get();
    }

    /** The unsigned type of a column named as the engine's result metadata names it, or null. */
    public UnsignedType type(String schema, String table, String column) {
        Map<String, Map<String, Map<String, Column>>> loaded = loaded();
        if (loaded.isEmpty() || schema == null || table == null || column == null) {
            return null;
        }
        Map<String, Map<String, Column>> schemaTables = loaded.get(schema);
        Map<String, Column> columns = schemaTables == null ? null : schemaTables.get(table);
        Column found = columns == null ? null : columns.get(column);
        return found == null ? null : found.type();
    }

    /** The unsigned columns of a table named in any case, by position; empty when it has none. */
    public List<Column> columns(String schema, String table) {
        List<Column> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Column>>> eachSchema : loaded().entrySet()) {
            if (!eachSchema.getKey().equalsIgnoreCase(schema)) {
                continue;
            }
            for (Map.Entry<String, Map<String, Column>> eachTable : eachSchema.getValue().entrySet()) {
                if (eachTable.getKey().equalsIgnoreCase(table)) {
                    result.addAll(eachTable.getValue().values());
                }
            }
        }
        result.sort(Comparator.comparingInt(Column::position));
        return result;
    }

    private Map<String, Map<String, Map<String, Column>>> loaded() {
        Map<String, Map<String, Map<String, Column>>> loaded = tables;
        if (loaded != null) {
            return loaded;
        }
        long before = generation.get();
        try {
            loaded = read();
        } catch (SQLException e) {
            // not cached: the next look-up tries again
            return Map.of();
        }
        if (generation.get() == before) {
            tables = loaded;
        }
        return loaded;
    }

    private Map<String, Map<String, Map<String, Column>>> read() throws SQLException {
        Map<String, Map<String, Map<String, Column>>> result = new HashMap<>();
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,"
                     + " DOMAIN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE DOMAIN_SCHEMA = 'mysql'")) {
            while (rows.next()) {
                UnsignedType type = UnsignedType.ofDomain(rows.getString(5));
                if (type != null) {
                    result.computeIfAbsent(rows.getString(1), schema -> new HashMap<>())
                            .computeIfAbsent(rows.getString(2), table -> new HashMap<>())
                            .put(rows.getString(3), new Column(rows.getString(3), rows.getInt(4), type));
                }
            }
        }
        return result;
    }
}
