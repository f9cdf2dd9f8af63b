package dev.doppel.server.sql.access;

import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.SchemaOptions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * A statement that would change a table, or a table's or view's definition, in a read-only schema (ALTER SCHEMA ...
 * READ ONLY = 1) fails with 3989 before it runs, whoever sends it. The changes are the table privileges the statement
 * needs ({@link TableAccess}) other than SELECT; a session's temporary tables stay writable, as in MySQL.
 */
final class ReadOnlySchemaWrites {
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX",
            "CREATE VIEW");

    private ReadOnlySchemaWrites() {
    }

    static void check(List<Token> tokens, Session session) {
        SchemaOptions options = session.server().schemaOptions();
        if (!options.anyReadOnly()) {
            return;
        }
        for (TableAccess.Need each : TableAccess.needs(tokens, session.schema())) {
            if (each.database() != null && options.isReadOnly(each.database())
                    && each.privileges().stream().anyMatch(WRITES::contains)
                    && (each.table() == null || !isTemporary(session, each.database(), each.table()))) {
                options.requireWritable(each.database());
            }
        }
    }

    private static boolean isTemporary(Session session, String database, String table) {
        try {
            return EngineCatalog.isTemporaryTable(session.engineConnection(), database, table);
        } catch (SQLException e) {
            return false;
        }
    }
}
