package dev.doppel.server.sql.program.triggers;

import dev.doppel.server.engine.StorageEngine;
import dev.doppel.server.engine.program.StoredTriggers;
import dev.doppel.server.sql.program.CompiledRoutine;
import dev.doppel.server.sql.program.SystemConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The triggers of the server, in the engine table public.doppel_triggers (MySQL's data dictionary table
 * mysql.triggers), kept in memory by table, timing and event in their order. A table that has triggers has one engine
 * trigger ({@link StoredTriggers}) per timing and event, which hands the rows to the session.
 */
public final class TriggerCatalog {
    private static final String COLUMNS = "db, name, table_name, timing, event, action_order, definer_user, definer_host,"
            + " body, sql_mode, created, character_set_client, collation_connection, db_collation";

    private static final List<String> TIMINGS = List.of("BEFORE", "AFTER");
    private static final List<String> EVENTS = List.of("INSERT", "UPDATE", "DELETE");

    private final SystemConnection system;
    private List<Trigger> triggers;
    private Map<String, List<Trigger>> byTable = new HashMap<>();
    private final Map<String, CompiledRoutine> compiled = new HashMap<>();
    /** Whether no trigger exists, null until known again after a change. */
    private volatile Boolean none;

    public TriggerCatalog(StorageEngine engine) {
        this.system = new SystemConnection(engine, "the triggers");
    }

    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS public.doppel_triggers (db VARCHAR(64) NOT NULL,"
                    + " name VARCHAR(64) NOT NULL, table_name VARCHAR(64) NOT NULL, timing VARCHAR(6) NOT NULL,"
                    + " event VARCHAR(6) NOT NULL, action_order INT NOT NULL, definer_user VARCHAR(32) NOT NULL,"
                    + " definer_host VARCHAR(255) NOT NULL, body CLOB NOT NULL, sql_mode VARCHAR(1024) NOT NULL,"
                    + " created TIMESTAMP(2) NOT NULL, character_set_client VARCHAR(64) NOT NULL,"
                    + " collation_connection VARCHAR(64) NOT NULL, db_collation VARCHAR(64) NOT NULL,"
                    + " PRIMARY KEY (db, name)) COMMENT 'Triggers'");
        }
    }

    /** Whether no trigger exists; read by every engine statement, so without the catalog's lock. */
    public boolean isEmpty() {
        Boolean known = none;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            boolean empty = load().isEmpty();
            none = empty;
            return empty;
        }
    }

    public synchronized List<Trigger> all() {
        return new ArrayList<>(load());
    }

    public synchronized Trigger find(String schema, String name) {
        for (Trigger each : load()) {
            if (each.schema().equals(schema) && each.name().equals(name)) {
                return each;
            }
        }
        return null;
    }

    /** The triggers of a table for one timing and event, in the order they run. */
    public synchronized List<Trigger> of(String schema, String table, String timing, String event) {
        load();
        return byTable.getOrDefault(key(schema, table, timing, event), List.of());
    }

    /** The trigger's body parsed for running, once per CREATE. */
    public synchronized CompiledRoutine compiled(Trigger trigger) {
        return compiled.computeIfAbsent(trigger.schema() + "." + trigger.name(), key -> CompiledRoutine.of(trigger.asRoutine()));
    }

    /** Adds a trigger last among its kind, or just after or before {@code other} (FOLLOWS, PRECEDES). */
    public synchronized void create(Trigger trigger, String orderWord, String other) throws SQLException {
        List<Trigger> group = new ArrayList<>(of(trigger.schema(), trigger.table(), trigger.timing(), trigger.event()));
        int at = group.size();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).name().equals(other)) {
                at = "FOLLOWS".equals(orderWord) ? i + 1 : i;
            }
        }
        group.add(at, trigger);
        for (Trigger each : group) {
            delete(each.schema(), each.name());
        }
        for (int i = 0; i < group.size(); i++) {
            insert(withOrder(group.get(i), i + 1));
        }
        // all six on a table that has any: REPLACE reaches INSERT and DELETE triggers through the engine's UPDATE ones
        try (Statement statement = system.get().createStatement()) {
            for (String timing : TIMINGS) {
                for (String event : EVENTS) {
                    statement.execute("CREATE TRIGGER IF NOT EXISTS " + engineTrigger(trigger.schema(),
                            trigger.table(), timing, event) + " " + timing + " " + event + " ON "
                            + quote(trigger.schema()) + "." + quote(trigger.table()) + " FOR EACH ROW CALL '"
                            + StoredTriggers.class.getName() + "'");
                }
            }
        }
        reload();
    }

    public synchronized void drop(Trigger trigger) throws SQLException {
        delete(trigger.schema(), trigger.name());
        boolean last = load().stream().noneMatch(t -> t != trigger && t.schema().equals(trigger.schema())
                && t.table().equalsIgnoreCase(trigger.table()) && !t.name().equals(trigger.name()));
        if (last) {
            dropEngineTriggers(trigger.schema(), trigger.table());
        }
        reload();
    }

    /** DROP TABLE and DROP DATABASE take their triggers with them (the engine's went with the table). */
    public synchronized void tableDropped(String schema, String table) throws SQLException {
        for (Trigger each : load()) {
            if (each.schema().equals(schema) && (table == null || each.table().equalsIgnoreCase(table))) {
                delete(each.schema(), each.name());
            }
        }
        reload();
    }

    /** RENAME TABLE: the triggers follow their table, and the engine's are made again under its new name. */
    public synchronized void tableRenamed(String schema, String table, String newSchema, String newTable)
            throws SQLException {
        List<Trigger> moved = new ArrayList<>();
        for (Trigger each : load()) {
            if (each.schema().equals(schema) && each.table().equalsIgnoreCase(table)) {
                moved.add(each);
            }
        }
        for (Trigger each : moved) {
            delete(each.schema(), each.name());
        }
        if (!moved.isEmpty()) {
            dropEngineTriggers(schema, table);
            dropEngineTriggers(newSchema, table);
        }
        reload();
        for (Trigger each : moved) {
            create(new Trigger(newSchema, each.name(), newTable, each.timing(), each.event(), each.order(),
                    each.definerUser(), each.definerHost(), each.body(), each.sqlMode(), each.created(),
                    each.characterSetClient(), each.collationConnection(), each.databaseCollation()), null, null);
        }
    }

    private void dropEngineTriggers(String schema, String table) throws SQLException {
        try (Statement statement = system.get().createStatement()) {
            for (String timing : TIMINGS) {
                for (String event : EVENTS) {
                    statement.execute("DROP TRIGGER IF EXISTS " + engineTrigger(schema, table, timing, event));
                }
            }
        }
    }

    private static String engineTrigger(String schema, String table, String timing, String event) {
        return quote(schema) + "." + quote(StoredTriggers.engineName(table, timing.equals("BEFORE"), event));
    }

    private static Trigger withOrder(Trigger trigger, int order) {
        return new Trigger(trigger.schema(), trigger.name(), trigger.table(), trigger.timing(), trigger.event(), order,
                trigger.definerUser(), trigger.definerHost(), trigger.body(), trigger.sqlMode(), trigger.created(),
                trigger.characterSetClient(), trigger.collationConnection(), trigger.databaseCollation());
    }

    private void insert(Trigger trigger) throws SQLException {
        try (PreparedStatement insert = system.get().prepareStatement("INSERT INTO public.doppel_triggers (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, trigger.schema());
            insert.setString(2, trigger.name());
            insert.setString(3, trigger.table());
            insert.setString(4, trigger.timing());
            insert.setString(5, trigger.event());
            insert.setInt(6, trigger.order());
            insert.setString(7, trigger.definerUser());
            insert.setString(8, trigger.definerHost());
            insert.setString(9, trigger.body());
            insert.setString(10, trigger.sqlMode());
            insert.setTimestamp(11, Timestamp.valueOf(trigger.created()));
            insert.setString(12, trigger.characterSetClient());
            insert.setString(13, trigger.collationConnection());
            insert.setString(14, trigger.databaseCollation());
            insert.executeUpdate();
        }
    }

    private void delete(String schema, String name) throws SQLException {
        try (PreparedStatement delete = system.get().prepareStatement(
                "DELETE FROM public.doppel_triggers WHERE db = ? AND name = ?")) {
            delete.setString(1, schema);
            delete.setString(2, name);
            delete.executeUpdate();
        }
    }

    private void reload() {
        compiled.clear();
        none = null;
        triggers = null;
        load();
    }

    private List<Trigger> load() {
        if (triggers != null) {
            return triggers;
        }
        List<Trigger> loaded = new ArrayList<>();
        try (Statement statement = system.get().createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM public.doppel_triggers")) {
            while (rows.next()) {
                loaded.add(new Trigger(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getInt(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getTimestamp(11).toLocalDateTime(), rows.getString(12),
                        rows.getString(13), rows.getString(14)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the triggers", e);
        }
        // MySQL's order: by table, then INSERT, UPDATE, DELETE, then BEFORE before AFTER, then action order
        loaded.sort(Comparator.comparing(Trigger::schema).thenComparing(Trigger::table)
                .thenComparingInt(t -> List.of("INSERT", "UPDATE", "DELETE").indexOf(t.event()))
                .thenComparing(Trigger::before, Comparator.reverseOrder()).thenComparingInt(Trigger::order));
        Map<String, List<Trigger>> grouped = new HashMap<>();
        for (Trigger each : loaded) {
            grouped.computeIfAbsent(key(each.schema(), each.table(), each.timing(), each.event()),
                    k -> new ArrayList<>()).add(each);
        }
        byTable = grouped;
        triggers = loaded;
        return loaded;
    }

    private static String key(String schema, String table, String timing, String event) {
        return (schema + "." + table).toLowerCase(Locale.ROOT) + "/" + timing + "/" + event;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
