package dev.doppel.server.catalog;

import java.util.List;

/**
 * A table or view as MySQL describes it, read from the engine's metadata and the recorded column types.
 *
 * @param type "BASE TABLE" or "VIEW"
 * @param autoIncrement the next AUTO_INCREMENT value, null when the table has no such column
 */
public record TableInfo(String schema, String name, String type, String comment, long rows, Long autoIncrement,
                        List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys) {

    /**
     * @param columnType the MySQL type as SHOW CREATE TABLE shows it ("int unsigned", "varchar(20)")
     * @param defaultValue the default as I_S.COLUMNS shows it (unquoted), null for none or NULL
     * @param defaultIsExpression whether the default is an expression such as CURRENT_TIMESTAMP
     * @param onUpdate the ON UPDATE expression, or null
     * @param collation how a text column compares (utf8mb4_0900_ai_ci, or utf8mb4_bin for a VARCHAR the engine
     *                  compares byte for byte); null for other columns
     */
    public record Column(String name, int position, String columnType, boolean nullable, String defaultValue,
                         boolean defaultIsExpression, boolean autoIncrement, String onUpdate, String comment,
                         String collation) {
        public static final String DEFAULT_COLLATION = "utf8mb4_0900_ai_ci";
        public static final String BINARY_COLLATION = "utf8mb4_bin";

        public String dataType() {
            return MySqlTypes.dataType(columnType);
        }
    }

    /**
     * An index under its MySQL name ("PRIMARY" for the primary key).
     *
     * @param engineIndex the engine's name of the index
     * @param engineConstraint the engine's name of the PRIMARY KEY, UNIQUE or FOREIGN KEY constraint the index
     *                         serves, or null for a plain index
     * @param fulltext a FULLTEXT index, which the engine does not have (no engine index nor constraint)
     */
    public record Index(String name, boolean primary, boolean unique, List<String> columns, String engineIndex,
                        String engineConstraint, boolean fulltext) {
        /** A FULLTEXT index, which only the server knows of ({@link FulltextIndexes}). */
        public static Index fulltext(String name, List<String> columns) {
            return new Index(name, false, false, List.copyOf(columns), null, null, true);
        }
    }

    /**
     * A foreign key; the rules are null for the default (NO ACTION / RESTRICT).
     *
     * @param engineName the engine's name of the constraint
     */
    public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns, String onDelete, String onUpdate, String engineName) {
    }

    public boolean isView() {
        return type.equals("VIEW");
    }

    /** The index MySQL knows as {@code name} (case-insensitive), or null. */
    public Index index(String name) {
        for (Index each : indexes) {
            if (each.name().equalsIgnoreCase(name)) {
                return each;
            }
        }
        return null;
    }

    /** The foreign key MySQL knows as {@code name} (case-insensitive), or null. */
    public ForeignKey foreignKey(String name) {
        for (ForeignKey each : foreignKeys) {
            if (each.name().equalsIgnoreCase(name)) {
                return each;
            }
        }
        return null;
    }

    public Column column(String name) {
        for (Column each : columns) {
            if (each.name().equalsIgnoreCase(name)) {
                return each;
            }
        }
        return null;
    }
}
