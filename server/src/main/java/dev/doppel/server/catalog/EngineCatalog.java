package dev.doppel.server.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads tables as MySQL describes them from the engine's INFORMATION_SCHEMA (tables, columns, indexes,
 * constraints, enum values) and the {@link ColumnTypeRegistry}.
 */
public final class EngineCatalog {
    /** Names the engine makes up for unnamed keys; MySQL names those after their first column. */
    private static final Pattern GENERATED_NAME = Pattern.compile("(?i)(CONSTRAINT|INDEX|PRIMARY_KEY)_[0-9A-F]+(_\\d+)?");
    /** The engine's name for the index it makes for a constraint: {@code <constraint>_INDEX_<n>}. */
    private static final Pattern CONSTRAINT_INDEX = Pattern.compile("(?i).+_INDEX_[0-9A-F]+");
    private static final Set<String> HIDDEN_SCHEMAS = Set.of("information_schema", "public");

    private EngineCatalog() {
    }

    /** The tables of one schema (or all when null), one table when {@code table} is not null, sorted by name. */
    public static List<TableInfo> tables(Connection connection, String schema, String table) throws SQLException {
        String filter = (schema == null ? "" : " AND LOWER(TABLE_SCHEMA) = LOWER(?)")
                + (table == null ? "" : " AND LOWER(TABLE_NAME) = LOWER(?)");
        Map<String, TableBuilder> builders = new LinkedHashMap<>();
        try (PreparedStatement select = prepare(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS,"
                + " ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE IN ('BASE TABLE', 'VIEW')"
                + filter + " ORDER BY TABLE_SCHEMA, TABLE_NAME", schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String tableSchema = rows.getString(1);
                if (HIDDEN_SCHEMAS.contains(tableSchema.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                TableBuilder builder = new TableBuilder(tableSchema, rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getLong(5));
                builders.put(key(tableSchema, builder.name), builder);
            }
        }
        if (builders.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> enums = enumValues(connection, schema, table);
        Map<String, ColumnTypeRegistry.Entry> recorded = ColumnTypeRegistry.load(connection, schema);
        try (PreparedStatement select = prepare(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME,"
                + " ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_BASE, COLUMN_ON_UPDATE,"
                + " REMARKS, DTD_IDENTIFIER, DOMAIN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TRUE" + filter
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                TableBuilder builder = builders.get(key(rows.getString(1), rows.getString(2)));
                if (builder == null) {
                    continue;
                }
                String columnName = rows.getString(3);
                String engineType = engineType(rows);
                ColumnTypeRegistry.Entry entry = recorded.get(key(rows.getString(1), rows.getString(2)) + "."
                        + columnName.toLowerCase(Locale.ROOT));
                UnsignedType unsigned = rows.getString(17) == null ? null : UnsignedType.ofDomain(rows.getString(17));
                String columnType = entry != null && entry.engineType().equals(engineType) ? entry.columnType()
                        : unsigned != null ? unsigned.columnType()
                        : MySqlTypes.fromEngine(rows.getString(5), rows.getLong(6), rows.getInt(7), rows.getInt(8),
                        rows.getInt(9), enums.getOrDefault(key(rows.getString(1), rows.getString(2)) + "."
                                + rows.getString(16), List.of()));
                boolean identity = "YES".equals(rows.getString(12));
                if (identity) {
                    builder.autoIncrement = rows.getLong(13);
                }
                String[] defaultValue = defaultValue(rows.getString(11), columnType);
                builder.columns.add(new TableInfo.Column(columnName, rows.getInt(4), columnType,
                        "YES".equals(rows.getString(10)), defaultValue[0], defaultValue[1] != null, identity,
                        rows.getString(14), rows.getString(15), collation(columnType, rows.getString(5))));
            }
        }
        readIndexes(connection, schema, table, builders);
        for (Map.Entry<String, List<FulltextIndexes.Index>> each : FulltextIndexes.load(connection, schema).entrySet()) {
            TableBuilder builder = builders.get(each.getKey());
            if (builder != null) {
                builder.fulltext.addAll(each.getValue());
            }
        }
        readForeignKeys(connection, schema, table, builders);
        List<TableInfo> result = new ArrayList<>(builders.size());
        for (TableBuilder each : builders.values()) {
            result.add(each.build());
        }
        return result;
    }

    /** Whether {@code schema.table} is one of the connection's temporary tables. */
    public static boolean isTemporaryTable(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getString(1).contains("TEMPORARY");
            }
        }
    }

    /** The engine's type of each column of a table (lower-case column name → type signature). */
    static Map<String, String> engineTypes(Connection connection, String schema, String table) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement select = prepare(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME,"
                + " ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " DATETIME_PRECISION FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA) = LOWER(?)"
                + " AND LOWER(TABLE_NAME) = LOWER(?)", schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(3).toLowerCase(Locale.ROOT), engineType(rows));
            }
        }
        return result;
    }

    /**
     * How a text column compares: a VARCHAR, TEXT or CHAR is the engine's VARCHAR_IGNORECASE unless it was
     * declared with a binary or case-sensitive collation (sql.translate.CaseInsensitiveText), so one the engine keeps
     * as a plain VARCHAR shows as utf8mb4_bin, and a dump of it loads back as case-sensitive as it was.
     */
    private static String collation(String columnType, String engineDataType) {
        if (!MySqlTypes.isString(columnType)) {
            return null;
        }
        boolean byteForByte = (columnType.startsWith("varchar") || columnType.endsWith("text")
                || columnType.startsWith("char")) && ("CHARACTER VARYING".equalsIgnoreCase(engineDataType)
                || "CHARACTER".equalsIgnoreCase(engineDataType));
        return byteForByte ? TableInfo.Column.BINARY_COLLATION : TableInfo.Column.DEFAULT_COLLATION;
    }

    private static String engineType(ResultSet rows) throws SQLException {
        return rows.getString(5) + "(" + rows.getString(6) + "," + rows.getString(7) + "," + rows.getString(8) + ","
                + rows.getString(9) + ")";
    }

    /**
     * The default as MySQL shows it from the engine's default expression: {value, null} for a literal, {text,
     * "expression"} for an expression, {null, null} for none or NULL.
     */
    private static String[] defaultValue(String expression, String columnType) {
        if (expression == null || expression.equalsIgnoreCase("NULL")) {
            return new String[] {null, null};
        }
        String text = expression.trim();
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return new String[] {text.substring(1, text.length() - 1).replace("''", "'"), null};
        }
        if (text.equalsIgnoreCase("TRUE") || text.equalsIgnoreCase("FALSE")) {
            return new String[] {text.equalsIgnoreCase("TRUE") ? "1" : "0", null};
        }
        if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            if (columnType.startsWith("decimal(")) {
                int scale = Integer.parseInt(columnType.replaceAll("decimal\\(\\d+,(\\d+)\\).*", "$1"));
                text = new java.math.BigDecimal(text).setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
            }
            return new String[] {text, null};
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CURRENT_TIMESTAMP") || upper.startsWith("LOCALTIMESTAMP") || upper.startsWith("NOW(")) {
            String fraction = text.contains("(") ? text.substring(text.indexOf('(')) : "";
            return new String[] {"CURRENT_TIMESTAMP" + (fraction.equals("()") ? "" : fraction), "expression"};
        }
        return new String[] {text, "expression"};
    }

    private static Map<String, List<String>> enumValues(Connection connection, String schema, String table)
            throws SQLException {
        Map<String, List<String>> result = new HashMap<>();
        String filter = (schema == null ? "" : " AND LOWER(OBJECT_SCHEMA) = LOWER(?)")
                + (table == null ? "" : " AND LOWER(OBJECT_NAME) = LOWER(?)");
        try (PreparedStatement select = prepare(connection, "SELECT OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER,"
                + " VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_TYPE = 'TABLE'" + filter
                + " ORDER BY OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL", schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.computeIfAbsent(key(rows.getString(1), rows.getString(2)) + "." + rows.getString(3),
                        k -> new ArrayList<>()).add(rows.getString(4));
            }
        }
        return result;
    }

    private static void readIndexes(Connection connection, String schema, String table,
                                    Map<String, TableBuilder> builders) throws SQLException {
        String filter = (schema == null ? "" : " AND LOWER(I.TABLE_SCHEMA) = LOWER(?)")
                + (table == null ? "" : " AND LOWER(I.TABLE_NAME) = LOWER(?)");
        // the engine lists a table's indexes in creation order, the order MySQL shows keys in within their kind
        Map<String, Integer> created = new HashMap<>();
        try (PreparedStatement select = prepare(connection, "SELECT I.TABLE_SCHEMA, I.TABLE_NAME, I.INDEX_NAME FROM"
                + " INFORMATION_SCHEMA.INDEXES I WHERE TRUE" + filter, schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                created.put(key(rows.getString(1), rows.getString(2)) + "." + rows.getString(3), created.size());
            }
        }
        // the constraint an index serves gives its MySQL name (UNIQUE KEY uk ... is index uk_INDEX_7 of constraint uk)
        try (PreparedStatement select = prepare(connection, "SELECT I.TABLE_SCHEMA, I.TABLE_NAME, I.INDEX_NAME,"
                + " I.INDEX_TYPE_NAME, C.CONSTRAINT_NAME, C.CONSTRAINT_TYPE, IC.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS IC"
                + " ON IC.INDEX_SCHEMA = I.INDEX_SCHEMA AND IC.INDEX_NAME = I.INDEX_NAME"
                + " AND IC.TABLE_NAME = I.TABLE_NAME"
                + " LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS C ON C.INDEX_SCHEMA = I.INDEX_SCHEMA"
                + " AND C.INDEX_NAME = I.INDEX_NAME AND C.TABLE_NAME = I.TABLE_NAME"
                + " AND C.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
                + " WHERE TRUE" + filter + " ORDER BY I.TABLE_SCHEMA, I.TABLE_NAME, I.INDEX_NAME, IC.ORDINAL_POSITION",
                schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                TableBuilder builder = builders.get(key(rows.getString(1), rows.getString(2)));
                if (builder == null) {
                    continue;
                }
                String indexName = rows.getString(3);
                String typeName = rows.getString(4);
                String constraintType = rows.getString(6);
                IndexBuilder index = builder.indexes.get(indexName);
                if (index == null) {
                    boolean primary = "PRIMARY KEY".equals(typeName) || "PRIMARY KEY".equals(constraintType);
                    boolean unique = primary || typeName.startsWith("UNIQUE");
                    // a key the user named keeps its name even when a foreign key uses it; an index the engine
                    // made for a constraint is known by the constraint's name
                    boolean engineMade = GENERATED_NAME.matcher(indexName).matches()
                            || CONSTRAINT_INDEX.matcher(indexName).matches();
                    String name = primary ? "PRIMARY" : KeyNames.mysqlName(builder.name,
                            engineMade && rows.getString(5) != null ? rows.getString(5) : indexName);
                    index = new IndexBuilder(name, primary, unique,
                            created.getOrDefault(key(rows.getString(1), rows.getString(2)) + "." + indexName, 0),
                            indexName, rows.getString(5));
                    builder.indexes.put(indexName, index);
                }
                if (!index.columns.contains(rows.getString(7))) {
                    index.columns.add(rows.getString(7));
                }
            }
        }
    }

    private static void readForeignKeys(Connection connection, String schema, String table,
                                        Map<String, TableBuilder> builders) throws SQLException {
        String filter = (schema == null ? "" : " AND LOWER(K.TABLE_SCHEMA) = LOWER(?)")
                + (table == null ? "" : " AND LOWER(K.TABLE_NAME) = LOWER(?)");
        try (PreparedStatement select = prepare(connection, "SELECT K.TABLE_SCHEMA, K.TABLE_NAME, R.CONSTRAINT_NAME,"
                + " K.COLUMN_NAME, U.TABLE_SCHEMA, U.TABLE_NAME, U.COLUMN_NAME, R.UPDATE_RULE, R.DELETE_RULE"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS R JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K"
                + " ON K.CONSTRAINT_SCHEMA = R.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = R.CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE U ON U.CONSTRAINT_SCHEMA = R.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND U.CONSTRAINT_NAME = R.UNIQUE_CONSTRAINT_NAME AND U.ORDINAL_POSITION = K.POSITION_IN_UNIQUE_CONSTRAINT"
                + " WHERE TRUE" + filter + " ORDER BY K.TABLE_SCHEMA, K.TABLE_NAME, R.CONSTRAINT_NAME, K.ORDINAL_POSITION",
                schema, table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                TableBuilder builder = builders.get(key(rows.getString(1), rows.getString(2)));
                if (builder == null) {
                    continue;
                }
                String[] target = {rows.getString(5), rows.getString(6), rule(rows.getString(9)),
                        rule(rows.getString(8))};
                builder.foreignKeys.putIfAbsent(rows.getString(3), target);
                builder.foreignKeyColumns.computeIfAbsent(rows.getString(3), name -> new ArrayList<>())
                        .add(rows.getString(4));
                builder.referencedColumns.computeIfAbsent(rows.getString(3), name -> new ArrayList<>())
                        .add(rows.getString(7));
            }
        }
    }

    private static String rule(String rule) {
        return rule == null || rule.equals("NO ACTION") || rule.equals("RESTRICT") ? null : rule;
    }

    private static PreparedStatement prepare(Connection connection, String sql, String schema, String table)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int parameter = 1;
        if (schema != null) {
            statement.setString(parameter++, schema);
        }
        if (table != null) {
            statement.setString(parameter, table);
        }
        return statement;
    }

    private static String key(String schema, String table) {
        return (schema + "." + table).toLowerCase(Locale.ROOT);
    }

    private static final class IndexBuilder {
        final String name;
        final boolean primary;
        final boolean unique;
        final int created;
        final String engineIndex;
        final String engineConstraint;
        final List<String> columns = new ArrayList<>();

        IndexBuilder(String name, boolean primary, boolean unique, int created, String engineIndex,
                     String engineConstraint) {
            this.name = name;
            this.primary = primary;
            this.unique = unique;
            this.created = created;
            this.engineIndex = engineIndex;
            this.engineConstraint = engineConstraint;
        }
    }

    private static final class TableBuilder {
        final String schema;
        final String name;
        final String type;
        final String comment;
        final long rows;
        Long autoIncrement;
        final List<TableInfo.Column> columns = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        /** constraint name → {referenced schema, referenced table, ON DELETE, ON UPDATE} */
        final Map<String, String[]> foreignKeys = new LinkedHashMap<>();
        final Map<String, List<String>> foreignKeyColumns = new HashMap<>();
        final Map<String, List<String>> referencedColumns = new HashMap<>();
        final List<FulltextIndexes.Index> fulltext = new ArrayList<>();

        TableBuilder(String schema, String name, String type, String comment, long rows) {
            this.schema = schema;
            this.name = name;
            this.type = type.equals("VIEW") ? "VIEW" : "BASE TABLE";
            this.comment = comment == null ? "" : comment;
            this.rows = rows;
        }

        /** Keys in MySQL's order: PRIMARY, then unique keys, then the others; unnamed ones named as MySQL does. */
        TableInfo build() {
            List<IndexBuilder> ordered = new ArrayList<>(indexes.values());
            ordered.sort((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.created - b.created);
            Set<String> used = new HashSet<>();
            for (IndexBuilder each : ordered) {
                if (!GENERATED_NAME.matcher(each.name).matches()) {
                    used.add(each.name.toLowerCase(Locale.ROOT));
                }
            }
            List<TableInfo.Index> result = new ArrayList<>();
            for (IndexBuilder each : ordered) {
                String name = each.name;
                if (!each.primary && GENERATED_NAME.matcher(name).matches()) {
                    String base = each.columns.isEmpty() ? "key" : each.columns.get(0);
                    name = base;
                    for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
                        name = base + "_" + n;
                    }
                    used.add(name.toLowerCase(Locale.ROOT));
                }
                result.add(new TableInfo.Index(name, each.primary, each.unique, List.copyOf(each.columns),
                        each.engineIndex, each.engineConstraint, false));
            }
            for (FulltextIndexes.Index each : fulltext) {
                result.add(TableInfo.Index.fulltext(each.name(), each.columns()));
            }
            List<TableInfo.ForeignKey> keys = new ArrayList<>();
            int generated = 0;
            for (Map.Entry<String, String[]> each : foreignKeys.entrySet()) {
                String[] target = each.getValue();
                // MySQL names an unnamed foreign key <table>_ibfk_<n>
                String keyName = GENERATED_NAME.matcher(each.getKey()).matches() ? name + "_ibfk_" + (++generated)
                        : each.getKey();
                keys.add(new TableInfo.ForeignKey(keyName, List.copyOf(foreignKeyColumns.get(each.getKey())), target[0],
                        target[1], List.copyOf(referencedColumns.get(each.getKey())), target[2], target[3], each.getKey()));
            }
            keys.sort((a, b) -> a.name().compareTo(b.name()));
            return new TableInfo(schema, name, type, comment, rows, autoIncrement, List.copyOf(columns),
                    List.copyOf(result), List.copyOf(keys));
        }

        private static int rank(IndexBuilder index) {
            return index.primary ? 0 : index.unique ? 1 : 2;
        }
    }
}
