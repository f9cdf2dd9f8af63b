package dev.doppel.server.sql.dml;

import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.session.Session;

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
 * A table's columns in order, and the names (lower case) of its text columns, read from the engine once per change of
 * tables (UnsignedColumns counts them): the checks of bytes bound for text columns ({@link InvalidTextLiterals},
 * {@link TextColumnValues}) would otherwise read the catalog at every statement that has such a value.
 */
record TableTextColumns(List<String> order, Set<String> text, long generation) {
    private static final int MAX_TABLES = 10_000;
    private static final Map<String, TableTextColumns> TABLES = new ConcurrentHashMap<>();

    boolean isText(String column) {
        return text.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The table's columns; null when it has none (it does not exist) or the engine cannot say. */
    static TableTextColumns of(Session session, String schema, String table) {
        long generation = UnsignedColumns.current().generation();
        String key = schema.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
        TableTextColumns cached = TABLES.get(key);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        List<String> order = new ArrayList<>();
        Set<String> text = new HashSet<>();
        try {
            DatabaseMetaData metadata = session.engineConnection().getMetaData();
            try (ResultSet rows = metadata.getColumns(null, schema.toLowerCase(Locale.ROOT),
                    table.toLowerCase(Locale.ROOT), null)) {
                while (rows.next()) {
                    String name = rows.getString("COLUMN_NAME");
                    int type = rows.getInt("DATA_TYPE");
                    order.add(name);
                    if (type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB
                            || type == Types.NCHAR || type == Types.NVARCHAR || type == Types.NCLOB
                            || type == Types.LONGNVARCHAR) {
                        text.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            return null; // the statement itself reports what is wrong with the table
        }
        if (order.isEmpty()) {
            return null;
        }
        TableTextColumns result = new TableTextColumns(List.copyOf(order), Set.copyOf(text), generation);
        if (TABLES.size() > MAX_TABLES) {
            TABLES.clear();
        }
        TABLES.put(key, result);
        return result;
    }
}
