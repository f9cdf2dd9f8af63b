package dev.doppel.server.status;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's Com_* and Queries counters (SHOW GLOBAL STATUS), each statement counted in its session's as well: a
 * statement counts once it has been read, whether it then succeeds or fails, as in MySQL; a stored program's
 * statements count too, and a prepared statement's execution counts as its kind besides Com_stmt_execute.
 */
public final class StatementCounters {
    private final LongAdder[] com = new LongAdder[ComNames.NAMES.size()];
    private final LongAdder queries = new LongAdder();
    private final LongAdder slowQueries = new LongAdder();
    private static final int SYNTAX_ERROR = 1064;

    public StatementCounters() {
        for (int i = 0; i < com.length; i++) {
            com[i] = new LongAdder();
        }
    }

    /** Counts a statement about to run for {@code session}. */
    public void statement(SessionStatus session, List<Token> tokens) {
        queries.increment();
        session.queries++;
        String name = StatementComs.of(tokens);
        int index = name == null ? -1 : ComNames.index(name);
        if (index >= 0) {
            count(session, index);
        }
    }

    /**
     * A statement that failed: one the server could not read (1064) is no statement of any kind, as in MySQL, where
     * Com_* counts once the parser has read the statement; it stays counted in Queries.
     */
    public void failed(SessionStatus session, List<Token> tokens, RuntimeException failure) {
        if (failure instanceof MySqlException error && error.number() == SYNTAX_ERROR) {
            String name = StatementComs.of(tokens);
            int index = name == null ? -1 : ComNames.index(name);
            if (index >= 0) {
                com[index].decrement();
                session.com[index]--;
            }
        }
    }

    /** Counts a protocol command (COM_STMT_PREPARE, ...) by its Com_ name. */
    public void command(SessionStatus session, String name) {
        count(session, ComNames.index(name));
    }

    private void count(SessionStatus session, int index) {
        com[index].increment();
        session.com[index]++;
    }

    /** The server's count of Com_{@code name}, one of {@link ComNames#NAMES}. */
    public long com(String name) {
        return com[ComNames.index(name)].sum();
    }

    public long queries() {
        return queries.sum();
    }

    /** A statement that took longer than its session's long_query_time (Slow_queries). */
    public void slowQuery(SessionStatus session) {
        slowQueries.increment();
        session.slowQueries++;
    }

    public long slowQueries() {
        return slowQueries.sum();
    }
}
