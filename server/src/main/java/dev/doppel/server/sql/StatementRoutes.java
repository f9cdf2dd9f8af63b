package dev.doppel.server.sql;

import dev.doppel.server.protocol.ServerStatus;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.ddl.TableDdl;
import dev.doppel.server.sql.dml.MultiTableDml;
import dev.doppel.server.sql.explain.ExplainStatement;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.owned.AccountStatement;
import dev.doppel.server.sql.owned.CloneStatement;
import dev.doppel.server.sql.owned.DatabaseStatement;
import dev.doppel.server.sql.owned.FlushStatement;
import dev.doppel.server.sql.owned.GrantStatement;
import dev.doppel.server.sql.owned.InstanceLockStatement;
import dev.doppel.server.sql.owned.LockTablesStatement;
import dev.doppel.server.sql.owned.PerformanceSchemaTruncate;
import dev.doppel.server.sql.owned.PluginStatement;
import dev.doppel.server.sql.owned.RoutineGrants;
import dev.doppel.server.sql.owned.Savepoints;
import dev.doppel.server.sql.owned.ServerCommands;
import dev.doppel.server.sql.owned.SetStatement;
import dev.doppel.server.sql.owned.ShowStatement;
import dev.doppel.server.sql.program.DynamicSql;
import dev.doppel.server.sql.program.ProgramCalls;
import dev.doppel.server.sql.program.ProgramLiterals;
import dev.doppel.server.sql.program.RoutineCatalog;
import dev.doppel.server.sql.program.RoutineStatements;
import dev.doppel.server.sql.program.triggers.TriggerStatements;
import dev.doppel.server.sql.program.events.EventStatements;
import dev.doppel.server.sql.results.TextResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which handler runs a statement: a table of statement kinds by their first word, each with what else must hold,
 * tried in the order written. A statement no route takes is a client statement for the engine
 * ({@link QueryExecutor}), which the first wall's allowlist judges.
 */
final class StatementRoutes {
    /** Runs one statement and writes its result. */
    @FunctionalInterface
    interface Handler {
        void run(String sql, List<Token> tokens, int moreFlag);
    }

    /** A handler whose statement ends with a plain OK. */
    @FunctionalInterface
    private interface ThenOk {
        void run(String sql, List<Token> tokens);
    }

    private record Route(Predicate<List<Token>> when, Handler handler) {
    }

    private static final Predicate<List<Token>> ALWAYS = tokens -> true;

    private final Map<String, List<Route>> byFirstWord = new HashMap<>();
    private final QueryExecutor executor;
    private final Session session;

    StatementRoutes(Session session, QueryExecutor executor, Transactions transactions, Savepoints savepoints,
                    ServerCommands commands, ProgramSession programSession) {
        this.executor = executor;
        this.session = session;
        SetStatement set = new SetStatement(session, executor);
        ShowStatement show = new ShowStatement(session, executor);
        AccountStatement accounts = new AccountStatement(session);
        GrantStatement grants = new GrantStatement(session, accounts);
        DatabaseStatement databases = new DatabaseStatement(session);
        PluginStatement plugins = new PluginStatement(session);
        CloneStatement clone = new CloneStatement(session);
        FlushStatement flush = new FlushStatement(session);
        TableDdl tables = new TableDdl(session, executor);
        RoutineCatalog catalog = session.server().routines();
        RoutineStatements routines = new RoutineStatements(session, catalog, () -> transactions.end(true));
        TriggerStatements triggers = new TriggerStatements(session, session.server().triggers(),
                () -> transactions.end(true));
        ProgramCalls calls = new ProgramCalls(programSession, catalog, session.server().triggers());
        session.storedPrograms(calls);

        add("SET", second("PASSWORD"), ok(accounts::setPassword));
        add("SET", ALWAYS, ok(set::execute));
        add("SHOW", second("GRANTS"), (sql, tokens, more) -> executor.send(grants.show(sql, tokens), more));
        EventStatements events = new EventStatements(session, session.server().events(), () -> transactions.end(true),
                expression -> executor.evaluate(expression, Lexer.tokenize(expression)));
        add("SHOW", EventStatements::isShow, (sql, tokens, more) -> events.show(sql, tokens,
                (result, filter, flag) -> show.filtered(sql, result, filter, "Db", flag), more));
        add("SHOW", TriggerStatements::isShow, (sql, tokens, more) -> triggers.show(sql, tokens,
                (result, filter, flag) -> show.filtered(sql, result, filter, "Trigger", flag), more));
        add("SHOW", RoutineStatements::isShow, (sql, tokens, more) -> routines.show(sql, tokens,
                (result, filter, flag) -> show.filtered(sql, result, filter, "Db", flag), more));
        add("SHOW", ALWAYS, show::execute);
        RoutineGrants routineGrants = new RoutineGrants(session, accounts);
        add("GRANT REVOKE", RoutineGrants::matches, ok(routineGrants::execute));
        add("GRANT REVOKE", ALWAYS, ok(grants::execute));
        add("USE", ALWAYS, ok((sql, tokens) -> use(session, sql, tokens)));
        add("SHUTDOWN", ALWAYS, (sql, tokens, more) -> {
            commands.shutdown();
            executor.ok(0, more);
            commands.shutdownAfterReply();
        });
        add("KILL", ALWAYS, ok(commands::kill));
        add("BEGIN", ALWAYS, ok((sql, tokens) -> transactions.begin()));
        add("START", second("TRANSACTION"), ok((sql, tokens) -> transactions.begin()));
        add("START", ALWAYS, ok((sql, tokens) -> {
            throw Lexer.syntaxError(sql, tokens.get(0).end());
        }));
        add("COMMIT", ALWAYS, ok((sql, tokens) -> transactions.end(true)));
        add("ROLLBACK", second("TO"), savepoints::rollbackTo);
        add("ROLLBACK", ALWAYS, ok((sql, tokens) -> transactions.end(false)));
        add("SAVEPOINT", ALWAYS, savepoints::set);
        add("RELEASE", ALWAYS, savepoints::release);
        add("CREATE ALTER DROP RENAME", second("USER"), ok(accounts::execute));
        add("CREATE", RoutineStatements::isCreate, ok(routines::create));
        add("CREATE", TriggerStatements::isCreate, ok(triggers::create));
        add("CREATE ALTER", EventStatements::isCreateOrAlter, ok(events::createOrAlter));
        add("DROP", EventStatements::isDrop, ok(events::drop));
        add("DROP", TriggerStatements::isDrop, ok(triggers::drop));
        add("DROP ALTER", RoutineStatements::isDropOrAlter, ok(routines::dropOrAlter));
        DynamicSql dynamic = new DynamicSql(session);
        add("PREPARE", ALWAYS, ok((sql, tokens) -> dynamic.prepare(sql, tokens, this::checkPreparable)));
        add("EXECUTE", ALWAYS, (sql, tokens, more) -> dynamic.execute(sql, tokens, more, executor::executeStatement));
        add("DEALLOCATE", ALWAYS, ok(dynamic::deallocate));
        add("DROP", second("PREPARE"), ok(dynamic::deallocate));
        add("SIGNAL RESIGNAL", ALWAYS, ok((sql, tokens) -> calls.runStatement(new SqlText(sql, tokens))));
        add("SELECT", StatementRoutes::intoVariables, (sql, tokens, more) -> {
            int from = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("FROM"));
            if (from > 0 && from < TokenRanges.firstTopLevel(tokens, 1, tokens.size(),
                    Set.of("INTO"))) {
                session.addWarning("Warning", 1287, "'<select expression> INTO <destination>;' is deprecated and will"
                        + " be removed in a future release. Please use 'SELECT <select list> INTO <destination> FROM...'"
                        + " instead");
            }
            calls.runStatement(new SqlText(sql, tokens));
            // MySQL reports the row it assigned; none (with warning 1329) when the query found none
            boolean none = session.warnings().stream().anyMatch(w -> w.code() == 1329);
            executor.ok(none ? 0 : 1, more);
        });
        add("GET", tokens -> tokens.size() > 2 && (tokens.get(1).isWord("DIAGNOSTICS")
                || tokens.get(2).isWord("DIAGNOSTICS")), ok((sql, tokens) -> calls.runStatement(new SqlText(sql, tokens))));
        add("CALL", ALWAYS, (sql, tokens, more) -> {
            boolean held = session.writer().holdOks(true);
            ProgramCalls.Result result;
            try {
                result = calls.call(new SqlText(sql, tokens));
            } finally {
                session.writer().holdOks(held);
            }
            sendOutParameters(result.markers());
            executor.ok(result.affectedRows(), more);
        });
        add("CREATE ALTER DROP", DatabaseStatement::matches,
                (sql, tokens, more) -> executor.ok(databases.execute(sql, tokens), more));
        add("RENAME", TableDdl::matches, (sql, tokens, more) -> {
            TableAccess.check(tokens, session);
            tables.execute(sql, tokens, more);
        });
        add("CREATE ALTER DROP", TableDdl::matches, tables::execute);
        add("INSTALL UNINSTALL", PluginStatement::matches, ok(plugins::execute));
        add("INSTALL UNINSTALL", ALWAYS, ok((sql, tokens) -> syntaxErrorAt(sql, tokens, 1)));
        add("TRUNCATE", PerformanceSchemaTruncate::matches,
                ok((sql, tokens) -> new PerformanceSchemaTruncate(session).execute(sql, tokens)));
        add("CLONE", ALWAYS, ok(clone::execute));
        add("FLUSH", ALWAYS, ok(flush::execute));
        add("LOCK UNLOCK", InstanceLockStatement::matches,
                ok((sql, tokens) -> InstanceLockStatement.execute(tokens, session)));
        add("LOCK UNLOCK", LockTablesStatement::matches,
                ok((sql, tokens) -> new LockTablesStatement(session).execute(sql, tokens)));
        add("LOCK UNLOCK", ALWAYS, ok((sql, tokens) -> syntaxErrorAt(sql, tokens, 1)));
        add("LOAD", ALWAYS, executor.files()::loadData);
        add("DESCRIBE DESC", ALWAYS, show.tableShows()::describe);
        add("EXPLAIN", tokens -> tokens.size() > 1 && tokens.get(1).isIdentifier()
                && !dev.doppel.server.sql.parse.Keywords.isReserved(tokens.get(1))
                && !ExplainStatement.EXPLAINABLE.contains(tokens.get(1).upper()), show.tableShows()::describe);
        add("EXPLAIN", tokens -> tokens.size() > 1, new ExplainStatement(session, executor)::execute);
        add("DO", ALWAYS, ok(this::doStatement));
        add("UPDATE DELETE", MultiTableDml::matches, executor::multiTable);
    }

    /** The handler of the first route that takes the statement, null for a client statement for the engine. */
    Handler find(List<Token> tokens) {
        Token first = tokens.get(0);
        if (first.kind() != Token.Kind.WORD) {
            return null;
        }
        List<Route> candidates = byFirstWord.get(first.upper());
        if (candidates != null) {
            for (Route each : candidates) {
                if (each.when().test(tokens)) {
                    return each.handler();
                }
            }
        }
        return null;
    }

    private void add(String firstWords, Predicate<List<Token>> when, Handler handler) {
        for (String word : firstWords.split(" ")) {
            byFirstWord.computeIfAbsent(word.toUpperCase(Locale.ROOT), w -> new ArrayList<>())
                    .add(new Route(when, handler));
        }
    }

    private Handler ok(ThenOk handler) {
        return (sql, tokens, more) -> {
            handler.run(sql, tokens);
            executor.ok(0, more);
        };
    }

    /**
     * A prepared CALL whose OUT and INOUT parameters were markers: their values in a result set of their own before
     * the CALL's OK, flagged SERVER_PS_OUT_PARAMS, as MySQL sends them (CallableStatement reads them there).
     */
    private void sendOutParameters(List<ProgramCalls.OutParameter> markers) {
        try {
            if (markers.isEmpty()) {
                return;
            }
            TextResult values = TextResult.of(markers.stream().map(ProgramCalls.OutParameter::name).toArray(String[]::new));
            values.row(markers.stream().map(each -> session.userVariables().get(each.variable()))
                    .map(value -> value == null ? null : ProgramLiterals.text(value)).toArray(String[]::new));
            executor.send(values, ServerStatus.PS_OUT_PARAMS | ServerStatus.MORE_RESULTS_EXISTS);
        } finally {
            ProgramCalls.forgetMarkers(session);
        }
    }

    /** A statement PREPARE takes: what runs on the engine is checked as it will be (1064 for one not MySQL's). */
    private void checkPreparable(String sql, List<Token> tokens) {
        if (find(tokens) == null) {
            dev.doppel.server.sql.access.EngineStatementKinds.check(sql, tokens, session.schema());
        }
    }

    /** SELECT ... INTO @var, ...: the values go to user variables (INTO OUTFILE and DUMPFILE are files'). */
    static boolean intoVariables(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return false;
        }
        int into = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("INTO"));
        return into > 0 && into + 1 < tokens.size() && !tokens.get(into + 1).isWord("OUTFILE")
                && !tokens.get(into + 1).isWord("DUMPFILE");
    }

    private static Predicate<List<Token>> second(String word) {
        return tokens -> tokens.size() > 1 && tokens.get(1).isWord(word);
    }

    private static void syntaxErrorAt(String sql, List<Token> tokens, int index) {
        throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
    }

    private static void use(Session session, String sql, List<Token> tokens) {
        if (tokens.size() != 2 || !tokens.get(1).isIdentifier() && tokens.get(1).kind() != Token.Kind.STRING) {
            syntaxErrorAt(sql, tokens, 1);
        }
        session.useSchema(tokens.get(1).text());
    }

    /** DO expr, ...: evaluates and discards, as MySQL does. */
    private void doStatement(String sql, List<Token> tokens) {
        if (tokens.size() < 2) {
            syntaxErrorAt(sql, tokens, 1);
        }
        String expressions = sql.substring(tokens.get(1).start());
        executor.evaluate(expressions, Lexer.tokenize(expressions));
    }
}
