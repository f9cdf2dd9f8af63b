package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;

/**
 * Warnings MySQL gives while it parses a statement (deprecated syntax): a server-prepared statement gives them once,
 * with its PREPARE. A prepared statement that reads session state is translated again at each EXECUTE
 * (sql.PreparedStatements), and that translation repeats none of them ({@link #repeated}).
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

    /** Runs {@code translation}, a statement parsed before, without its parse warnings. */
    public static void repeated(Runnable translation) {
        REPEATED.set(Boolean.TRUE);
        try {
            translation.run();
        } finally {
            REPEATED.remove();
        }
    }
}
