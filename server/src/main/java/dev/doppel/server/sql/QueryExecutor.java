package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.config.LikePattern;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ServerStatus;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.EngineStatementKinds;
import dev.doppel.server.sql.access.FunctionAllowlist;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.access.ViewDefinitions;
import dev.doppel.server.sql.ddl.CreateTableAsSelect;
import dev.doppel.server.sql.ddl.TableDdl;
import dev.doppel.server.sql.ddl.TableExistenceNotes;
import dev.doppel.server.sql.dml.AutoIncrementValue;
import dev.doppel.server.sql.dml.ChangedRows;
import dev.doppel.server.sql.dml.DiskFullGuard;
import dev.doppel.server.sql.dml.InsertIgnore;
import dev.doppel.server.sql.dml.InvalidTextLiterals;
import dev.doppel.server.sql.dml.MultiTableDml;
import dev.doppel.server.sql.errors.EngineEffects;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.files.FileStatements;
import dev.doppel.server.sql.files.SelectIntoFile;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.owned.AccountStatement;
import dev.doppel.server.sql.owned.BackupLockedStatements;
import dev.doppel.server.sql.owned.CloneStatement;
import dev.doppel.server.sql.owned.DatabaseStatement;
import dev.doppel.server.sql.owned.FlushStatement;
import dev.doppel.server.sql.owned.GrantStatement;
import dev.doppel.server.sql.owned.InstanceLockStatement;
import dev.doppel.server.sql.owned.LiteralSelect;
import dev.doppel.server.sql.owned.LockTablesStatement;
import dev.doppel.server.sql.owned.PluginStatement;
import dev.doppel.server.sql.owned.Savepoints;
import dev.doppel.server.sql.owned.SetStatement;
import dev.doppel.server.sql.owned.ShowStatement;
import dev.doppel.server.sql.results.BinaryValues;
import dev.doppel.server.sql.results.ColumnMapping;
import dev.doppel.server.sql.results.SelectLabels;
import dev.doppel.server.sql.results.TextResult;
import dev.doppel.server.sql.results.TextValues;
import dev.doppel.server.sql.translate.EngineSql;
import dev.doppel.server.sql.translate.FoundRows;
import dev.doppel.server.sql.translate.QueryCompat;
import io.netty.buffer.ByteBuf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the text of a COM_QUERY: splits it into statements (when multi-statements are on), runs the statements
 * the server owns itself (SET, SHOW, USE, KILL, SHUTDOWN, account statements, transactions) and passes the
 * rest to the engine, writing one result per statement.
 */
public final class QueryExecutor {
    private static final int FLUSH_BYTES = 1 << 20;

    private final Session session;
    private final SetStatement set;
    private final ShowStatement show;
    private final AccountStatement accounts;
    private final DatabaseStatement databases;
    private final PluginStatement plugins;
    private final GrantStatement grants;
    private final CloneStatement clone;
    private final FlushStatement flush;
    private final PreparedStatements prepared;
    private final TableDdl tables;
    private final Savepoints savepoints;
    private final FileStatements files;
    private boolean explicitTransaction;
    /** Whether result rows go out in the binary protocol (COM_STMT_EXECUTE). */
    private boolean binary;
    private String pretokenizedText;
    private List<Token> pretokenized;
    /** The history of the text SELECTs of this session by shape (see QuickReads), bounded. */
    private final java.util.Map<String, QuickReads> quickTexts = new java.util.HashMap<>();
    private final ParameterizedSelects parameterizedSelects = new ParameterizedSelects();

    public QueryExecutor(Session session) {
        this.session = session;
        this.set = new SetStatement(session, this);
        this.show = new ShowStatement(session, this);
        this.accounts = new AccountStatement(session);
        this.databases = new DatabaseStatement(session);
        this.clone = new CloneStatement(session);
        this.plugins = new PluginStatement(session);
        this.grants = new GrantStatement(session, accounts);
        this.flush = new FlushStatement(session);
        this.prepared = new PreparedStatements(session, this);
        this.tables = new TableDdl(session, this);
        this.savepoints = new Savepoints(session, this);
        this.files = new FileStatements(session, this);
    }

    public PreparedStatements preparedStatements() {
        return prepared;
    }

    /** Runs every statement of {@code text}; stops at the first error, as MySQL does. */
    /** Tokens already made for {@code text} (by the inline check), used once by the next executeText. */
    public void reuseTokens(String text, List<Token> tokens) {
        pretokenizedText = text;
        pretokenized = tokens;
    }

    /** Whether a text SELECT may run on the network thread: one of a shape that ran quickly before (see QuickReads). */
    public boolean canRunInline(List<Token> tokens) {
        if (isTransactionBoundary(tokens)) {
            // Ending a transaction that changed nothing writes nothing (see endTransaction): microseconds.
            try {
                return !session.server().engine().hasUncommittedChanges(session.engineConnection());
            } catch (SQLException e) {
                return false;
            }
        }
        if (!QuickReads.isPlainSelect(tokens)) {
            return false;
        }
        QuickReads history = quickTexts.get(QuickReads.shape(tokens));
        return history != null && history.mayRunInline();
    }

    /** BEGIN [WORK], START TRANSACTION, COMMIT [WORK], ROLLBACK [WORK]: each ends the open transaction, if any. */
    private static boolean isTransactionBoundary(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.size() > 2) {
            return false;
        }
        Token first = tokens.get(0);
        if (tokens.size() == 2) {
            return first.isWord("START") ? tokens.get(1).isWord("TRANSACTION")
                    : tokens.get(1).isWord("WORK") && (first.isWord("BEGIN") || first.isWord("COMMIT")
                            || first.isWord("ROLLBACK"));
        }
        return first.isWord("BEGIN") || first.isWord("COMMIT") || first.isWord("ROLLBACK");
    }

    private QuickReads quickHistory(List<Token> tokens) {
        if (!QuickReads.isPlainSelect(tokens)) {
            return null;
        }
        String shape = QuickReads.shape(tokens);
        QuickReads history = quickTexts.get(shape);
        if (history == null) {
            if (quickTexts.size() >= 256) {
                quickTexts.clear();
            }
            history = new QuickReads();
            quickTexts.put(shape, history);
        }
        return history;
    }

    public void executeText(String text) {
        List<Token> all = text.equals(pretokenizedText) ? pretokenized : Lexer.tokenize(text);
        pretokenizedText = null;
        pretokenized = null;
        List<List<Token>> statements = split(all);
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
                sql = text.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
                tokens = Lexer.tokenize(sql);
            }
            boolean more = i + 1 < statements.size();
            QuickReads history = statements.size() == 1 ? quickHistory(tokens) : null;
            long started = history == null ? 0 : System.nanoTime();
            long startedCpu = history == null ? 0 : history.startCpu();
            try {
                execute(sql, tokens, more ? ServerStatus.MORE_RESULTS_EXISTS : 0);
            } catch (MySqlException e) {
                session.clearWarnings();
                session.addWarning("Error", e.number(), e.getMessage());
                writer.error(e.number(), e.sqlState(), e.getMessage());
                return;
            } finally {
                if (history != null) {
                    history.record(started, startedCpu);
                }
            }
            if (writer.pendingBytes() > FLUSH_BYTES) {
                writer.flushPart();
            }
        }
    }

    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> result = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token each : tokens) {
            if (each.isSymbol(";")) {
                if (!current.isEmpty()) {
                    result.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(each);
            }
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    /** Statements the server runs itself that write to the mysql schema or create/drop schemas. */
    private static final java.util.Set<String> WRITING = java.util.Set.of("CREATE", "ALTER", "DROP", "RENAME", "GRANT",
            "REVOKE", "INSTALL", "UNINSTALL", "TRUNCATE");

    /** Words after EXPLAIN that start a statement to explain rather than name a table to describe. */
    private static final java.util.Set<String> EXPLAINABLE = java.util.Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
            "REPLACE", "TABLE", "WITH", "FORMAT", "ANALYZE", "FOR", "EXTENDED", "PARTITIONS");

    private void execute(String sql, List<Token> tokens, int moreFlag) {
        if (tokens.isEmpty()) {
            // a prepared statement of nothing but ";"
            throw MySqlError.ER_EMPTY_QUERY.exception();
        }
        DiskFullGuard.checkOtherWrites(tokens, session);
        if (BackupLockedStatements.blocks(tokens)) {
            BackupLockedStatements.run(session, () -> EngineEffects.during(session, tokens, () -> run(sql, tokens, moreFlag)));
        } else {
            EngineEffects.during(session, tokens, () -> run(sql, tokens, moreFlag));
        }
        Token first = tokens.get(0);
        if (first.kind() == Token.Kind.WORD && (WRITING.contains(first.upper())
                || (first.isWord("SET") && tokens.size() > 1 && tokens.get(1).isWord("PASSWORD")))) {
            ViewDefinitions.ddlRan();
            session.server().engine().flush();
        }
    }

    private void run(String sql, List<Token> tokens, int moreFlag) {
        Token first = tokens.get(0);
        String keyword = first.kind() == Token.Kind.WORD ? first.upper() : "";
        boolean diagnostics = keyword.equals("SHOW") && tokens.size() > 1
                && (tokens.get(1).isWord("WARNINGS") || tokens.get(1).isWord("ERRORS") || tokens.get(1).isWord("COUNT"));
        if (!diagnostics) {
            session.clearWarnings();
        }
        if (session.passwordExpired() && !keyword.equals("SET")
                && !(keyword.equals("ALTER") && tokens.size() > 1 && tokens.get(1).isWord("USER"))) {
            throw MySqlError.ER_MUST_CHANGE_PASSWORD.exception();
        }
        switch (keyword) {
            case "SET" -> {
                if (tokens.size() > 1 && tokens.get(1).isWord("PASSWORD")) {
                    accounts.setPassword(sql, tokens);
                } else {
                    set.execute(sql, tokens);
                }
                ok(0, moreFlag);
            }
            case "SHOW" -> {
                if (tokens.size() > 1 && tokens.get(1).isWord("GRANTS")) {
                    send(grants.show(sql, tokens), moreFlag);
                } else {
                    show.execute(sql, tokens, moreFlag);
                }
            }
            case "GRANT", "REVOKE" -> {
                grants.execute(sql, tokens);
                ok(0, moreFlag);
            }
            case "USE" -> {
                if (tokens.size() != 2 || !tokens.get(1).isIdentifier() && tokens.get(1).kind() != Token.Kind.STRING) {
                    throw Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
                }
                session.useSchema(tokens.get(1).text());
                ok(0, moreFlag);
            }
            case "SHUTDOWN" -> {
                shutdown();
                ok(0, moreFlag);
                shutdownAfterReply();
            }
            case "KILL" -> {
                kill(sql, tokens);
                ok(0, moreFlag);
            }
            case "BEGIN" -> {
                beginTransaction();
                ok(0, moreFlag);
            }
            case "START" -> {
                if (tokens.size() < 2 || !tokens.get(1).isWord("TRANSACTION")) {
                    throw Lexer.syntaxError(sql, first.end());
                }
                beginTransaction();
                ok(0, moreFlag);
            }
            case "COMMIT" -> {
                endTransaction(true);
                ok(0, moreFlag);
            }
            case "ROLLBACK" -> {
                if (tokens.size() > 1 && tokens.get(1).isWord("TO")) {
                    savepoints.rollbackTo(sql, tokens, moreFlag);
                    return;
                }
                endTransaction(false);
                ok(0, moreFlag);
            }
            case "SAVEPOINT" -> savepoints.set(sql, tokens, moreFlag);
            case "RELEASE" -> savepoints.release(sql, tokens, moreFlag);
            case "CREATE", "ALTER", "DROP", "RENAME" -> {
                if (tokens.size() > 1 && tokens.get(1).isWord("USER")) {
                    accounts.execute(sql, tokens);
                    ok(0, moreFlag);
                } else if (!keyword.equals("ALTER") && !keyword.equals("RENAME") && DatabaseStatement.matches(tokens)) {
                    ok(databases.execute(sql, tokens), moreFlag);
                } else if (TableDdl.matches(tokens)) {
                    if (keyword.equals("RENAME")) {
                        TableAccess.check(tokens, session);
                    }
                    tables.execute(sql, tokens, moreFlag);
                } else {
                    clientStatement(sql, tokens, moreFlag);
                }
            }
            case "INSTALL", "UNINSTALL" -> {
                if (!PluginStatement.matches(tokens)) {
                    throw Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
                }
                plugins.execute(sql, tokens);
                ok(0, moreFlag);
            }
            case "CLONE" -> {
                clone.execute(sql, tokens);
                ok(0, moreFlag);
            }
            case "FLUSH" -> {
                if (!FlushStatement.matches(tokens)) {
                    clientStatement(sql, tokens, moreFlag);
                    return;
                }
                flush.execute(sql);
                ok(0, moreFlag);
            }
            case "LOCK", "UNLOCK" -> {
                if (InstanceLockStatement.matches(tokens)) {
                    InstanceLockStatement.execute(tokens, session);
                    ok(0, moreFlag);
                    return;
                }
                if (!LockTablesStatement.matches(tokens)) {
                    throw Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
                }
                new LockTablesStatement(session).execute(sql, tokens);
                ok(0, moreFlag);
            }
            case "LOAD" -> files.loadData(sql, tokens, moreFlag);
            case "DESCRIBE", "DESC" -> show.tableShows().describe(sql, tokens, moreFlag);
            case "EXPLAIN" -> {
                if (tokens.size() > 1 && tokens.get(1).isIdentifier() && !EXPLAINABLE.contains(tokens.get(1).upper())) {
                    show.tableShows().describe(sql, tokens, moreFlag);
                } else {
                    clientStatement(sql, tokens, moreFlag);
                }
            }
            case "DO" -> {
                if (tokens.size() < 2) {
                    throw Lexer.syntaxError(sql, sql.length());
                }
                String expressions = sql.substring(tokens.get(1).start());
                evaluate(expressions, Lexer.tokenize(expressions));
                ok(0, moreFlag);
            }
            case "UPDATE", "DELETE" -> {
                if (MultiTableDml.matches(tokens)) {
                    multiTable(sql, tokens, moreFlag);
                } else {
                    clientStatement(sql, tokens, moreFlag);
                }
            }
            default -> clientStatement(sql, tokens, moreFlag);
        }
    }

    /** A multi-table UPDATE or DELETE, run by the server over the engine (MultiTableDml). */
    private void multiTable(String sql, List<Token> tokens, int moreFlag) {
        NoDatabase.check(tokens, session);
        TableAccess.check(tokens, session);
        try {
            syncEngineConnection(session.engineConnection());
        } catch (SQLException e) {
            throw translate(e, sql);
        }
        MultiTableDml.Result result = MultiTableDml.execute(session, sql, tokens);
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
        EngineEffects.during(session, tokens, () -> runPrepared(statement, sql, tokens, labels));
    }

    private void runPrepared(PreparedStatement statement, String sql, List<Token> tokens, List<String> labels) {
        NoDatabase.check(tokens, session);
        TableAccess.check(tokens, session);
        DiskFullGuard.checkDml(tokens, session);
        binary = true;
        try {
            Connection connection = session.engineConnection();
            syncEngineConnection(connection, tokens);
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
            endIfRolledBack(e);
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
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.PARAMETER) {
                text.append(sql, position, each.start());
                EngineSql.appendLiteral(text, values[parameter++]);
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
        if (!session.variables().autocommit() || explicitTransaction) {
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
        FunctionAllowlist.check(expression, tokens, session.schema());
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
            throw EngineErrors.translate(e, sql, session.schema());
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
        String alteredView = ViewDefinitions.alterAsCreate(sql, tokens);
        if (alteredView != null) {
            sql = alteredView;
            tokens = Lexer.tokenize(sql);
        }
        ViewDefinitions.Created createdView = ViewDefinitions.parseCreate(sql, tokens, session);
        if (createdView != null && !createdView.sql().equals(sql)) {
            sql = createdView.sql();
            tokens = Lexer.tokenize(sql);
        }
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
        String calcFoundRows = FoundRows.withoutModifier(sql, tokens);
        if (calcFoundRows != null) {
            sql = calcFoundRows;
            tokens = Lexer.tokenize(sql);
        }
        String compatible = QueryCompat.rewrite(sql, tokens);
        boolean insert = tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE");
        if (insert || tokens.get(0).isWord("UPDATE")) {
            InvalidTextLiterals.check(tokens, session);
        }
        try {
            Connection connection = session.engineConnection();
            syncEngineConnection(connection, tokens);
            TableExistenceNotes.add(tokens, session);
            if (InsertIgnore.matches(tokens)) {
                InsertIgnore.Result result = InsertIgnore.execute(sql, tokens, session);
                updated(result.inserted(), result.insertId(), moreFlag, null);
                return;
            }
            ParameterizedSelects.Shape shape = binary || calcFoundRows != null || !compatible.equals(sql)
                    || !QuickReads.isPlainSelect(tokens)
                    || PreparedStatements.readsSessionState(tokens) ? null : ParameterizedSelects.of(sql, tokens);
            if (shape != null) {
                selectParameterized(shape, SelectLabels.of(sql, tokens), moreFlag);
                return;
            }
            String engineSql = compatible.equals(sql) ? EngineSql.rewrite(sql, tokens, session)
                    : EngineSql.rewrite(compatible, Lexer.tokenize(compatible), session);
            long unchanged = tokens.get(0).isWord("UPDATE")
                    ? ChangedRows.unchanged(session, compatible, Lexer.tokenize(compatible)) : 0;
            try (Statement statement = connection.createStatement()) {
                session.running(statement);
                boolean hasRows = insert ? statement.execute(engineSql, Statement.RETURN_GENERATED_KEYS)
                        : statement.execute(engineSql);
                if (session.queryKilled()) {
                    throw MySqlError.ER_QUERY_INTERRUPTED.exception();
                }
                if (hasRows) {
                    try (ResultSet rows = statement.getResultSet()) {
                        sendRows(rows, SelectLabels.of(sql, tokens), moreFlag);
                    }
                    if (calcFoundRows != null) {
                        session.foundRows(FoundRows.count(session, sql, tokens, session.foundRows()));
                    }
                } else {
                    if (createdView != null) {
                        ViewDefinitions.record(connection, createdView);
                    }
                    afterUpdate(statement, tokens, moreFlag, unchanged);
                }
            } finally {
                session.running(null);
            }
        } catch (SQLException e) {
            if (session.queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
            endIfRolledBack(e);
            throw translate(e, sql);
        } finally {
            liftStatementTimeout();
        }
    }

    /** max_execution_time bounds SELECTs only: whatever runs next on the connection is not bounded by it. */
    public void liftStatementTimeout() {
        try {
            session.syncStatementTimeout(false);
        } catch (SQLException broken) {
            // the connection failed; the next statement on it fails and says so
        }
    }

    /** A deadlock victim's whole transaction was rolled back by the engine (as InnoDB does): it is over. */
    private void endIfRolledBack(SQLException e) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.DEADLOCK_1) {
            explicitTransaction = false;
            session.inTransaction(false);
        }
    }

    /** The engine's error as MySQL's; the session's engine connection lets it look up key columns. */
    public MySqlException translate(SQLException e, String sql) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED && !session.queryKilled()
                && session.statementTimeout() > 0) {
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
        ResultSetMetaData meta = rows.getMetaData();
        List<ColumnDefinition> columns = ColumnMapping.columns(meta, labels);
        dev.doppel.server.protocol.ResultsCharset conversion = session.resultsConversion();
        if (conversion != null) {
            columns = conversion.relabel(columns, ColumnMapping.UTF8MB4);
        }
        int count = columns.size();
        int[] types = new int[count];
        int[] decimals = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = meta.getColumnType(i + 1);
            decimals[i] = columns.get(i).decimals();
        }
        ResponseWriter writer = session.writer();
        int status = session.statusFlags() | moreFlag;
        writer.columns(columns, status);
        int sinceFlush = 0;
        long sent = 0;
        while (rows.next()) {
            sent++;
            ByteBuf out = writer.beginRow();
            if (binary) {
                BinaryValues.writeRow(out, rows, columns, conversion);
            } else {
                for (int i = 0; i < count; i++) {
                    if (conversion != null && columns.get(i).charset() != ColumnMapping.UTF8MB4
                            && columns.get(i).charset() != ColumnDefinition.BINARY_CHARSET) {
                        conversion.write(out, rows.getString(i + 1));
                    } else {
                        TextValues.write(out, rows, i + 1, types[i], decimals[i]);
                    }
                }
            }
            writer.endRow();
            if (++sinceFlush == 512) {
                sinceFlush = 0;
                if (writer.pendingBytes() > FLUSH_BYTES) {
                    writer.flushPart();
                }
            }
        }
        if (!session.variables().autocommit() || explicitTransaction) {
            session.inTransaction(true);
        }
        session.foundRows(sent);
        writer.endOfRows(session.statusFlags() | moreFlag, session.warnings().size(), session.drainSessionState());
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
    public void syncEngineConnection(Connection connection, List<Token> tokens) throws SQLException {
        session.syncStatementTimeout(isSelect(tokens));
        syncEngineConnection(connection);
    }

    /** A query statement, which max_execution_time bounds: SELECT, WITH ... SELECT, TABLE, VALUES, (SELECT ...). */
    private static boolean isSelect(List<Token> tokens) {
        Token first = tokens.get(0);
        return first.isWord("SELECT") || first.isWord("WITH") || first.isWord("TABLE") || first.isWord("VALUES")
                || first.isSymbol("(");
    }

    private void syncEngineConnection(Connection connection) throws SQLException {
        session.syncLockTimeout();
        boolean wanted = session.variables().autocommit() && !explicitTransaction;
        if (connection.getAutoCommit() != wanted) {
            connection.setAutoCommit(wanted);
        }
    }

    private void beginTransaction() {
        endTransaction(true);
        try {
            session.engineConnection().setAutoCommit(false);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, "BEGIN", session.schema());
        }
        explicitTransaction = true;
        session.inTransaction(true);
    }

    /** COMMIT or ROLLBACK of the current transaction, if any. */
    public void endTransaction(boolean commit) {
        try {
            Connection connection = session.engineConnection();
            if (!connection.getAutoCommit()) {
                if (commit) {
                    // A transaction that changed nothing has nothing to write; earlier autocommit statements were
                    // written when they ran.
                    boolean changed = session.server().engine().hasUncommittedChanges(connection);
                    connection.commit();
                    if (changed) {
                        session.server().engine().flush();
                    }
                } else {
                    connection.rollback();
                }
            }
            explicitTransaction = false;
            session.inTransaction(false);
            savepoints.clear();
            syncEngineConnection(connection);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, commit ? "COMMIT" : "ROLLBACK", session.schema());
        }
    }

    /** SHUTDOWN and COM_SHUTDOWN: needs the SHUTDOWN privilege. */
    public void shutdown() {
        requirePrivilege("SHUTDOWN");
        ServerContext server = session.server();
        server.log().system(13172, "Received SHUTDOWN from user " + session.user() + ". Shutting down mysqld"
                + " (Version: " + dev.doppel.server.config.ServerVersion.VERSION + ").");
    }

    /** Stops the server after the reply to SHUTDOWN is on its way, so the client sees its OK. */
    public void shutdownAfterReply() {
        session.writer().flush();
        session.server().requestShutdown();
    }

    private void kill(String sql, List<Token> tokens) {
        int index = 1;
        boolean queryOnly = false;
        if (index < tokens.size() && tokens.get(index).isWord("QUERY")) {
            queryOnly = true;
            index++;
        } else if (index < tokens.size() && tokens.get(index).isWord("CONNECTION")) {
            index++;
        }
        if (index != tokens.size() - 1 || tokens.get(index).kind() != Token.Kind.NUMBER) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        kill(Long.parseLong(tokens.get(index).text()), queryOnly);
    }

    /** KILL [QUERY] id: a user may kill its own sessions; others need CONNECTION_ADMIN or SUPER. */
    public void kill(long id, boolean queryOnly) {
        ServerContext.ConnectionInfo target = session.server().connection(id);
        if (target == null) {
            throw MySqlError.ER_NO_SUCH_THREAD.exception(id);
        }
        if (target instanceof dev.doppel.server.session.ClientConnection client && client.session() != null
                && !(client.session().account().user().equals(session.account().user())
                        && client.session().account().host().equals(session.account().host()))
                && !session.privileges().hasGlobal("CONNECTION_ADMIN") && !session.privileges().hasGlobal("SUPER")) {
            throw MySqlError.ER_KILL_DENIED_ERROR.exception(id);
        }
        target.kill(queryOnly);
    }

    void requirePrivilege(String privilege) {
        session.privileges().requireGlobal(privilege);
    }

    /** The columns of a table for COM_FIELD_LIST. */
    public List<ColumnDefinition> tableColumns(String table, String wildcard) throws SQLException {
        if (session.schema() == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        if (!session.privileges().canSeeTable(session.schema(), table)) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception("SELECT", session.user(), session.host(), table);
        }
        Connection connection = session.engineConnection();
        List<ColumnDefinition> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM `" + session.schema().replace("`", "``") + "`.`"
                     + table.replace("`", "``") + "` WHERE FALSE")) {
            List<ColumnDefinition> columns = ColumnMapping.columns(rows.getMetaData(), null);
            for (ColumnDefinition each : columns) {
                if (wildcard == null || wildcard.isEmpty() || LikePattern.of(wildcard).matches(each.name())) {
                    result.add(each);
                }
            }
        }
        return result;
    }
}
