package dev.doppel.server.engine.program;

import dev.doppel.server.engine.StatementEffects;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The engine's trigger behind MySQL's triggers of one table, timing and event: one per table and kind, whatever the
 * number of MySQL triggers, which the statement's session runs in their order (FOLLOWS, PRECEDES). The class name is
 * kept in the database file by every such trigger, so it is never renamed.
 */
public final class StoredTriggers implements Trigger {
    private String schema;
    private String table;
    private boolean before;
    private String event;

    /** The engine's name of the trigger for {@code table}, timing and event: doppel_bi_t, doppel_au_t, ... */
    public static String engineName(String table, boolean before, String event) {
        return "doppel_" + (before ? "b" : "a") + Character.toLowerCase(event.charAt(0)) + "_" + table;
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean isBefore,
                     int type) {
        this.schema = schemaName;
        this.table = tableName;
        this.before = isBefore;
        this.event = type == INSERT ? "INSERT" : type == UPDATE ? "UPDATE" : "DELETE";
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        StatementEffects.Listener listener = StatementEffects.current();
        if (listener != null) {
            listener.storedTriggers(schema, table, before, event, oldRow, newRow);
        }
    }
}
