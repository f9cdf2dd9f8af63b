package dev.doppel.server.sql;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.owned.Savepoints;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The session's transaction as MySQL runs it, over the session's engine connection: BEGIN and START TRANSACTION,
 * COMMIT and ROLLBACK, autocommit, and the engine connection kept in step with them.
 */
public final class Transactions {
    private final Session session;
    private final Savepoints savepoints;
    private boolean explicit;

    Transactions(Session session, Savepoints savepoints) {
        this.session = session;
        this.savepoints = savepoints;
    }

    /** Whether a statement run now belongs to a transaction that outlives it. */
    public boolean open() {
        return !session.variables().autocommit() || explicit;
    }

    /** BEGIN [WORK], START TRANSACTION, COMMIT [WORK], ROLLBACK [WORK]: each ends the open transaction, if any. */
    static boolean isBoundary(List<Token> tokens) {
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

    void begin() {
        end(true);
        try {
            session.engineConnection().setAutoCommit(false);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, "BEGIN", session.schema());
        }
        explicit = true;
        session.inTransaction(true);
    }

    /** COMMIT or ROLLBACK of the current transaction, if any. */
    public void end(boolean commit) {
        try {
            Connection connection = session.engineConnection();
            if (!connection.getAutoCommit()) {
                if (commit) {
                    // A transaction that changed nothing has nothing to write; earlier autocommit statements were
                    // written when they ran.
                    boolean changed = session.server().engine().hasUncommittedChanges(connection);
                    if (changed) {
                        // a commit of changes is a write the global read lock keeps out
                        session.locks().enterWriters();
                    }
                    connection.commit();
                    if (changed) {
                        session.server().engine().flush();
                    }
                } else {
                    connection.rollback();
                }
            }
            explicit = false;
            session.inTransaction(false);
            savepoints.clear();
            syncEngineConnection(connection);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, commit ? "COMMIT" : "ROLLBACK", session.schema());
        }
    }

    /** The engine connection follows the session: its autocommit, and how long its statements wait for locks. */
    void syncEngineConnection(Connection connection) throws SQLException {
        session.timeouts().syncLock(session.engineConnection());
        boolean wanted = session.variables().autocommit() && !explicit;
        if (connection.getAutoCommit() != wanted) {
            connection.setAutoCommit(wanted);
        }
    }

    /** A deadlock victim's whole transaction was rolled back by the engine (as InnoDB does): it is over. */
    void endIfRolledBack(SQLException e) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.DEADLOCK_1) {
            explicit = false;
            session.inTransaction(false);
        }
    }
}
