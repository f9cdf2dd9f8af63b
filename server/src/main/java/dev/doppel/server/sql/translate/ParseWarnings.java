package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * Warnings MySQL gives while it parses a statement (deprecated syntax): a server-prepared statement gives them once,
 * with its PREPARE. A prepared statement that reads session state is translated again at each EXECUTE
 * (sql.PreparedStatements), and that translation repeats none of them; nor does a statement the server writes itself
 * (CREATE TABLE ... LIKE's copy of a definition): {@link #without}.
 */
public final class ParseWarnings {
    private static final ThreadLocal<Boolean> REPEATED = new ThreadLocal<>();

    private ParseWarnings() {
    }

    private static final String VALUES_FUNCTION = "'VALUES function' is deprecated and will be removed in a future"
            + " release. Please use an alias (INSERT INTO ... VALUES (...) AS alias) and replace VALUES(col) in the ON"
            + " DUPLICATE KEY UPDATE clause with alias.col instead";

    /** {@code VALUES(col)} in ON DUPLICATE KEY UPDATE: 1287 for each (the row alias replaces it). */
    static void valuesFunction(List<Token> tokens, Session session) {
        int update = -1;
        for (int i = 3; i < tokens.size() && update < 0; i++) {
            if (tokens.get(i).isWord("UPDATE") && tokens.get(i - 1).isWord("KEY")
                    && tokens.get(i - 2).isWord("DUPLICATE") && tokens.get(i - 3).isWord("ON")) {
                update = i;
            }
        }
        for (int i = update + 1; update > 0 && i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("VALUES") && tokens.get(i + 1).isSymbol("(")) {
                add(session, 1287, VALUES_FUNCTION);
            }
        }
    }

    public static void add(Session session, int code, String message) {
        if (session != null && REPEATED.get() == null) {
            session.addWarning("Warning", code, message);
        }
    }

    /** What runs without parse warnings. */
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /** Runs {@code work} (a statement parsed before, or the server's own) without parse warnings. */
    public static <E extends Exception> void without(Work<E> work) throws E {
        REPEATED.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            REPEATED.remove();
        }
    }
}
