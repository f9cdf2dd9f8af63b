package dev.doppel.server.engine;

import java.sql.SQLException;

/**
 * What the engine's MySQL functions report back to the statement that runs them, on the thread that runs it:
 * a division by zero (a warning, or an error in a strict INSERT/UPDATE), the value of LAST_INSERT_ID(expr) and
 * wrong arguments; and what they ask of it: whether KILL QUERY stopped it.
 */
public final class StatementEffects {
    /** The statement running on this thread. */
    public interface Listener {
        /** Throws when the division by zero is an error; otherwise records MySQL's warning. */
        void divisionByZero() throws SQLException;

        void insertIdSet(long value);

        /**
         * Text read as a number was not a number as a whole ({@code text}): MySQL's 1292 "Truncated incorrect
         * {@code type} value" (DOUBLE, INTEGER), an error in a statement that changes rows in strict mode, a warning
         * otherwise.
         */
        void truncatedNumber(String type, String text);

        /** Throws MySQL's 1210 for {@code function} in strict mode; otherwise records it as a warning. */
        void wrongArguments(String function) throws SQLException;

        /** Records a warning of one of MySQL's functions ({@code code}, {@code message}) for the statement. */
        default void warning(int code, String message) {
        }

        /** Whether KILL QUERY has stopped the statement. */
        boolean interrupted();

        /** The session's cte_max_recursion_depth. */
        long cteMaxRecursionDepth();

        /** The session's max_allowed_packet: the longest string a function may return. */
        long maxAllowedPacket();

        /** Records MySQL's warning 1301 for {@code function}, whose result would have passed max_allowed_packet. */
        void packetOverflow(String function, long limit);

        /** The session's group_concat_max_len, in bytes. */
        long groupConcatMaxLen();

        /** The result row a GROUP_CONCAT is computed for, from 1 (counted per call, for warning 1260). */
        long nextGroupConcatRow();

        /** Records MySQL's warning 1260: the GROUP_CONCAT of {@code row} was cut to group_concat_max_len. */
        void groupConcatCut(long row);

        /**
         * Bytes that are no text bound for text column {@code column} at {@code row}: MySQL's 1366 in strict mode
         * (thrown), its warning otherwise.
         */
        void invalidText(byte[] bytes, String column, long row);

        /**
         * A value written to {@code column} at {@code row} lost part of itself (a SET member the column lacks): MySQL's
         * 1265 in strict mode (thrown), its warning otherwise.
         */
        default void dataTruncated(String column, long row) {
        }

        /** The session's block_encryption_mode, which AES_ENCRYPT and AES_DECRYPT use. */
        default String blockEncryptionMode() {
            return "aes-128-ecb";
        }

        /** LOAD_FILE: the file's bytes, or null where MySQL returns NULL (no FILE privilege, secure_file_priv). */
        byte[] loadFile(String name);

        /** The user-level locks as the statement's session sees them. */
        UserLockService userLocks();

        /** Runs the stored function {@code schema.name} with {@code arguments} for the statement; its return value. */
        Object storedFunction(String schema, String name, Object[] arguments) throws SQLException;

        /** Runs the MySQL triggers of a table for one row the statement changes (see program.StoredPrograms). */
        void storedTriggers(String schema, String table, boolean before, String event, Object[] oldRow,
                            Object[] newRow) throws SQLException;
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

    /** A warning for the running statement, if there is one. */
    public static void warning(int code, String message) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.warning(code, message);
        }
    }

    /** See {@link Listener#dataTruncated}. */
    public static void dataTruncated(String column, long row) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.dataTruncated(column, row);
        }
    }

    static void wrongArguments(String function) throws SQLException {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.wrongArguments(function);
        }
    }

    static UserLockService userLocks() {
        Listener listener = CURRENT.get();
        if (listener == null) {
            throw new IllegalStateException("user-level locks are taken by a session's statements only");
        }
        return listener.userLocks();
    }

    /** cte_max_recursion_depth of the running statement's session (MySQL's default outside a session). */
    static long cteMaxRecursionDepth() {
        Listener listener = CURRENT.get();
        return listener == null ? 1000 : listener.cteMaxRecursionDepth();
    }

    static long maxAllowedPacket() {
        Listener listener = CURRENT.get();
        return listener == null ? 64L << 20 : listener.maxAllowedPacket();
    }

    static void packetOverflow(String function, long limit) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.packetOverflow(function, limit);
        }
    }

    static void invalidText(byte[] bytes, String column, long row) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.invalidText(bytes, column, row);
        }
    }

    static byte[] loadFile(String name) {
        Listener listener = CURRENT.get();
        return listener == null ? null : listener.loadFile(name);
    }

    static boolean interrupted() {
        Listener listener = CURRENT.get();
        return listener != null && listener.interrupted();
    }
}
