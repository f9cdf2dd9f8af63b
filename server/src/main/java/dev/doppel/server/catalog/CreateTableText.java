package dev.doppel.server.catalog;

import java.util.List;

/** The text of SHOW CREATE TABLE in MySQL 8.4's format. */
public final class CreateTableText {
    public static final String TABLE_OPTIONS_CHARSET = "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";

    private CreateTableText() {
    }

    public static String of(TableInfo table) {
        StringBuilder out = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (\n");
        List<TableInfo.Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            out.append("  ").append(column(columns.get(i)));
            out.append(i + 1 < columns.size() || !table.indexes().isEmpty() || !table.foreignKeys().isEmpty()
                    ? ",\n" : "\n");
        }
        List<TableInfo.Index> indexes = table.indexes();
        for (int i = 0; i < indexes.size(); i++) {
            TableInfo.Index index = indexes.get(i);
            out.append("  ");
            if (index.primary()) {
                out.append("PRIMARY KEY ");
            } else {
                out.append(index.unique() ? "UNIQUE KEY " : index.fulltext() ? "FULLTEXT KEY " : "KEY ")
                        .append(quote(index.name())).append(' ');
            }
            out.append(columnList(index.columns()))
                    .append(i + 1 < indexes.size() || !table.foreignKeys().isEmpty() ? ",\n" : "\n");
        }
        List<TableInfo.ForeignKey> foreignKeys = table.foreignKeys();
        for (int i = 0; i < foreignKeys.size(); i++) {
            TableInfo.ForeignKey key = foreignKeys.get(i);
            out.append("  CONSTRAINT ").append(quote(key.name())).append(" FOREIGN KEY ").append(columnList(key.columns()))
                    .append(" REFERENCES ");
            if (!key.referencedSchema().equalsIgnoreCase(table.schema())) {
                out.append(quote(key.referencedSchema())).append('.');
            }
            out.append(quote(key.referencedTable())).append(' ').append(columnList(key.referencedColumns()));
            if (key.onDelete() != null) {
                out.append(" ON DELETE ").append(key.onDelete());
            }
            if (key.onUpdate() != null) {
                out.append(" ON UPDATE ").append(key.onUpdate());
            }
            out.append(i + 1 < foreignKeys.size() ? ",\n" : "\n");
        }
        out.append(") ENGINE=InnoDB");
        if (table.autoIncrement() != null && table.autoIncrement() > 1) {
            out.append(" AUTO_INCREMENT=").append(table.autoIncrement());
        }
        out.append(' ').append(TABLE_OPTIONS_CHARSET);
        if (!table.comment().isEmpty()) {
            out.append(" COMMENT=").append(MySqlTypes.quote(table.comment()));
        }
        return out.toString();
    }

    /** One column definition: `name` type [NULL|NOT NULL] [DEFAULT ...] [ON UPDATE ...] [AUTO_INCREMENT] [COMMENT]. */
    public static String column(TableInfo.Column column) {
        StringBuilder out = new StringBuilder(quote(column.name())).append(' ').append(column.columnType());
        if (column.collation() != null && !column.collation().equals(TableInfo.Column.DEFAULT_COLLATION)) {
            out.append(" COLLATE ").append(column.collation());
        }
        String type = column.dataType();
        boolean blob = MySqlTypes.isTextOrBlob(column.columnType());
        if (!column.nullable()) {
            out.append(" NOT NULL");
        } else if (type.equals("timestamp")) {
            out.append(" NULL");
        }
        if (column.defaultValue() != null) {
            out.append(" DEFAULT ");
            if (!column.defaultIsExpression()) {
                out.append(MySqlTypes.quote(column.defaultValue()));
            } else if (column.defaultValue().startsWith("CURRENT_TIMESTAMP")) {
                out.append(column.defaultValue());
            } else {
                out.append('(').append(column.defaultValue()).append(')');
            }
        } else if (column.nullable() && !blob && !column.autoIncrement()) {
            out.append(" DEFAULT NULL");
        }
        if (column.onUpdate() != null) {
            out.append(" ON UPDATE ").append(column.onUpdate());
        }
        if (column.autoIncrement()) {
            out.append(" AUTO_INCREMENT");
        }
        if (column.comment() != null && !column.comment().isEmpty()) {
            out.append(" COMMENT ").append(MySqlTypes.quote(column.comment()));
        }
        return out.toString();
    }

    private static String columnList(List<String> columns) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(columns.get(i)));
        }
        return out.append(')').toString();
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
