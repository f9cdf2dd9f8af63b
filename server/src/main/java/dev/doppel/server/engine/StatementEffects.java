package dev.doppel.server.engine;

import java.sql.SQLException;

/**
 * What the engine's MySQL functions report back to the statement that runs them, on the thread that runs it:
 * a division by zero (a warning, or an error in a strict INSERT/UPDATE) and the value of LAST_INSERT_ID(expr).
 */
public final class StatementEffects {
    /** The statement running on this thread. */
    public interface Listener {
        /** Throws when the division by zero is an error; otherwise records MySQL's warning. */
        void divisionByZero() throws SQLException;

        void insertIdSet(long value);
    }

    private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

    private StatementEffects() {
    }

    /** Makes {@code listener} the current statement's until {@link #end()}; returns the one it replaces. */
    public static Listener begin(Listener listener) {
        Listener previous = CURRENT.get();
        CURRENT.set(listener);
        return previous;
    }

    public static void end(Listener previous) {
        // set(null), not remove(): a removed entry is made again by the next get(), on every statement
        CURRENT.set(previous);
    }

    public static Listener current() {
        return CURRENT.get();
    }

    static void divisionByZero() throws SQLException {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.divisionByZero();
        }
    }

    static void insertIdSet(long value) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.insertIdSet(value);
        }
    }
}
