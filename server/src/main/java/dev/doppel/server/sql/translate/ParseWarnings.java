package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;

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
