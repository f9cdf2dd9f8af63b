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
     */
    public record Column(String name, int position, String columnType, boolean nullable, String defaultValue,
                         boolean defaultIsExpression, boolean autoIncrement, String onUpdate, String comment) {

        public String dataType() {
            return MySqlTypes.dataType(columnType);
        }
    }

    /** An index under its MySQL name ("PRIMARY" for the primary key). */
    public record Index(String name, boolean primary, boolean unique, List<String> columns) {
    }

    /** A foreign key; the rules are null for the default (NO ACTION / RESTRICT). */
    public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns, String onDelete, String onUpdate) {
    }

    public boolean isView() {
        return type.equals("VIEW");
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
