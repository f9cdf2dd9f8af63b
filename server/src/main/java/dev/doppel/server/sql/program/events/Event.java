package dev.doppel.server.sql.program.events;

import java.time.LocalDateTime;

/**
 * An event as the catalog keeps it: what it runs and when, AT a time once or EVERY interval from STARTS to ENDS,
 * whether it is ENABLED, what happens after its last run (ON COMPLETION [NOT] PRESERVE), and its last run.
 */
public record Event(String schema, String name, String definerUser, String definerHost, String body,
                    LocalDateTime executeAt, String intervalValue, String intervalField, LocalDateTime starts,
                    LocalDateTime ends, String status, boolean preserve, String comment, String sqlMode,
                    LocalDateTime created, LocalDateTime lastAltered, LocalDateTime lastExecuted,
                    String characterSetClient, String collationConnection, String databaseCollation) {

    public boolean recurring() {
        return intervalField != null;
    }

    public String definer() {
        return definerUser + "@" + definerHost;
    }

    Event withStatus(String newStatus) {
        return new Event(schema, name, definerUser, definerHost, body, executeAt, intervalValue, intervalField, starts,
                ends, newStatus, preserve, comment, sqlMode, created, lastAltered, lastExecuted, characterSetClient,
                collationConnection, databaseCollation);
    }

    Event executed(LocalDateTime at) {
        return new Event(schema, name, definerUser, definerHost, body, executeAt, intervalValue, intervalField, starts,
                ends, status, preserve, comment, sqlMode, created, lastAltered, at, characterSetClient,
                collationConnection, databaseCollation);
    }

    /** SHOW CREATE EVENT's text. */
    public String createStatement() {
        StringBuilder text = new StringBuilder("CREATE DEFINER=`").append(definerUser.replace("`", "``")).append("`@`")
                .append(definerHost.replace("`", "``")).append("` EVENT `").append(name.replace("`", "``"))
                .append("` ON SCHEDULE ");
        if (recurring()) {
            text.append("EVERY ").append(quotedInterval()).append(' ').append(intervalField);
            if (starts != null) {
                text.append(" STARTS '").append(EventSchedule.shown(starts)).append('\'');
            }
            if (ends != null) {
                text.append(" ENDS '").append(EventSchedule.shown(ends)).append('\'');
            }
        } else {
            text.append("AT '").append(EventSchedule.shown(executeAt)).append('\'');
        }
        text.append(preserve ? " ON COMPLETION PRESERVE " : " ON COMPLETION NOT PRESERVE ")
                .append(status.equals("ENABLED") ? "ENABLE"
                        : status.equals("DISABLED") ? "DISABLE" : "DISABLE ON REPLICA");
        if (!comment.isEmpty()) {
            text.append(" COMMENT '").append(comment.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        return text.append(" DO ").append(body).toString();
    }

    private String quotedInterval() {
        return intervalValue.matches("-?[0-9]+") ? intervalValue : "'" + intervalValue + "'";
    }
}
