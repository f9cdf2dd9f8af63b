package dev.doppel.server.session;

import dev.doppel.server.instance.SlowLog;
import dev.doppel.server.sql.lex.SecretRedaction;
import dev.doppel.server.sql.lex.Token;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A session's statements that took longer than its long_query_time, as MySQL decides them: counted in Slow_queries
 * and written to the slow query log when it is on. Administrative statements (ALTER TABLE, ANALYZE, CHECK, CREATE and
 * DROP INDEX, OPTIMIZE, REPAIR) only with log_slow_admin_statements. The server does not count the rows a statement
 * examines: Rows_examined is 0, so a min_examined_row_limit above 0 leaves every statement out.
 */
final class SlowQueries {
    private SlowQueries() {
    }

    /**
     * A statement ({@code text} made only when it is logged, {@code tokens} its own) that took {@code nanos} and sent
     * {@code rowsSent} rows.
     */
    static void ended(Session session, Supplier<String> text, List<Token> tokens, long nanos, long rowsSent) {
        Object limit = session.variables().value("long_query_time");
        double seconds = limit instanceof Number number ? number.doubleValue() : 10;
        if (nanos <= seconds * 1e9 || isAdministrative(tokens)
                && !Boolean.TRUE.equals(session.server().variables().globalValue("log_slow_admin_statements"))) {
            return;
        }
        long examined = 0;
        Object minimum = session.variables().value("min_examined_row_limit");
        if (minimum instanceof Number number && examined < number.longValue()) {
            return;
        }
        session.server().status().statements().slowQuery(session.status());
        SlowLog log = session.server().slowLog();
        if (log.enabled()) {
            InetAddress address = session.connection().clientAddress();
            log.write(new SlowLog.Entry(session.user(), session.host(), address == null ? "" : address.getHostAddress(),
                    session.id(), session.schema(), Instant.now().minusNanos(nanos), nanos, rowsSent, examined,
                    SecretRedaction.redact(text.get())));
        }
    }

    private static boolean isAdministrative(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token first = tokens.get(0);
        Token second = tokens.size() > 1 ? tokens.get(1) : null;
        return first.isWord("ANALYZE") || first.isWord("CHECK") || first.isWord("OPTIMIZE") || first.isWord("REPAIR")
                || (first.isWord("ALTER") || first.isWord("CREATE") || first.isWord("DROP")) && second != null
                && (second.isWord("INDEX") || second.isWord("UNIQUE") || second.isWord("FULLTEXT")
                || second.isWord("SPATIAL") || first.isWord("ALTER") && second.isWord("TABLE"));
    }
}
