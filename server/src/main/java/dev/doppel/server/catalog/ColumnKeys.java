package dev.doppel.server.catalog;

/** The Key and Extra of a column as SHOW COLUMNS and information_schema.COLUMNS give them. */
public final class ColumnKeys {
    private ColumnKeys() {
    }

    /** PRI (part of the primary key), UNI (first of a one-column unique key), MUL (first of another key), or "". */
    public static String key(TableInfo table, String column) {
        String result = "";
        for (TableInfo.Index each : table.indexes()) {
            if (each.primary() && each.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                return "PRI";
            }
            if (!each.columns().isEmpty() && each.columns().get(0).equalsIgnoreCase(column)) {
                if (each.unique() && each.columns().size() == 1) {
                    result = "UNI";
                } else if (result.isEmpty()) {
                    result = "MUL";
                }
            }
        }
        return result;
    }

    /** auto_increment, DEFAULT_GENERATED (an expression default), on update ..., or "". */
    public static String extra(TableInfo.Column column) {
        if (column.autoIncrement()) {
            return "auto_increment";
        }
        String extra = column.defaultIsExpression() ? "DEFAULT_GENERATED" : "";
        if (column.onUpdate() != null) {
            extra = (extra + " on update " + column.onUpdate()).trim();
        }
        return extra;
    }
}
