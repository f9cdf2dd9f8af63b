package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;

/**
 * One step of {@link EnginePipeline}: a MySQL form the engine rejects or reads otherwise, rewritten into one it reads
 * as MySQL means it. A step returns the statement it was given when the form is not there.
 */
public interface StatementRewrite {
    SqlText apply(SqlText statement);
}
