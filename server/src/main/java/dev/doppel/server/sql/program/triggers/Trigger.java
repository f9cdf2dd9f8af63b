package dev.doppel.server.sql.program.triggers;

import dev.doppel.server.sql.program.Routine;

import java.time.LocalDateTime;

/** A trigger as the catalog keeps it: its table, BEFORE or AFTER, its event, its place among the table's triggers. */
public record Trigger(String schema, String name, String table, String timing, String event, int order,
                      String definerUser, String definerHost, String body, String sqlMode, LocalDateTime created,
                      String characterSetClient, String collationConnection, String databaseCollation) {

    public boolean before() {
        return timing.equals("BEFORE");
    }

    public String definer() {
        return definerUser + "@" + definerHost;
    }

    /** SHOW CREATE TRIGGER's text. */
    public String createStatement() {
        return "CREATE DEFINER=" + quote(definerUser) + "@" + quote(definerHost) + " TRIGGER " + quote(name) + " "
                + timing + " " + event + " ON " + quote(table) + " FOR EACH ROW " + body;
    }

    /** The trigger as a routine, for running its body: its database, definer (its rights) and sql_mode. */
    public Routine asRoutine() {
        return new Routine(schema, name, "TRIGGER", definerUser, definerHost, false, "CONTAINS SQL", false, "", "", null,
                body, sqlMode, created, created, characterSetClient, collationConnection, databaseCollation);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
