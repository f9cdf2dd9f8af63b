package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * TRUNCATE [TABLE] performance_schema.t: a summary table (events_statements_summary_by_digest) starts again empty, as
 * in MySQL, with the DROP privilege on it (1142); the other performance_schema tables cannot be truncated (1683).
 */
public final class PerformanceSchemaTruncate {
    private static final String SCHEMA = "performance_schema";

    private final Session session;

    public PerformanceSchemaTruncate(Session session) {
        this.session = session;
    }

    /** TRUNCATE [TABLE] performance_schema.name, or name alone while performance_schema is the database. */
    public static boolean matches(List<Token> tokens) {
        int at = tokens.size() > 1 && tokens.get(1).isWord("TABLE") ? 2 : 1;
        return tokens.size() == at + 3 && tokens.get(at).isIdentifier() && tokens.get(at).text().equalsIgnoreCase(SCHEMA)
                && tokens.get(at + 1).isSymbol(".") && tokens.get(at + 2).isIdentifier();
    }

    public void execute(String sql, List<Token> tokens) {
        String table = tokens.get(tokens.size() - 1).text();
        if (VirtualTables.current().find(SCHEMA, table).isEmpty()) {
            throw MySqlError.ER_NO_SUCH_TABLE.exception(SCHEMA, table);
        }
        if (!session.privileges().hasOnTable("DROP", SCHEMA, table)) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception("DROP", session.user(), session.host(), table);
        }
        if (!table.equalsIgnoreCase("events_statements_summary_by_digest")) {
            throw MySqlError.ER_WRONG_PERFSCHEMA_USAGE.exception();
        }
        session.server().status().digests().clear();
    }
}
