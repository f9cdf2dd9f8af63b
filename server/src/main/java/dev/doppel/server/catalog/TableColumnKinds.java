package dev.doppel.server.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table's columns in order, and the names (lower case) of its text and of its binary columns, read from the engine
 * once per change of tables (UnsignedColumns counts them): the checks of bytes bound for text columns
 * (sql.dml.InvalidTextLiterals, TextColumnValues) and the choice of MySQL's binary string functions
 * (sql.translate.BinaryStringCalls) would otherwise read the catalog at every statement that has such a value.
 * {@code narrowIntegers} are the integer columns narrower than BIGINT, whose arithmetic the engine does in their own
 * type (sql.translate.IntegerColumnArithmetic). {@code keys} are the column sets (lower case) that identify a row: the primary key and each unique key whose
 * columns are all NOT NULL, the functional dependencies MySQL's ONLY_FULL_GROUP_BY check reads; a view has none of
 * its own ({@code view}). {@code exactScales} are the digits after the point of the integer and DECIMAL columns, from
 * which sql.translate.operators.DecimalScale works out the scale MySQL declares for an expression; {@code approximate}
 * are the FLOAT and DOUBLE columns.
 */
public record TableColumnKinds(List<String> order, Set<String> text, Set<String> binary, Set<String> narrowIntegers,
                               Map<String, Integer> exactScales, Set<String> approximate, List<Set<String>> keys,
                               boolean view, long generation) {
    private static final int MAX_TABLES = 10_000;
    private static final Map<String, TableColumnKinds> TABLES = new ConcurrentHashMap<>();

    /** Where the catalog is read when the cache does not hold the table: a session's engine connection. */
    public interface EngineConnection {
        Connection get() throws SQLException;
    }

    public boolean isText(String column) {
        return text.contains(column.toLowerCase(Locale.ROOT));
    }

    /** Whether the table has the column, of any type. */
    public boolean has(String column) {
        for (String each : order) {
            if (each.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** An integer column narrower than BIGINT (TINYINT, SMALLINT, MEDIUMINT, INT). */
    public boolean isNarrowInteger(String column) {
        return narrowIntegers.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The digits after the point of an integer or DECIMAL column; -1 for a column of another type. */
    public int exactScale(String column) {
        return exactScales.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
    }

    /** A FLOAT or DOUBLE column. */
    public boolean isApproximate(String column) {
        return approximate.contains(column.toLowerCase(Locale.ROOT));
    }

    public boolean isBinary(String column) {
        return binary.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The table's columns; null when it has none (it does not exist) or the engine cannot say. */
    public static TableColumnKinds of(EngineConnection engine, String schema, String table) {
        long generation = UnsignedColumns.current().generation();
        String key = schema.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
        TableColumnKinds cached = TABLES.get(key);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        List<String> order = new ArrayList<>();
        Set<String> text = new HashSet<>();
        Set<String> binary = new HashSet<>();
        Set<String> narrowIntegers = new HashSet<>();
        Set<String> nullable = new HashSet<>();
        Map<String, Integer> exactScales = new java.util.HashMap<>();
        Set<String> approximate = new HashSet<>();
        List<Set<String>> keys;
        boolean view;
        try {
            DatabaseMetaData metadata = engine.get().getMetaData();
            try (ResultSet rows = metadata.getColumns(null, schema.toLowerCase(Locale.ROOT),
                    table.toLowerCase(Locale.ROOT), null)) {
                while (rows.next()) {
                    String name = rows.getString("COLUMN_NAME");
                    int type = rows.getInt("DATA_TYPE");
                    order.add(name);
                    if (rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls) {
                        nullable.add(name.toLowerCase(Locale.ROOT));
                    }
                    if (type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB
                            || type == Types.NCHAR || type == Types.NVARCHAR || type == Types.NCLOB
                            || type == Types.LONGNVARCHAR) {
                        text.add(name.toLowerCase(Locale.ROOT));
                    } else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                            || type == Types.BLOB) {
                        binary.add(name.toLowerCase(Locale.ROOT));
                    } else if (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT) {
                        narrowIntegers.add(name.toLowerCase(Locale.ROOT));
                    }
                    if (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT
                            || type == Types.BIGINT) {
                        exactScales.put(name.toLowerCase(Locale.ROOT), 0);
                    } else if (type == Types.DECIMAL || type == Types.NUMERIC) {
                        exactScales.put(name.toLowerCase(Locale.ROOT), Math.max(rows.getInt("DECIMAL_DIGITS"), 0));
                    } else if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
                        approximate.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            keys = keys(metadata, schema, table, nullable);
            try (ResultSet views = metadata.getTables(null, schema.toLowerCase(Locale.ROOT),
                    table.toLowerCase(Locale.ROOT), new String[] {"VIEW"})) {
                view = views.next();
            }
        } catch (SQLException e) {
            return null; // the statement itself reports what is wrong with the table
        }
        if (order.isEmpty()) {
            return null;
        }
        TableColumnKinds result = new TableColumnKinds(List.copyOf(order), Set.copyOf(text), Set.copyOf(binary),
                Set.copyOf(narrowIntegers), Map.copyOf(exactScales), Set.copyOf(approximate), keys,
                view, generation);
        if (TABLES.size() > MAX_TABLES) {
            TABLES.clear();
        }
        TABLES.put(key, result);
        return result;
    }

    /** The unique indexes whose columns are all NOT NULL (the primary key among them), as column sets. */
    private static List<Set<String>> keys(DatabaseMetaData metadata, String schema, String table, Set<String> nullable)
            throws SQLException {
        Map<String, Set<String>> indexes = new java.util.LinkedHashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(null, schema.toLowerCase(Locale.ROOT),
                table.toLowerCase(Locale.ROOT), true, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null && !rows.getBoolean("NON_UNIQUE")) {
                    indexes.computeIfAbsent(index, k -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Set<String>> result = new ArrayList<>();
        for (Set<String> columns : indexes.values()) {
            if (columns.stream().noneMatch(nullable::contains)) {
                result.add(Set.copyOf(columns));
            }
        }
        return List.copyOf(result);
    }
}
