package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The information_schema and performance_schema tables the server and plugins provide as row suppliers. A
 * statement that names one reads it through the engine's table function {@value #FUNCTION} (see
 * {@link VirtualTableFunction}), so it can be filtered, joined and sorted like any table.
 */
public final class VirtualTables {
    public static final String FUNCTION = "PUBLIC.DOPPEL_VIRTUAL_TABLE";

    private static volatile VirtualTables current = new VirtualTables();

    private final ConcurrentHashMap<String, VirtualTable> tables = new ConcurrentHashMap<>();
    private volatile Set<String> engineInformationSchema = Set.of();

    /** The tables of the running server, which the engine's table function reads. */
    public static VirtualTables current() {
        return current;
    }

    public static void install(VirtualTables tables) {
        current = tables;
    }

    private static String key(String schema, String name) {
        return schema.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
    }

    public void add(VirtualTable table) {
        tables.put(key(table.schema(), table.name()), table);
    }

    public void remove(String schema, String name) {
        tables.remove(key(schema, name));
    }

    /** The names of a schema's tables, sorted. */
    public java.util.List<String> names(String schema) {
        String prefix = schema.toLowerCase(Locale.ROOT) + ".";
        return tables.entrySet().stream().filter(each -> each.getKey().startsWith(prefix))
                .map(each -> each.getValue().name()).sorted().toList();
    }

    public Optional<VirtualTable> find(String schema, String name) {
        return Optional.ofNullable(tables.get(key(schema, name)));
    }

    /** The information_schema tables the engine itself provides (upper case), which statements may still read. */
    public void engineInformationSchema(Set<String> names) {
        Set<String> mysqls = new java.util.HashSet<>(names);
        // the engine's own tables (SETTINGS, USERS, SESSIONS, INDEXES, ...) are not MySQL's: unknown, as in MySQL
        mysqls.retainAll(MySqlInformationSchema.TABLES);
        engineInformationSchema = Set.copyOf(mysqls);
    }

    /** Whether {@code name} is an information_schema table of the engine's. */
    public boolean isEngineInformationSchemaTable(String name) {
        return engineInformationSchema.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The engine's SQL reading a table: the table function, with text columns made case-insensitive as MySQL's
     * information_schema columns are (a connector's {@code IS_NULLABLE = 'yes'} matches 'YES').
     */
    public static String source(VirtualTable table) {
        StringBuilder out = new StringBuilder("(SELECT ");
        boolean first = true;
        for (VirtualTable.Column each : table.columns()) {
            // double quotes keep the name's case (backquoted names are folded to lower case by the engine)
            String name = "\"" + each.name().replace("\"", "\"\"") + "\"";
            out.append(first ? "" : ", ");
            first = false;
            if (VirtualTableFunction.isText(each)) {
                out.append("CAST(").append(name).append(" AS VARCHAR_IGNORECASE) AS ").append(name);
            } else {
                out.append(name);
            }
        }
        return out.append(" FROM ").append(FUNCTION).append("('").append(table.schema().toLowerCase(Locale.ROOT))
                .append("', '").append(table.name().replace("'", "''")).append("'))").toString();
    }

    /** Whether a name could be a virtual table's schema (so that statements not naming one are not looked at). */
    public static boolean isVirtualSchema(String name) {
        return name.equalsIgnoreCase("information_schema") || name.equalsIgnoreCase("performance_schema");
    }
}
