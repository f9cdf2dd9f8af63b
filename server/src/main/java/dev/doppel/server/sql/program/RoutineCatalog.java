package dev.doppel.server.sql.program;

import dev.doppel.server.engine.StorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored procedures and functions of the server, in the engine table public.doppel_routines, in the engine's own
 * schema that no client statement reaches (MySQL keeps them in its data dictionary table mysql.routines, which no
 * statement may read either: 3554). Read once into memory; every CREATE, ALTER and DROP writes the table through the
 * server's own engine connection and the memory together.
 */
public final class RoutineCatalog {
    private static final String COLUMNS = "db, name, type, definer_user, definer_host, security_type, sql_data_access,"
            + " is_deterministic, routine_comment, param_list, returns_type, body, sql_mode, created, modified,"
            + " character_set_client, collation_connection, db_collation";

    private final SystemConnection system;
    private Map<String, Routine> routines;
    private final Map<String, CompiledRoutine> compiled = new HashMap<>();
    /** Whether a stored function exists, null until known again after a change. */
    private volatile Boolean functionsExist;

    public RoutineCatalog(StorageEngine engine) {
        this.system = new SystemConnection(engine, "the stored routines");
    }

    /** Makes the table where it is missing (at every start, before any session). */
    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS public.doppel_routines (db VARCHAR(64) NOT NULL,"
                    + " name VARCHAR(64) NOT NULL, name_key VARCHAR(64) NOT NULL, type VARCHAR(9) NOT NULL,"
                    + " definer_user VARCHAR(32) NOT NULL, definer_host VARCHAR(255) NOT NULL,"
                    + " security_type VARCHAR(7) NOT NULL, sql_data_access VARCHAR(17) NOT NULL,"
                    + " is_deterministic BOOLEAN NOT NULL, routine_comment CLOB NOT NULL, param_list CLOB NOT NULL,"
                    + " returns_type CLOB, body CLOB NOT NULL, sql_mode VARCHAR(1024) NOT NULL,"
                    + " created TIMESTAMP(6) NOT NULL, modified TIMESTAMP(6) NOT NULL,"
                    + " character_set_client VARCHAR(64) NOT NULL, collation_connection VARCHAR(64) NOT NULL,"
                    + " db_collation VARCHAR(64) NOT NULL, PRIMARY KEY (db, type, name_key))"
                    + " COMMENT 'Stored routines'");
        }
    }

    public synchronized Routine find(String type, String schema, String name) {
        return load().get(Routine.key(type, schema, name));
    }

    /** Whether any stored function exists; read by every engine statement, so without the catalog's lock. */
    public boolean hasFunctions() {
        Boolean known = functionsExist;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            boolean exist = load().values().stream().anyMatch(Routine::function);
            functionsExist = exist;
            return exist;
        }
    }

    public synchronized List<Routine> all() {
        return new ArrayList<>(load().values());
    }

    /** The routine ready to run; parsed once per CREATE. */
    synchronized CompiledRoutine compiled(Routine routine) {
        return compiled.computeIfAbsent(routine.key(), key -> CompiledRoutine.of(routine));
    }

    public synchronized void create(Routine routine) throws SQLException {
        load();
        try (PreparedStatement insert = system.get().prepareStatement("INSERT INTO public.doppel_routines (" + COLUMNS
                + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, routine);
            insert.executeUpdate();
        }
        routines.put(routine.key(), routine);
        compiled.remove(routine.key());
        functionsExist = null;
    }

    /** ALTER PROCEDURE / FUNCTION: the routine's characteristics changed. */
    public synchronized void replace(Routine routine) throws SQLException {
        load();
        try (PreparedStatement delete = system.get().prepareStatement(
                "DELETE FROM public.doppel_routines WHERE db = ? AND type = ? AND name_key = ?")) {
            delete.setString(1, routine.schema());
            delete.setString(2, routine.type());
            delete.setString(3, routine.name().toLowerCase(java.util.Locale.ROOT));
            delete.executeUpdate();
        }
        create(routine);
    }

    public synchronized boolean drop(String type, String schema, String name) throws SQLException {
        Routine existing = find(type, schema, name);
        if (existing == null) {
            return false;
        }
        try (PreparedStatement delete = system.get().prepareStatement(
                "DELETE FROM public.doppel_routines WHERE db = ? AND type = ? AND name_key = ?")) {
            delete.setString(1, schema);
            delete.setString(2, type);
            delete.setString(3, name.toLowerCase(java.util.Locale.ROOT));
            delete.executeUpdate();
        }
        routines.remove(existing.key());
        compiled.remove(existing.key());
        functionsExist = null;
        return true;
    }

    /** DROP DATABASE takes its routines with it, as in MySQL. */
    public synchronized void dropDatabase(String schema) throws SQLException {
        for (Routine each : all()) {
            if (each.schema().equals(schema)) {
                drop(each.type(), schema, each.name());
            }
        }
    }

    private Map<String, Routine> load() {
        if (routines != null) {
            return routines;
        }
        Map<String, Routine> loaded = new HashMap<>();
        try (Statement statement = system.get().createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM public.doppel_routines")) {
            while (rows.next()) {
                Routine routine = new Routine(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6).equals("INVOKER"), rows.getString(7),
                        rows.getBoolean(8), rows.getString(9), rows.getString(10), rows.getString(11),
                        rows.getString(12), rows.getString(13), rows.getTimestamp(14).toLocalDateTime(),
                        rows.getTimestamp(15).toLocalDateTime(), rows.getString(16), rows.getString(17),
                        rows.getString(18));
                loaded.put(routine.key(), routine);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored routines", e);
        }
        routines = loaded;
        return loaded;
    }

    private static void bind(PreparedStatement insert, Routine routine) throws SQLException {
        insert.setString(1, routine.schema());
        insert.setString(2, routine.name());
        insert.setString(3, routine.type());
        insert.setString(4, routine.definerUser());
        insert.setString(5, routine.definerHost());
        insert.setString(6, routine.invoker() ? "INVOKER" : "DEFINER");
        insert.setString(7, routine.dataAccess());
        insert.setBoolean(8, routine.deterministic());
        insert.setString(9, routine.comment());
        insert.setString(10, routine.parameters());
        insert.setString(11, routine.returns());
        insert.setString(12, routine.body());
        insert.setString(13, routine.sqlMode());
        insert.setTimestamp(14, Timestamp.valueOf(routine.created()));
        insert.setTimestamp(15, Timestamp.valueOf(routine.modified()));
        insert.setString(16, routine.characterSetClient());
        insert.setString(17, routine.collationConnection());
        insert.setString(18, routine.databaseCollation());
        insert.setString(19, routine.name().toLowerCase(java.util.Locale.ROOT));
    }
}
