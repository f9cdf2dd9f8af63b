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
import dev.doppel.server.sql.translate.EnginePipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /** Whether the engine connection's autocommit was on when the outermost function started (set off meanwhile). */
    private boolean commitsHeld;
    /** Whether a stored function changed rows during the client's statement now ending. */
    private boolean functionsWrote;

    ProgramSession(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void execute(SqlText statement) {
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
            functionsWrote = true;
        } catch (SQLException e) {
            throw executor.translate(e, statement.sql());
        }
    }

    /**
     * The client's statement ended: what its stored functions changed is committed with it (and on stable storage
     * before its reply) unless a transaction is open.
     */
    void statementEnded(boolean transactionOpen) {
        if (!functionsWrote) {
            return;
        }
        functionsWrote = false;
        if (transactionOpen) {
            session.inTransaction(true);
            return;
        }
        try {
            Connection connection = session.engineConnection();
            if (session.server().engine().hasUncommittedChanges(connection)) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw executor.translate(e, "");
        }
        session.server().engine().flush();
    }

    @Override
    public Object evaluate(SqlText expression) {
        return rows(SqlText.of("SELECT " + expression.sql())).get(0)[0];
    }

    @Override
    public void enterFunction() {
        if (functions++ == 0) {
            try {
                commitsHeld = session.server().engine().holdCommits(session.engineConnection(), true);
            } catch (SQLException e) {
                functions--;
                throw executor.translate(e, "");
            }
        }
    }

    @Override
    public void leaveFunction() {
        if (--functions == 0 && commitsHeld) {
            session.server().engine().holdCommits(session.openEngineConnection(), false);
        }
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
