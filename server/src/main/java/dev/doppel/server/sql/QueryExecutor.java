package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ServerStatus;
import dev.doppel.server.session.Session;
import dev.doppel.server.session.StatementStatistics;
import dev.doppel.server.sql.access.EngineStatementKinds;
import dev.doppel.server.sql.access.FunctionAllowlist;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.access.ViewDefinitions;
import dev.doppel.server.sql.ddl.CreateTableAsSelect;
import dev.doppel.server.sql.ddl.TableExistenceNotes;
import dev.doppel.server.sql.dml.AutoIncrementValue;
import dev.doppel.server.sql.dml.ChangedRows;
import dev.doppel.server.sql.dml.DiskFullGuard;
import dev.doppel.server.sql.dml.InsertIgnore;
import dev.doppel.server.sql.dml.InvalidTextLiterals;
import dev.doppel.server.sql.dml.MultiTableDml;
import dev.doppel.server.sql.dml.ReplaceRows;
import dev.doppel.server.sql.dml.TextColumnValues;
import dev.doppel.server.sql.dml.UpdateIgnore;
import dev.doppel.server.sql.errors.EngineEffects;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.errors.StoppedStatements;
import dev.doppel.server.sql.files.FileStatements;
import dev.doppel.server.sql.files.SelectIntoFile;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.OptimizerHints;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.owned.BackupLockedStatements;
import dev.doppel.server.sql.owned.LiteralSelect;
import dev.doppel.server.sql.owned.Savepoints;
import dev.doppel.server.sql.owned.ServerCommands;
import dev.doppel.server.sql.program.ProgramCalls;
import dev.doppel.server.sql.program.ProgramLiterals;
import dev.doppel.server.sql.results.BinaryValues;
import dev.doppel.server.sql.results.ResultRows;
import dev.doppel.server.sql.results.SelectLabels;
import dev.doppel.server.sql.results.TextResult;
import dev.doppel.server.sql.translate.EnginePipeline;
import dev.doppel.server.sql.translate.EngineSql;
import dev.doppel.server.sql.translate.FoundRows;
import dev.doppel.server.status.StatementCounters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the text of a COM_QUERY: splits it into statements (when multi-statements are on), runs the statements
 * the server owns itself (SET, SHOW, USE, KILL, SHUTDOWN, account statements, transactions) and passes the
 * rest to the engine, writing one result per statement.
 */
public final class QueryExecutor {
    private final Session session;
    private final PreparedStatements prepared;
    private final FileStatements files;
    private final ServerCommands commands;
    private final Transactions transactions;
    private final StatementRoutes routes;
    private final ProgramSession programs;
    /** Whether result rows go out in the binary protocol (COM_STMT_EXECUTE). */
    private boolean binary;
    private String pretokenizedText;
    private List<Token> pretokenized;
    /** The history of the text SELECTs of this session by shape (see QuickReads), bounded. */
    private final QuickTexts quickTexts = new QuickTexts();
    private final ParameterizedSelects parameterizedSelects = new ParameterizedSelects();

    public QueryExecutor(Session session) {
        this.session = session;
        this.prepared = new PreparedStatements(session, this);
        this.files = new FileStatements(session, this);
        this.commands = new ServerCommands(session);
        Savepoints savepoints = new Savepoints(session, this);
        this.transactions = new Transactions(session, savepoints);
        this.programs = new ProgramSession(session, this);
        this.routes = new StatementRoutes(session, this, transactions, savepoints, commands, programs);
    }

    public PreparedStatements preparedStatements() {
        return prepared;
    }

    public ServerCommands commands() {
        return commands;
    }

    public Transactions transactions() {
        return transactions;
    }

    FileStatements files() {
        return files;
    }

    /** Runs every statement of {@code text}; stops at the first error, as MySQL does. */
    /** Tokens already made for {@code text} (by the inline check), used once by the next executeText. */
    public void reuseTokens(String text, List<Token> tokens) {
        pretokenizedText = text;
        pretokenized = tokens;
    }

    /** Whether a text SELECT may run on the network thread: one of a shape that ran quickly before (see QuickReads). */
    public boolean canRunInline(List<Token> tokens) {
        if (Transactions.isBoundary(tokens)) {
            // Ending a transaction that changed nothing writes nothing (see Transactions#end): microseconds.
            try {
                return !session.server().engine().hasUncommittedChanges(session.engineConnection());
            } catch (SQLException e) {
                return false;
            }
        }
        return quickTexts.mayRunInline(tokens);
    }

    public void executeText(String text) {
        List<Token> all = text.equals(pretokenizedText) ? pretokenized : Lexer.tokenize(text);
        pretokenizedText = null;
        pretokenized = null;
        List<List<Token>> statements = Lexer.splitStatements(all);
        if (statements.isEmpty()) {
            throw MySqlError.ER_EMPTY_QUERY.exception();
        }
        if (statements.size() > 1 && !session.multiStatements()) {
            Token second = statements.get(1).get(0);
            throw Lexer.syntaxError(text, second.start());
        }
        ResponseWriter writer = session.writer();
        for (int i = 0; i < statements.size(); i++) {
            List<Token> tokens = statements.get(i);
            String sql = text;
            if (statements.size() > 1) {
                // each statement on its own text, so that handlers passing their text on see only their statement
                SqlText statement = SqlText.slice(text, tokens);
                sql = statement.sql();
                tokens = statement.tokens();
            }
            boolean more = i + 1 < statements.size();
            QuickReads history = statements.size() == 1 ? quickTexts.history(tokens) : null;
            StatementStatistics.Start started = StatementStatistics.start(session);
            long startedCpu = history == null ? 0 : history.startCpu();
            try {
                Lexer.requireNoMarkers(sql, tokens);
                execute(sql, tokens, more ? ServerStatus.MORE_RESULTS_EXISTS : 0);
            } catch (MySqlException e) {
                session.clearWarnings();
                session.addWarning("Error", e.number(), e.getMessage());
                writer.error(e.number(), e.sqlState(), e.getMessage());
                return;
            } finally {
                if (history != null) {
                    history.record(started.nanos(), startedCpu);
                }
                StatementStatistics.ended(session, sql, tokens, started);
            }
            if (writer.pendingBytes() > ResultRows.FLUSH_BYTES) {
                writer.flushPart();
            }
        }
    }

    /** A statement of a stored program: run as any, its result sets followed by more (the CALL's OK ends them). */
    public void executeInProgram(String sql, List<Token> tokens) {
        execute(sql, tokens, ServerStatus.MORE_RESULTS_EXISTS);
    }

    /** A statement the server made (EXECUTE's): run as the client's, with {@code moreFlag}. */
    void executeStatement(String sql, List<Token> tokens, int moreFlag) {
        execute(sql, tokens, moreFlag);
    }

    private void execute(String sql, List<Token> tokens, int moreFlag) {
        if (tokens.isEmpty()) {
            // a prepared statement of nothing but ";"
            throw MySqlError.ER_EMPTY_QUERY.exception();
        }
        StatementCounters counters = session.server().status().statements();
        counters.statement(session.status(), tokens);
        DiskFullGuard.checkOtherWrites(tokens, session);
        try {
            if (BackupLockedStatements.blocks(tokens)) {
                BackupLockedStatements.run(session, () -> EngineEffects.during(session, tokens, () -> run(sql, tokens, moreFlag)));
            } else {
                EngineEffects.during(session, tokens, () -> run(sql, tokens, moreFlag));
            }
        } catch (RuntimeException failed) {
            counters.failed(session.status(), tokens, failed);
            programs.statementFailed();
            throw failed;
        }
        programs.statementEnded();
        WritingStatements.ended(tokens, session);
    }

    private void run(String sql, List<Token> tokens, int moreFlag) {
        Token first = tokens.get(0);
        String keyword = first.kind() == Token.Kind.WORD ? first.upper() : "";
        boolean diagnostics = keyword.equals("GET") || keyword.equals("SHOW") && tokens.size() > 1
                && (tokens.get(1).isWord("WARNINGS") || tokens.get(1).isWord("ERRORS") || tokens.get(1).isWord("COUNT"));
        if (!diagnostics) {
            session.clearWarnings();
        }
        if (session.passwordExpired() && !keyword.equals("SET")
                && !(keyword.equals("ALTER") && tokens.size() > 1 && tokens.get(1).isWord("USER"))) {
            throw MySqlError.ER_MUST_CHANGE_PASSWORD.exception();
        }
        StatementRoutes.Handler handler = routes.find(tokens);
        if (handler != null) {
            handler.run(sql, tokens, moreFlag);
        } else {
            clientStatement(sql, tokens, moreFlag);
        }
    }

    /** A multi-table UPDATE or DELETE, run by the server over the engine (MultiTableDml). */
    void multiTable(String sql, List<Token> tokens, int moreFlag) {
        NoDatabase.check(tokens, session);
        // parsed and held to MySQL's functions like every statement for the engine: the server builds engine
        // statements of its expressions (an engine function reached the engine this way before)
        EngineStatementKinds.check(sql, tokens, session.schema());
        TableAccess.check(tokens, session);
        try {
            transactions.syncEngineConnection(session.engineConnection());
        } catch (SQLException e) {
            throw translate(e, sql);
        }
        DiskFullGuard.checkDml(tokens, session);
        MultiTableDml.Result result = MultiTableDml.execute(session, sql, tokens, e -> translate(e, sql));
        updated(result.affected(), 0, moreFlag, result.info());
    }

    /** OK of a statement that inserts nothing: MySQL sends insert id 0, whatever LAST_INSERT_ID() holds. */
    public void ok(long affectedRows, int moreFlag) {
        session.writer().ok(affectedRows, 0, session.statusFlags() | moreFlag,
                session.warnings().size(), null, session.drainSessionState());
    }

    /** Sends a result set the server built itself. */
    public void send(TextResult result, int moreFlag) {
        if (!binary) {
            result.write(session.writer(), session.statusFlags() | moreFlag, session.warnings().size(), null);
            return;
        }
        ResponseWriter writer = session.writer();
        writer.columns(result.columns(), session.statusFlags() | moreFlag);
        for (String[] row : result.rows()) {
            BinaryValues.writeRow(writer.beginRow(), row);
            writer.endRow();
        }
        writer.endOfRows(session.statusFlags() | moreFlag, session.warnings().size(), null);
    }

    /** COM_STMT_EXECUTE of a statement prepared in the engine, parameters already bound. */
    void executePrepared(PreparedStatement statement, String sql, List<Token> tokens, List<String> labels) {
        session.server().status().statements().statement(session.status(), tokens);
        try {
            EngineEffects.during(session, tokens, () -> runPrepared(statement, sql, tokens, labels));
        } catch (RuntimeException failed) {
            programs.statementFailed();
            throw failed;
        }
        programs.statementEnded();
    }

    private void runPrepared(PreparedStatement statement, String sql, List<Token> tokens, List<String> labels) {
        NoDatabase.check(tokens, session);
        TableAccess.check(tokens, session);
        DiskFullGuard.checkDml(tokens, session);
        binary = true;
        try {
            Connection connection = session.engineConnection();
            syncEngineConnection(connection, sql, tokens);
            session.running(statement);
            long unchanged = tokens.get(0).isWord("UPDATE") ? ChangedRows.unchanged(session, sql, tokens) : 0;
            boolean hasRows = statement.execute();
            if (session.queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
            if (hasRows) {
                try (ResultSet rows = statement.getResultSet()) {
                    sendRows(rows, labels, 0);
                }
            } else {
                afterUpdate(statement, tokens, 0, unchanged);
            }
        } catch (SQLException e) {
            if (session.queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
            transactions.endIfRolledBack(e);
            throw translate(e, sql);
        } finally {
            session.running(null);
            binary = false;
            liftStatementTimeout();
        }
    }

    /** COM_STMT_EXECUTE of a statement the server runs itself: the parameters become literals. */
    void executeWithParameters(String sql, List<Token> tokens, Object[] values) {
        StringBuilder text = new StringBuilder();
        int position = 0;
        int parameter = 0;
        boolean call = !tokens.isEmpty() && tokens.get(0).isWord("CALL");
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.PARAMETER) {
                text.append(sql, position, each.start());
                if (call) {
                    // a marker of a prepared CALL may be an OUT or INOUT argument: it becomes a variable
                    text.append(ProgramCalls.boundMarker(session, parameter, values[parameter++]));
                } else {
                    // MySQL's literal: the text is read by MySQL's lexer again, where a backslash escapes
                    ProgramLiterals.append(text, values[parameter++]);
                }
                position = each.end();
            }
        }
        text.append(sql, position, sql.length());
        String substituted = text.toString();
        List<Token> substitutedTokens = Lexer.tokenize(substituted);
        if (!substitutedTokens.isEmpty() && substitutedTokens.get(substitutedTokens.size() - 1).isSymbol(";")) {
            substitutedTokens = substitutedTokens.subList(0, substitutedTokens.size() - 1);
        }
        binary = true;
        try {
            execute(substituted, substitutedTokens, 0);
        } finally {
            binary = false;
        }
    }

    private void afterUpdate(Statement statement, List<Token> tokens, int moreFlag, long unchanged)
            throws SQLException {
        // TRUNCATE reports 0 rows in MySQL, whatever it removed
        long count = tokens.get(0).isWord("TRUNCATE") ? 0 : Math.max(0, statement.getLargeUpdateCount());
        String created = CreateTableAsSelect.table(tokens);
        if (created != null) {
            count = CreateTableAsSelect.rowCount(session, created);
        }
        long insertId = 0;
        if (tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE")) {
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (keys.next()) {
                    insertId = AutoIncrementValue.generated(keys, tokens, session);
                }
            }
        }
        Long set = EngineEffects.insertIdSet();
        String info = null;
        if (tokens.get(0).isWord("UPDATE")) {
            info = ChangedRows.info(count, unchanged, session.warnings().size());
            count = ChangedRows.affected(session, count, unchanged);
        }
        updated(count, set != null ? set : insertId, moreFlag, info);
    }

    /** The end of a statement that changed rows: transaction state, durability, and its OK. */
    private void updated(long count, long insertId, int moreFlag, String info) {
        if (insertId != 0) {
            session.lastInsertId(insertId);
        }
        if (transactions.open()) {
            session.inTransaction(true);
        } else {
            session.server().engine().flush();
        }
        // the OK packet carries the id this statement generated, not the session's LAST_INSERT_ID()
        session.writer().ok(count, insertId, session.statusFlags() | moreFlag, session.warnings().size(), info,
                session.drainSessionState());
    }

    /** Evaluates an expression (the value of a SET) through the engine. */
    public Object evaluate(String expression, List<Token> tokens) {
        // an expression reads tables as a SELECT of it would (SET @x = (SELECT ...), DO (SELECT ...))
        List<Token> asSelect = Lexer.tokenize("SELECT " + expression);
        FunctionAllowlist.check("SELECT " + expression, asSelect, session.schema());
        NoDatabase.check(asSelect, session);
        TableAccess.check(asSelect, session);
        String sql = "SELECT " + EngineSql.rewrite(expression, tokens, session);
        try {
            Connection connection = session.engineConnection();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                Object value = rows.getObject(1);
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                if (value instanceof Boolean bool) {
                    return bool ? 1L : 0L;
                }
                return value;
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, expression, session.schema());
        }
    }

    /** Runs a query built by the server on the engine and sends its result (SHOW ... WHERE). */
    public void engineQuery(String sql, List<String> labels, int moreFlag) {
        try {
            Connection connection = session.engineConnection();
            try (Statement statement = connection.createStatement()) {
                session.running(statement);
                try (ResultSet rows = statement.executeQuery(sql)) {
                    sendRows(rows, labels, moreFlag);
                }
            } finally {
                session.running(null);
            }
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** A statement the client wrote that the server does not run itself: the engine runs it, if it may. */
    private void clientStatement(String sql, List<Token> tokens, int moreFlag) {
        EngineStatementKinds.check(sql, tokens, session.schema());
        SelectIntoFile intoFile = isSelect(tokens) ? SelectIntoFile.of(sql, tokens) : null;
        if (intoFile != null) {
            files.intoFile(intoFile, moreFlag);
            return;
        }
        engine(sql, tokens, moreFlag);
    }

    public void engine(String sql, List<Token> tokens, int moreFlag) {
        SqlText statement = ReplaceRows.asMySql(new SqlText(sql, tokens), session);
        SqlText alteredView = ViewDefinitions.alterAsCreate(statement);
        if (alteredView != null) {
            statement = alteredView;
        }
        ViewDefinitions.Created createdView = ViewDefinitions.parseCreate(statement, session);
        if (createdView != null) {
            statement = createdView.statement();
        }
        sql = statement.sql();
        tokens = statement.tokens();
        NoDatabase.check(tokens, session);
        TableAccess.check(tokens, session);
        DiskFullGuard.checkDml(tokens, session);
        if (alteredView != null && createdView != null) {
            try {
                ViewDefinitions.requireExisting(createdView, session);
            } catch (SQLException e) {
                throw translate(e, sql);
            }
        }
        if (!binary && LiteralSelect.tryExecute(sql, tokens, session, session.statusFlags() | moreFlag,
                session.warnings().size())) {
            return;
        }
        SqlText withoutCalcFoundRows = FoundRows.withoutModifier(statement);
        boolean calcFoundRows = withoutCalcFoundRows != null;
        if (calcFoundRows) {
            FoundRows.warnModifier(session);
            statement = withoutCalcFoundRows;
            sql = statement.sql();
            tokens = statement.tokens();
        }
        SqlText compatible = EnginePipeline.mysqlForms(statement, session);
        boolean rewritten = !compatible.sql().equals(sql);
        boolean insert = tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE");
        if (insert || tokens.get(0).isWord("UPDATE")) {
            InvalidTextLiterals.check(tokens, session);
        }
        try {
            Connection connection = session.engineConnection();
            syncEngineConnection(connection, sql, tokens);
            TableExistenceNotes.add(tokens, session);
            if (UpdateIgnore.matches(tokens)) {
                UpdateIgnore.Result result = UpdateIgnore.execute(sql, tokens, session);
                updated(ChangedRows.affected(session, result.matched(), result.unchanged()), 0, moreFlag,
                        ChangedRows.info(result.matched(), result.unchanged(), session.warnings().size()));
                return;
            }
            if (InsertIgnore.matches(tokens)) {
                InsertIgnore.Result result = InsertIgnore.execute(sql, tokens, session);
                updated(result.inserted(), result.insertId(), moreFlag, null);
                return;
            }
            ParameterizedSelects.Shape shape = binary || calcFoundRows || rewritten || !QuickReads.isPlainSelect(tokens)
                    || PreparedStatements.readsSessionState(tokens) ? null : ParameterizedSelects.of(sql, tokens);
            if (shape != null) {
                selectParameterized(shape, SelectLabels.of(sql, tokens), moreFlag);
                return;
            }
            String engineSql = EnginePipeline.spelling(TextColumnValues.checked(compatible, session), session);
            long unchanged = tokens.get(0).isWord("UPDATE")
                    ? ChangedRows.unchanged(session, compatible.sql(), compatible.tokens()) : 0;
            try (Statement engineStatement = connection.createStatement()) {
                session.running(engineStatement);
                boolean hasRows = insert ? engineStatement.execute(engineSql, Statement.RETURN_GENERATED_KEYS)
                        : engineStatement.execute(engineSql);
                if (session.queryKilled()) {
                    throw MySqlError.ER_QUERY_INTERRUPTED.exception();
                }
                if (hasRows) {
                    try (ResultSet rows = engineStatement.getResultSet()) {
                        sendRows(rows, SelectLabels.of(sql, tokens), moreFlag);
                    }
                    if (calcFoundRows) {
                        session.foundRows(FoundRows.count(session, sql, tokens, session.foundRows()));
                    }
                } else {
                    if (createdView != null) {
                        ViewDefinitions.record(connection, createdView);
                    }
                    afterUpdate(engineStatement, tokens, moreFlag, unchanged);
                }
            } finally {
                session.running(null);
            }
        } catch (SQLException e) {
            if (session.queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
            transactions.endIfRolledBack(e);
            throw translate(e, sql);
        } finally {
            liftStatementTimeout();
        }
    }

    /** max_execution_time bounds SELECTs only: whatever runs next on the connection is not bounded by it. */
    public void liftStatementTimeout() {
        try {
            session.timeouts().syncStatement(session.engineConnection(), false, -1);
        } catch (SQLException broken) {
            // the connection failed; the next statement on it fails and says so
        }
    }

    /** The engine's error as MySQL's; the session's engine connection lets it look up key columns. */
    public MySqlException translate(SQLException e, String sql) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED && session.stopped() != null) {
            return StoppedStatements.error(session);
        }
        if (e.getErrorCode() == org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED && !session.queryKilled()
                && session.timeouts().statement() > 0) {
            return MySqlError.ER_QUERY_TIMEOUT.exception();
        }
        Connection connection;
        try {
            connection = session.engineConnection();
        } catch (SQLException unavailable) {
            connection = null;
        }
        return EngineErrors.translate(e, sql, session.schema(), connection);
    }

    private void sendRows(ResultSet rows, List<String> labels, int moreFlag) throws SQLException {
        long sent = ResultRows.write(rows, labels, session.writer(), session.statusFlags() | moreFlag,
                session.resultsConversion(), binary);
        if (transactions.open()) {
            session.inTransaction(true);
        }
        session.foundRows(sent);
        session.writer().endOfRows(session.statusFlags() | moreFlag, session.warnings().size(),
                session.drainSessionState());
    }

    /** A text SELECT run as the session's engine prepared statement of its shape (see ParameterizedSelects). */
    private void selectParameterized(ParameterizedSelects.Shape shape, List<String> labels, int moreFlag)
            throws SQLException {
        PreparedStatement statement = parameterizedSelects.bind(session, shape);
        session.running(statement);
        try (ResultSet rows = statement.executeQuery()) {
            if (session.queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
            sendRows(rows, labels, moreFlag);
        } finally {
            session.running(null);
        }
    }

    /** The engine connection follows the session: its autocommit, and how long its statements wait for locks. */
    public void syncEngineConnection(Connection connection, String sql, List<Token> tokens) throws SQLException {
        session.timeouts().syncStatement(connection, isSelect(tokens), OptimizerHints.maxExecutionTime(sql, tokens));
        transactions.syncEngineConnection(connection);
        programs.beforeEngineStatement(connection);
    }

    /** A query statement, which max_execution_time bounds: SELECT, WITH ... SELECT, TABLE, VALUES, (SELECT ...). */
    private static boolean isSelect(List<Token> tokens) {
        Token first = tokens.get(0);
        return first.isWord("SELECT") || first.isWord("WITH") || first.isWord("TABLE") || first.isWord("VALUES")
                || first.isSymbol("(");
    }
}
