package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.dml.InvalidTextLiterals;
import dev.doppel.server.config.variables.SqlMode;
import dev.doppel.server.engine.StatementEffects;
import dev.doppel.server.engine.UserLockService;
import dev.doppel.server.engine.partitions.PartitionCheck;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.files.SecureFiles;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.partition.PartitionSelection;
import dev.doppel.server.sql.translate.UserVariableAssignments;
import org.h2.api.ErrorCode;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What the engine's MySQL functions report while one statement runs: a division by zero becomes warning 1365,
 * or error 1365 in an INSERT, REPLACE or UPDATE under strict ERROR_FOR_DIVISION_BY_ZERO (as MySQL does);
 * LAST_INSERT_ID(expr) sets the session's LAST_INSERT_ID() and the statement's insert id.
 */
public final class EngineEffects implements StatementEffects.Listener {
    private final Session session;
    private final List<Token> tokens;
    /** When the statement began, for max_execution_time. */
    private final long started;
    private Long insertId;
    private long groupConcatRows;

    private EngineEffects(Session session, List<Token> tokens) {
        this.session = session;
        this.tokens = tokens;
        this.started = System.nanoTime();
    }

    /** Runs {@code statement} with its effects reported to {@code session}. */
    public static void during(Session session, List<Token> tokens, Runnable statement) {
        // @v := expr: the variables live in the engine's session while the statement runs
        Set<String> assigned = UserVariableAssignments.assigned(tokens);
        if (!assigned.isEmpty()) {
            UserVariableAssignments.load(session, tokens, assigned);
        }
        StatementEffects.Listener previous = StatementEffects.begin(new EngineEffects(session, tokens));
        try {
            PartitionSelection.restrictWrites(session, tokens);
            statement.run();
        } finally {
            PartitionCheck.statementEnded();
            StatementEffects.end(previous);
            if (!assigned.isEmpty()) {
                UserVariableAssignments.store(session, assigned);
            }
        }
    }

    /** The value LAST_INSERT_ID(expr) set in the running statement, or null. */
    public static Long insertIdSet() {
        return StatementEffects.current() instanceof EngineEffects effects ? effects.insertId : null;
    }

    @Override
    public void warning(int code, String message) {
        session.addWarning("Warning", code, message);
    }

    @Override
    public void divisionByZero() throws SQLException {
        if (divisionByZeroIsError()) {
            throw new SQLException(MySqlError.ER_DIVISION_BY_ZERO.message(), "22012", ErrorCode.DIVISION_BY_ZERO_1);
        }
        session.addWarning("Warning", MySqlError.ER_DIVISION_BY_ZERO.number(), MySqlError.ER_DIVISION_BY_ZERO.message());
    }

    private boolean divisionByZeroIsError() {
        Token verb = tokens.get(0);
        if (!(verb.isWord("INSERT") || verb.isWord("REPLACE") || verb.isWord("UPDATE"))
                || tokens.size() > 1 && tokens.get(1).isWord("IGNORE")) {
            return false;
        }
        long mode = session.variables().sqlModeBits();
        return (mode & SqlMode.ERROR_FOR_DIVISION_BY_ZERO) != 0
                && (mode & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0;
    }

    @Override
    public void truncatedNumber(String type, String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) : text;
        Token verb = tokens.get(0);
        boolean changesRows = verb.isWord("UPDATE") || verb.isWord("DELETE") || verb.isWord("INSERT")
                || verb.isWord("REPLACE");
        if (changesRows && !(tokens.size() > 1 && tokens.get(1).isWord("IGNORE"))
                && (session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0) {
            throw MySqlError.ER_TRUNCATED_WRONG_VALUE.exception(type, shown);
        }
        session.addWarning("Warning", MySqlError.ER_TRUNCATED_WRONG_VALUE.number(),
                MySqlError.ER_TRUNCATED_WRONG_VALUE.message(type, shown));
    }

    @Override
    public void wrongArguments(String function) {
        if ((session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0) {
            throw MySqlError.ER_WRONG_ARGUMENTS.exception(function);
        }
        session.addWarning("Warning", MySqlError.ER_WRONG_ARGUMENTS.number(),
                MySqlError.ER_WRONG_ARGUMENTS.message(function));
    }

    /**
     * KILL QUERY, or max_execution_time passed for a SELECT: the engine stops the statement at its next check, and a
     * function that waits (SLEEP) asks here so that it stops waiting, as MySQL's does.
     */
    @Override
    public boolean interrupted() {
        if (session.queryKilled()) {
            return true;
        }
        int bound = session.timeouts().statement();
        return bound > 0 && System.nanoTime() - started > bound * 1_000_000L;
    }

    @Override
    public long maxAllowedPacket() {
        return ((Number) session.variables().value("max_allowed_packet")).longValue();
    }

    @Override
    public void packetOverflow(String function, long limit) {
        session.addWarning("Warning", MySqlError.ER_WARN_ALLOWED_PACKET_OVERFLOWED.number(),
                MySqlError.ER_WARN_ALLOWED_PACKET_OVERFLOWED.message(function, limit));
    }

    @Override
    public long groupConcatMaxLen() {
        return ((Number) session.variables().value("group_concat_max_len")).longValue();
    }

    @Override
    public long nextGroupConcatRow() {
        return ++groupConcatRows;
    }

    @Override
    public void groupConcatCut(long row) {
        session.addWarning("Warning", MySqlError.ER_CUT_VALUE_GROUP_CONCAT.number(),
                MySqlError.ER_CUT_VALUE_GROUP_CONCAT.message(row));
    }

    @Override
    public void invalidText(byte[] bytes, String column, long row) {
        String shown = InvalidTextLiterals.shown(bytes);
        if ((session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0) {
            throw MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.exception("string", shown, column, row);
        }
        session.addWarning("Warning", MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.number(),
                MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.message("string", shown, column, row));
    }

    @Override
    public String blockEncryptionMode() {
        Object mode = session.variables().value("block_encryption_mode");
        return mode == null ? "aes-128-ecb" : mode.toString();
    }

    @Override
    public void dataTruncated(String column, long row) {
        if ((session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0
                && !(tokens.size() > 1 && tokens.get(1).isWord("IGNORE"))) {
            throw MySqlError.WARN_DATA_TRUNCATED.exception(column, row);
        }
        session.addWarning("Warning", MySqlError.WARN_DATA_TRUNCATED.number(),
                MySqlError.WARN_DATA_TRUNCATED.message(column, row));
    }

    @Override
    public byte[] loadFile(String name) {
        java.nio.file.Path path = SecureFiles.forReading(name, session);
        if (path == null) {
            return null;
        }
        try {
            if (java.nio.file.Files.size(path) > maxAllowedPacket()) {
                return null; // MySQL: NULL for a file longer than max_allowed_packet
            }
            return java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public long cteMaxRecursionDepth() {
        return session.variables().cteMaxRecursionDepth();
    }

    @Override
    public UserLockService userLocks() {
        return session.userLocks();
    }

    @Override
    public void insertIdSet(long value) {
        insertId = value;
        session.lastInsertId(value);
    }

    @Override
    public Object storedFunction(String schema, String name, Object[] arguments) throws SQLException {
        return session.storedPrograms().function(schema, name, arguments);
    }

    @Override
    public void storedTriggers(String schema, String table, boolean before, String event, Object[] oldRow,
                               Object[] newRow) throws SQLException {
        var programs = session.storedPrograms();
        if (event.equals("UPDATE") && tokens.get(0).isWord("REPLACE")) {
            // the engine replaces a row in place; MySQL deletes it and inserts the new one, and fires for that:
            // BEFORE INSERT, BEFORE DELETE, AFTER DELETE, then AFTER INSERT
            if (before) {
                programs.triggers(schema, table, true, "INSERT", null, newRow);
                programs.triggers(schema, table, true, "DELETE", oldRow, null);
                programs.triggers(schema, table, false, "DELETE", oldRow, null);
            } else {
                programs.triggers(schema, table, false, "INSERT", null, newRow);
            }
            return;
        }
        programs.triggers(schema, table, before, event, oldRow, newRow);
    }
}
