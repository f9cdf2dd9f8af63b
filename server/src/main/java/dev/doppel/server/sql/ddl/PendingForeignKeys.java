package dev.doppel.server.sql.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Foreign keys created with foreign_key_checks=0 that reference a table which does not exist yet, as a dump does
 * when a child table sorts before its parent. MySQL keeps such a key; the engine cannot, so the table is created
 * without it and the key is added (without checking existing rows) as soon as the referenced table is created.
 * Until then SHOW CREATE TABLE does not show it, and a restart forgets it.
 */
public final class PendingForeignKeys {
    private record Pending(String schema, String table, String definition) {
    }

    /** "schema.table" of the referenced table (lower case) → the keys waiting for it. */
    private static final Map<String, List<Pending>> WAITING = new ConcurrentHashMap<>();

    private PendingForeignKeys() {
    }

    private static String key(String schema, String table) {
        return (schema + "." + table).toLowerCase(Locale.ROOT);
    }

    static void add(String referencedSchema, String referencedTable, String schema, String table, String definition) {
        WAITING.computeIfAbsent(key(referencedSchema, referencedTable), k -> new ArrayList<>())
                .add(new Pending(schema, table, definition));
    }

    /** Adds the keys that waited for {@code schema.table}, which now exists. */
    static void created(Connection connection, String schema, String table) throws SQLException {
        List<Pending> waiting = WAITING.remove(key(schema, table));
        if (waiting == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Pending each : waiting) {
                statement.execute("ALTER TABLE `" + each.schema().replace("`", "``") + "`.`"
                        + each.table().replace("`", "``") + "` ADD " + each.definition() + " NOCHECK");
            }
        }
    }
}
