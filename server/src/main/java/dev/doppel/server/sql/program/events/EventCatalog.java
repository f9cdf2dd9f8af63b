package dev.doppel.server.sql.program.events;

import dev.doppel.server.engine.StorageEngine;
import dev.doppel.server.sql.program.SystemConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The server's events, in the engine table public.doppel_events (MySQL's data dictionary table mysql.events). */
public final class EventCatalog {
    private static final String COLUMNS = "db, name, definer_user, definer_host, body, execute_at, interval_value,"
            + " interval_field, starts, ends, status, on_completion, event_comment, sql_mode, created, last_altered,"
            + " last_executed, character_set_client, collation_connection, db_collation";

    private final SystemConnection system;
    private List<Event> events;

    public EventCatalog(StorageEngine engine) {
        this.system = new SystemConnection(engine, "the events");
    }

    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS public.doppel_events (db VARCHAR(64) NOT NULL,"
                    + " name VARCHAR(64) NOT NULL, definer_user VARCHAR(32) NOT NULL,"
                    + " definer_host VARCHAR(255) NOT NULL, body CLOB NOT NULL, execute_at TIMESTAMP,"
                    + " interval_value VARCHAR(256), interval_field VARCHAR(18), starts TIMESTAMP, ends TIMESTAMP,"
                    + " status VARCHAR(18) NOT NULL, on_completion VARCHAR(12) NOT NULL,"
                    + " event_comment VARCHAR(2048) NOT NULL, sql_mode VARCHAR(1024) NOT NULL,"
                    + " created TIMESTAMP NOT NULL, last_altered TIMESTAMP NOT NULL, last_executed TIMESTAMP,"
                    + " character_set_client VARCHAR(64) NOT NULL, collation_connection VARCHAR(64) NOT NULL,"
                    + " db_collation VARCHAR(64) NOT NULL, PRIMARY KEY (db, name)) COMMENT 'Events'");
        }
    }

    public synchronized List<Event> all() {
        return new ArrayList<>(load());
    }

    /** Event names are not case-sensitive. */
    public synchronized Event find(String schema, String name) {
        for (Event each : load()) {
            if (each.schema().equals(schema) && each.name().equalsIgnoreCase(name)) {
                return each;
            }
        }
        return null;
    }

    /** Stores the event, replacing the one of that name. */
    public synchronized void save(Event event) throws SQLException {
        delete(event.schema(), event.name());
        try (PreparedStatement insert = system.get().prepareStatement("INSERT INTO public.doppel_events (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.schema());
            insert.setString(2, event.name());
            insert.setString(3, event.definerUser());
            insert.setString(4, event.definerHost());
            insert.setString(5, event.body());
            insert.setTimestamp(6, timestamp(event.executeAt()));
            insert.setString(7, event.intervalValue());
            insert.setString(8, event.intervalField());
            insert.setTimestamp(9, timestamp(event.starts()));
            insert.setTimestamp(10, timestamp(event.ends()));
            insert.setString(11, event.status());
            insert.setString(12, event.preserve() ? "PRESERVE" : "DROP");
            insert.setString(13, event.comment());
            insert.setString(14, event.sqlMode());
            insert.setTimestamp(15, timestamp(event.created()));
            insert.setTimestamp(16, timestamp(event.lastAltered()));
            insert.setTimestamp(17, timestamp(event.lastExecuted()));
            insert.setString(18, event.characterSetClient());
            insert.setString(19, event.collationConnection());
            insert.setString(20, event.databaseCollation());
            insert.executeUpdate();
        }
        events = null;
    }

    public synchronized boolean drop(String schema, String name) throws SQLException {
        boolean dropped = delete(schema, name);
        events = null;
        return dropped;
    }

    /** DROP DATABASE takes its events with it. */
    public synchronized void dropDatabase(String schema) throws SQLException {
        for (Event each : load()) {
            if (each.schema().equals(schema)) {
                delete(schema, each.name());
            }
        }
        events = null;
    }

    private boolean delete(String schema, String name) throws SQLException {
        try (PreparedStatement delete = system.get().prepareStatement(
                "DELETE FROM public.doppel_events WHERE db = ? AND LOWER(name) = LOWER(?)")) {
            delete.setString(1, schema);
            delete.setString(2, name);
            return delete.executeUpdate() > 0;
        }
    }

    private List<Event> load() {
        if (events != null) {
            return events;
        }
        List<Event> loaded = new ArrayList<>();
        try (Statement statement = system.get().createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM public.doppel_events")) {
            while (rows.next()) {
                loaded.add(new Event(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), time(rows.getTimestamp(6)), rows.getString(7), rows.getString(8),
                        time(rows.getTimestamp(9)), time(rows.getTimestamp(10)), rows.getString(11),
                        rows.getString(12).equals("PRESERVE"), rows.getString(13), rows.getString(14),
                        time(rows.getTimestamp(15)), time(rows.getTimestamp(16)), time(rows.getTimestamp(17)),
                        rows.getString(18), rows.getString(19), rows.getString(20)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events", e);
        }
        loaded.sort(Comparator.comparing(Event::schema).thenComparing(Event::name));
        events = loaded;
        return loaded;
    }

    private static Timestamp timestamp(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    private static LocalDateTime time(Timestamp stamp) {
        return stamp == null ? null : stamp.toLocalDateTime();
    }
}
