package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.EngineStatementKinds;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.dml.AutoIncrementValue;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.errors.EngineEffects;
import dev.doppel.server.sql.program.ProgramHost;
import dev.doppel.server.sql.program.ProgramValues;
import dev.doppel.server.sql.program.StoredFunctions;
import dev.doppel.server.sql.translate.EnginePipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stored program's statements run in a session: each passes the first wall (statement kind, functions,
 * privileges of every table, with the program's security context) and the translation, as a client's would.
 */
final class ProgramSession implements ProgramHost {
    private final Session session;
    private final QueryExecutor executor;
    /** How many stored functions are running inside the engine statement that called them. */
    private int functions;
    /** Whether the client's statement runs as a transaction of its own (see beforeEngineStatement). */
    private boolean statementTransaction;
    /** Where the client's statement started inside a transaction, while stored functions or triggers exist. */
    private Savepoint statementStart;

    ProgramSession(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    @Override
    public Session session() {
        return session;
    }

    /** Statements that end or change the transaction, which a function or trigger may not run (1422). */
    private static final java.util.Set<String> COMMITTING = java.util.Set.of("COMMIT", "ROLLBACK", "START", "BEGIN",
            "CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "LOCK", "UNLOCK", "GRANT", "REVOKE", "FLUSH", "LOAD",
            "INSTALL", "UNINSTALL", "CLONE", "ANALYZE", "OPTIMIZE", "REPAIR", "XA");
    /** What an engine runs as part of the statement that called the function. */
    private static final java.util.Set<String> ENGINE = java.util.Set.of("SELECT", "WITH", "INSERT", "UPDATE",
            "DELETE", "REPLACE", "TABLE", "VALUES");

    @Override
    public void execute(SqlText statement) {
        if (functions > 0 && !statement.tokens().isEmpty() && !ENGINE.contains(statement.token(0).upper())) {
            String verb = statement.token(0).upper();
            boolean savepoint = verb.equals("ROLLBACK") && statement.size() > 1 && statement.token(1).isWord("TO");
            if (COMMITTING.contains(verb) && !savepoint) {
                throw MySqlError.ER_COMMIT_NOT_ALLOWED_IN_SF_OR_TRG.exception();
            }
            if (verb.equals("PREPARE") || verb.equals("EXECUTE") || verb.equals("DEALLOCATE")) {
                throw MySqlError.ER_STMT_NOT_ALLOWED_IN_SF_OR_TRG.exception("Dynamic SQL");
            }
            if (verb.equals("SET") && statement.tokens().stream().anyMatch(t -> t.isWord("AUTOCOMMIT"))) {
                throw MySqlError.ER_SP_CANT_SET_AUTOCOMMIT.exception();
            }
            // SET, DO and the like: the server runs them; they neither commit nor answer on their own
            executor.executeInProgram(statement.sql(), statement.tokens());
            return;
        }
        if (functions > 0) {
            EngineStatementKinds.check(statement.sql(), statement.tokens(), session.schema());
            NoDatabase.check(statement.tokens(), session);
            TableAccess.check(statement.tokens(), session);
            EngineEffects.during(session, statement.tokens(), () -> runInFunction(statement));
            return;
        }
        executor.executeInProgram(statement.sql(), statement.tokens());
    }

    /**
     * A statement of a stored function: part of the engine statement that called the function, so neither committed
     * nor answered on its own (its rows count for ROW_COUNT(), its generated key for LAST_INSERT_ID()).
     */
    private void runInFunction(SqlText statement) {
        try (Statement engine = session.engineConnection().createStatement()) {
            boolean insert = statement.startsWith("INSERT") || statement.startsWith("REPLACE");
            String engineSql = EnginePipeline.engineSql(statement, session);
            if (insert ? engine.execute(engineSql, Statement.RETURN_GENERATED_KEYS) : engine.execute(engineSql)) {
                throw MySqlError.ER_SP_NO_RETSET.exception("function");
            }
            if (insert) {
                try (ResultSet keys = engine.getGeneratedKeys()) {
                    if (keys.next()) {
                        session.lastInsertId(AutoIncrementValue.generated(keys, statement.tokens(), session));
                    }
                }
            }
            session.writer().ok(engine.getLargeUpdateCount(), 0, 0, 0, null, null);
        } catch (SQLException e) {
            throw executor.translate(e, statement.sql());
        }
    }

    /**
     * Before an engine statement: while stored functions or triggers exist, the statement becomes a transaction of
     * its own under autocommit (and stands behind a savepoint inside one), so that what they change commits with it,
     * or is undone with it, as in MySQL. The engine alone would commit what a function wrote during a query that
     * then failed.
     */
    void beforeEngineStatement(Connection connection) throws SQLException {
        if (functions > 0 || statementTransaction || statementStart != null
                || !StoredFunctions.anyExist() && session.server().triggers().isEmpty()) {
            return;
        }
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            statementTransaction = true;
        } else {
            statementStart = connection.setSavepoint();
        }
    }

    /** The client's statement ended: its own transaction commits, on stable storage before its reply. */
    void statementEnded() {
        if (functions > 0 || !statementTransaction && statementStart == null) {
            return;
        }
        try {
            Connection connection = session.engineConnection();
            if (statementTransaction) {
                if (session.server().engine().hasUncommittedChanges(connection)) {
                    connection.commit();
                    session.server().engine().flush();
                }
                connection.setAutoCommit(true);
            } else {
                connection.releaseSavepoint(statementStart);
            }
        } catch (SQLException ignored) {
            // the savepoint went with a rollback the engine made itself: nothing is left to release
        } finally {
            statementTransaction = false;
            statementStart = null;
        }
    }

    /** The client's statement failed: what it and its functions and triggers changed is undone. */
    void statementFailed() {
        if (functions > 0 || !statementTransaction && statementStart == null) {
            return;
        }
        try {
            Connection connection = session.engineConnection();
            if (statementTransaction) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(statementStart);
            }
        } catch (SQLException ignored) {
            // the engine undid the statement already, and its savepoint with it
        } finally {
            statementTransaction = false;
            statementStart = null;
        }
    }

    @Override
    public Object evaluate(SqlText expression) {
        return rows(SqlText.of("SELECT " + expression.sql())).get(0)[0];
    }

    @Override
    public void enterFunction() {
        functions++;
    }

    @Override
    public void leaveFunction() {
        functions--;
    }

    @Override
    public List<Object[]> rows(SqlText query) {
        EngineStatementKinds.check(query.sql(), query.tokens(), session.schema());
        NoDatabase.check(query.tokens(), session);
        TableAccess.check(query.tokens(), session);
        List<List<Object[]>> result = new ArrayList<>();
        EngineEffects.during(session, query.tokens(), () -> result.add(run(query)));
        return result.get(0);
    }

    private List<Object[]> run(SqlText query) {
        boolean nested = functions > 0;
        try {
            Connection connection = session.engineConnection();
            if (!nested) {
                // inside a function the engine statement that called it is still running: it keeps its settings
                executor.syncEngineConnection(connection, query.sql(), query.tokens());
            }
            String engineSql = EnginePipeline.engineSql(query, session);
            List<Object[]> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                if (!nested) {
                    session.running(statement);
                }
                try (ResultSet result = statement.executeQuery(engineSql)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = ProgramValues.fromEngine(result.getObject(i + 1));
                        }
                        rows.add(row);
                    }
                }
            } finally {
                if (!nested) {
                    session.running(null);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw executor.translate(e, query.sql());
        } finally {
            if (!nested) {
                executor.liftStatementTimeout();
            }
        }
    }
}
