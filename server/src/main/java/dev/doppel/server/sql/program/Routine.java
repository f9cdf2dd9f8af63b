package dev.doppel.server.sql.program;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A stored procedure or function as the catalog keeps it: what its CREATE said, in MySQL's terms. The parameter list
 * and the body stay text; {@link CompiledRoutine} is what the interpreter runs.
 */
public record Routine(String schema, String name, String type, String definerUser, String definerHost,
                      boolean invoker, String dataAccess, boolean deterministic, String comment, String parameters,
                      String returns, String body, String sqlMode, LocalDateTime created, LocalDateTime modified,
                      String characterSetClient, String collationConnection, String databaseCollation) {

    public boolean function() {
        return type.equals("FUNCTION");
    }

    public String definer() {
        return definerUser + "@" + definerHost;
    }

    /** db.name as the errors name it. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** The catalog's key: routine names are case-insensitive, database names are not. */
    static String key(String type, String schema, String name) {
        return type + " " + schema + "." + name.toLowerCase(Locale.ROOT);
    }

    String key() {
        return key(type, schema, name);
    }

    /** SHOW CREATE PROCEDURE / FUNCTION's text, laid out as MySQL lays it out. */
    public String createStatement() {
        StringBuilder text = new StringBuilder("CREATE DEFINER=").append(quote(definerUser)).append('@')
                .append(quote(definerHost)).append(' ').append(type).append(' ').append(quote(name)).append('(')
                .append(parameters).append(')');
        if (returns != null) {
            text.append(" RETURNS ").append(returns);
        }
        if (!dataAccess.equals("CONTAINS SQL")) {
            text.append("\n    ").append(dataAccess);
        }
        if (deterministic) {
            text.append("\n    DETERMINISTIC");
        }
        if (invoker) {
            text.append("\n    SQL SECURITY INVOKER");
        }
        if (!comment.isEmpty()) {
            text.append("\n    COMMENT '").append(comment.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        return text.append('\n').append(body).toString();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
