package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.MySqlCharset;
import dev.doppel.server.config.MySqlCollation;
import dev.doppel.server.config.variables.SessionVariables;
import dev.doppel.server.engine.UserLockService;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.HandshakeResponse;
import dev.doppel.server.protocol.Packet;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ServerStatus;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.AccountStore;
import dev.doppel.server.security.PrivilegeChecker;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state of one authenticated connection: who it is, its current schema, session variables, user
 * variables, warnings and its engine connection. Commands run on the connection's executor, one at a time.
 */
public final class Session {
    private final ServerContext server;
    private final ClientConnection connection;
    private final String user;
    private final String host;
    private final Account account;
    private final boolean secure;
    private final int capabilities;
    private final SessionVariables variables;
    private final Map<String, Object> userVariables = new HashMap<>();
    private final SessionStateTracker stateTracker = new SessionStateTracker();
    private final CommandDispatcher dispatcher;
    private final ResponseWriter writer;
    private List<Warning> warnings = new ArrayList<>();
    private String schema;
    private Connection engineConnection;
    /** The engine's schema of a connection without a database (the engine has no "none"). */
    private String noSchema;
    /** This session's view of the server's user-level locks, made on first use. */
    private UserLockService userLocks;
    private final EngineTimeouts timeouts;
    private volatile Statement runningStatement;
    private volatile boolean queryKilled;
    /** Why the server stopped the running statement, or null. */
    private volatile Stop stopped;
    /** The table a running write names (1114), or a supplier of null (1021); null while no write runs. */
    private volatile Supplier<String> writing;
    /** {@link #writing} of the statement the server stopped. */
    private volatile Supplier<String> stoppedWrite;
    private final SessionLocks locks = new SessionLocks(this);
    private volatile String command = "Sleep";
    private volatile String info;
    private volatile long commandStartedAt = System.currentTimeMillis();
    private boolean inTransaction;
    private long lastInsertId;
    private long foundRows;
    private boolean multiStatements;
    private int handshakeCharset;
    private boolean passwordExpired;
    private PrivilegeChecker privilegeChecker;
    private long privilegeGeneration;
    /** The definer's privileges while a SQL SECURITY DEFINER program runs, else null. */
    private PrivilegeChecker programPrivileges;
    private dev.doppel.server.engine.program.StoredPrograms storedPrograms;
    private final dev.doppel.server.status.SessionStatus status = new dev.doppel.server.status.SessionStatus();

    /** Why the server, not a client, stopped a running statement: MemoryGovernor (1041), DiskFullWatch (1114, 1021). */
    public enum Stop { OUT_OF_MEMORY, DISK_FULL }

    /** A note, warning or error of the last statement (SHOW WARNINGS). */
    public record Warning(String level, int code, String message) {
    }

    /** What a stored program's call replaced, given back when it ends: the database and the privileges. */
    public record ProgramContext(String schema, PrivilegeChecker privileges) {
    }

    Session(ServerContext server, ClientConnection connection, HandshakeResponse response, Account account,
            String host, boolean secure) {
        this.server = server;
        this.connection = connection;
        this.user = response.user();
        this.host = host;
        this.account = account;
        this.secure = secure;
        this.capabilities = response.capabilities();
        this.multiStatements = Capabilities.has(capabilities, Capabilities.CLIENT_MULTI_STATEMENTS);
        this.passwordExpired = account.passwordExpired();
        this.variables = server.variables().newSession();
        this.timeouts = new EngineTimeouts(variables, server.engine());
        applyHandshakeCharset(response.charset());
        if (Capabilities.has(capabilities, Capabilities.CLIENT_INTERACTIVE)) {
            variables.setInternal("wait_timeout", variables.value("interactive_timeout"));
        }
        variables.bindComputed("warning_count", () -> (long) warnings.size());
        variables.bindComputed("error_count", () -> warnings.stream().filter(w -> w.level().equals("Error")).count());
        this.writer = connection.newResponseWriter(capabilities);
        this.dispatcher = new CommandDispatcher(this);
    }

    /** Selects the database named in the handshake, if any. */
    void connectTo(String database) {
        if (database != null) {
            useSchema(database);
            stateTracker.drain(false, false);
        }
    }

    void onCommand(Packet packet) {
        dispatcher.dispatch(packet);
    }

    boolean canRunInline(Packet packet) {
        return dispatcher.canRunInline(packet);
    }

    public ServerContext server() {
        return server;
    }

    /** This session's statement counters (SHOW SESSION STATUS). */
    public dev.doppel.server.status.SessionStatus status() {
        return status;
    }

    public ClientConnection connection() {
        return connection;
    }

    public long id() {
        return connection.id();
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public Account account() {
        return account;
    }

    public boolean secure() {
        return secure;
    }

    public int capabilities() {
        return capabilities;
    }

    public ResponseWriter writer() {
        return writer;
    }

    public SessionVariables variables() {
        return variables;
    }

    public Map<String, Object> userVariables() {
        return userVariables;
    }

    public String schema() {
        return schema;
    }

    public boolean multiStatements() {
        return multiStatements;
    }

    void multiStatements(boolean enabled) {
        multiStatements = enabled;
    }

    public long lastInsertId() {
        return lastInsertId;
    }

    /** FOUND_ROWS(): the rows of the last SELECT (without its LIMIT after SQL_CALC_FOUND_ROWS). */
    public long foundRows() {
        return foundRows;
    }

    public void foundRows(long value) {
        foundRows = value;
    }

    public void lastInsertId(long value) {
        lastInsertId = value;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    public void addWarning(String level, int code, String message) {
        warnings.add(new Warning(level, code, message));
    }

    /** Starts a new statement: its warnings replace the previous statement's. */
    public void clearWarnings() {
        if (!warnings.isEmpty()) {
            warnings = new ArrayList<>();
        }
    }

    public String command() {
        return command;
    }

    public String info() {
        return info;
    }

    public long commandSeconds() {
        return (System.currentTimeMillis() - commandStartedAt) / 1000;
    }

    public void commandStarted(String name, String text) {
        command = name;
        info = text;
        commandStartedAt = System.currentTimeMillis();
        queryKilled = false;
        stopped = null;
        writing = null;
    }

    void commandEnded() {
        locks.leaveWriters();
        command = "Sleep";
        info = null;
        commandStartedAt = System.currentTimeMillis();
        if (engineConnection != null) {
            server.engine().statementsEnded(engineConnection);
        }
    }

    /**
     * Whether the session is in MySQL's sandbox mode: the account's password expired, and only ALTER USER,
     * SET PASSWORD and SET are allowed until the password is changed.
     */
    public boolean passwordExpired() {
        return passwordExpired;
    }

    /** The session's own password was changed: the sandbox is lifted. */
    public void passwordChanged() {
        passwordExpired = false;
    }

    /** The status flags for OK and EOF packets. */
    public int statusFlags() {
        int result = 0;
        if (variables.autocommit()) {
            result |= ServerStatus.AUTOCOMMIT;
        }
        if (inTransaction) {
            result |= ServerStatus.IN_TRANS;
        }
        if (stateTracker.hasChanges()) {
            result |= ServerStatus.SESSION_STATE_CHANGED;
        }
        return result;
    }

    public void inTransaction(boolean value) {
        inTransaction = value;
    }

    /** Encoded session-state changes for the next OK packet, when the client tracks them. */
    public byte[] drainSessionState() {
        if (!Capabilities.has(capabilities, Capabilities.CLIENT_SESSION_TRACK)) {
            stateTracker.drain(false, false);
            return null;
        }
        return stateTracker.drain(isOn(variables.value("session_track_schema")),
                isOn(variables.value("session_track_state_change")));
    }

    private static boolean isOn(Object value) {
        return value instanceof Boolean bool ? bool : value instanceof Number number ? number.longValue() != 0
                : value != null && ("ON".equalsIgnoreCase(value.toString()) || "1".equals(value.toString()));
    }

    /** The character set the client asked for in the handshake, as SET NAMES would set it. */
    private void applyHandshakeCharset(int collationId) {
        handshakeCharset = collationId;
        Optional<MySqlCollation> collation = Charsets.collation(collationId);
        if (collation.isPresent()) {
            variables.setNames(collation.get().charsetName(), collation.get().name());
        }
    }

    /** The Java charset of character_set_client, to decode statement text. */
    public Charset clientCharset() {
        return Charsets.charset(variables.characterSetClient()).map(MySqlCharset::javaCharset)
                .orElse(StandardCharsets.UTF_8);
    }

    /**
     * How text results are converted to character_set_results, or null when they go out as the engine holds them
     * (character_set_results NULL, binary, or a UTF-8 one).
     */
    public dev.doppel.server.protocol.ResultsCharset resultsConversion() {
        String name = variables.characterSetResults();
        if (name == null || name.equalsIgnoreCase("binary")) {
            return null;
        }
        Optional<MySqlCharset> charset = Charsets.charset(name);
        if (charset.isEmpty() || charset.get().javaCharset().equals(StandardCharsets.UTF_8)) {
            return null;
        }
        return new dev.doppel.server.protocol.ResultsCharset(charset.get().javaCharset(),
                Charsets.defaultCollation(charset.get()).id());
    }

    /** The system variables whose changes the client asked to track. */
    public Set<String> trackedVariables() {
        Object list = variables.value("session_track_system_variables");
        Set<String> result = new HashSet<>();
        if (list != null) {
            for (String each : list.toString().split(",")) {
                if (!each.isBlank()) {
                    result.add(each.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    public void variableChanged(String name, String shownValue) {
        stateTracker.variableChanged(name, shownValue, trackedVariables());
    }

    /**
     * The privilege checks of this session's account, made again only when the grant tables changed since the
     * last call (every reload bumps the store's generation).
     */
    public PrivilegeChecker privileges() {
        if (programPrivileges != null) {
            return programPrivileges;
        }
        AccountStore accounts = server.accounts();
        long generation = accounts.generation();
        PrivilegeChecker cached = privilegeChecker;
        if (cached == null || generation != privilegeGeneration) {
            boolean skipGrants = account == AccountStore.SKIP_GRANTS;
            Account current = skipGrants ? account : accounts.find(account.user(), account.host()).orElse(account);
            cached = new PrivilegeChecker(account, current, skipGrants, user, host);
            privilegeChecker = cached;
            privilegeGeneration = generation;
        }
        return cached;
    }

    /**
     * Makes {@code name} the current schema (USE, COM_INIT_DB, the handshake's database). As in MySQL, access to
     * the database is checked before its existence (1044 rather than 1049 for a database the account cannot use).
     */
    public void useSchema(String name) {
        privileges().requireDatabaseAccess(name);
        if (!server.schemaExists(name)) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(name);
        }
        schema = name;
        if (engineConnection != null) {
            try {
                engineConnection.setSchema(name);
            } catch (SQLException e) {
                throw MySqlError.ER_BAD_DB_ERROR.exception(name);
            }
        }
        stateTracker.schemaChanged(name);
    }

    /** Who runs the stored functions the session's statements call and the triggers they fire. */
    public dev.doppel.server.engine.program.StoredPrograms storedPrograms() {
        return storedPrograms;
    }

    public void storedPrograms(dev.doppel.server.engine.program.StoredPrograms programs) {
        storedPrograms = programs;
    }

    /** A stored program runs in its own database, with its definer's privileges when given (else the caller's). */
    public ProgramContext enterProgram(String database, PrivilegeChecker definer) throws SQLException {
        ProgramContext outer = new ProgramContext(schema, programPrivileges);
        engineConnection().setSchema(database);
        schema = database;
        programPrivileges = definer != null ? definer : programPrivileges;
        return outer;
    }

    public void leaveProgram(ProgramContext outer) {
        programPrivileges = outer.privileges();
        schema = outer.schema();
        try {
            engineConnection.setSchema(schema != null ? schema : noSchema);
        } catch (SQLException e) {
            // the caller's database was dropped by the program: the session has none, as after DROP DATABASE
            dropCurrentSchema();
        }
    }

    /** The current database was dropped: the session has none, as in MySQL. */
    public void dropCurrentSchema() {
        schema = null;
        stateTracker.schemaChanged("");
        if (engineConnection != null && noSchema != null) {
            try {
                // back where a connection without a database starts: the engine otherwise resolves every name,
                // information_schema's too, in the dropped schema (1049)
                engineConnection.setSchema(noSchema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot leave the dropped schema", e);
            }
        }
    }

    /** The engine connection if one is open, null otherwise (never opens one). */
    public Connection openEngineConnection() {
        return engineConnection;
    }

    public Connection engineConnection() throws SQLException {
        if (engineConnection == null) {
            engineConnection = server.engine().connect();
            noSchema = engineConnection.getSchema();
            timeouts.newConnection(engineConnection); // also for the statements that do not sync it themselves (DDL)
            if (schema != null) {
                engineConnection.setSchema(schema);
            }
        }
        return engineConnection;
    }

    /** The bounds of the session's engine statements (max_execution_time, innodb_lock_wait_timeout). */
    public EngineTimeouts timeouts() {
        return timeouts;
    }

    /** Registers the engine statement now running, so that KILL QUERY can cancel it. */
    public void running(Statement statement) {
        runningStatement = statement;
        if (statement == null) {
            server.runningStatements().ended(this);
            writing = null;
            return;
        }
        // a guard that picked the statement before this one just as it ended stopped nothing
        stopped = null;
        server.runningStatements().started(this);
        if (queryKilled) {
            cancel(statement);
        }
    }

    /** The server stops the running statement, for {@code cause}; it fails with that cause's error. */
    void stop(Stop cause) {
        stoppedWrite = writing;
        stopped = cause;
        Statement statement = runningStatement;
        if (statement != null) {
            cancel(statement);
        }
    }

    /** Why the server stopped this command's statement, or null. */
    public Stop stopped() {
        return stopped;
    }

    /** The statement about to run writes: {@code table} names its table for 1114, or gives null for 1021. */
    public void writes(Supplier<String> table) {
        server.accountUsage().update(account);
        locks.enterWriters();
        writing = table;
    }

    /** The running write's table for 1114 (null for 1021); null itself while no write runs. */
    public Supplier<String> writing() {
        return writing;
    }

    /** {@link #writing()} of the statement the server stopped, or null. */
    public Supplier<String> stoppedWrite() {
        return stoppedWrite;
    }

    public boolean queryKilled() {
        return queryKilled;
    }

    /** GET_LOCK and the other user-level lock functions, for this session. */
    public UserLockService userLocks() {
        if (userLocks == null) {
            userLocks = server.userLocks().forSession(id(), this::queryKilled);
        }
        return userLocks;
    }

    /** KILL QUERY: the running statement stops with 1317. */
    public void killQuery() {
        queryKilled = true;
        Statement statement = runningStatement;
        if (statement != null) {
            cancel(statement);
        }
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement finished meanwhile
        }
    }

    /** COM_RESET_CONNECTION: back to the state right after login, keeping user and schema. */
    void reset() {
        rollbackQuietly();
        locks.end();
        server.userLocks().releaseAll(id());
        variables.reset();
        applyHandshakeCharset(handshakeCharset);
        if (Capabilities.has(capabilities, Capabilities.CLIENT_INTERACTIVE)) {
            variables.setInternal("wait_timeout", variables.value("interactive_timeout"));
        }
        userVariables.clear();
        warnings = new ArrayList<>();
        lastInsertId = 0;
    }

    private void rollbackQuietly() {
        if (engineConnection != null) {
            try {
                if (!engineConnection.getAutoCommit()) {
                    engineConnection.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is going away
            }
        }
        inTransaction = false;
    }

    /** The server-wide locks the session holds: the backup lock, the global read lock, its place among writers. */
    public SessionLocks locks() {
        return locks;
    }

    /** Whether ending holds nothing that could wait (no engine connection, no lock): the network thread may do it. */
    boolean endsAtOnce() {
        return engineConnection == null && !locks.holdsAny();
    }

    /** The connection closed: roll back and release the engine connection. */
    void end() {
        rollbackQuietly();
        locks.end();
        server.userLocks().releaseAll(id());
        if (engineConnection != null) {
            try {
                engineConnection.close();
            } catch (SQLException ignored) {
                // nothing left to do
            }
            engineConnection = null;
        }
    }

    @Override
    public String toString() {
        return "session " + id() + " " + Arrays.asList(user, host);
    }
}
