package dev.doppel.server.sql.program;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;

import java.util.List;

/** What a running stored program asks of its session: to run statements, evaluate expressions and read rows. */
public interface ProgramHost {
    Session session();

    /** Runs a statement as the session runs any: its result sets go to the client, its OK does not. */
    void execute(SqlText statement);

    /** The value of an expression (checked and translated as a SELECT of it would be). */
    Object evaluate(SqlText expression);

    /** The rows of a query (checked and translated as the client's query would be), as values. */
    List<Object[]> rows(SqlText query);

    /** A stored function starts running inside an engine statement: its own statements must not end that one. */
    void enterFunction();

    void leaveFunction();
}
