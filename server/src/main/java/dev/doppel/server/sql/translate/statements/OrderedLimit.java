package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.dml.DmlClauses;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * Single-table {@code UPDATE ... [ORDER BY ...] LIMIT n} and {@code DELETE ... [ORDER BY ...] LIMIT n}: the engine
 * ignores the ORDER BY of an UPDATE and rejects it in a DELETE, so the rows are picked by a subquery over the
 * engine's row ids: {@code ... WHERE t._rowid_ IN (SELECT t._rowid_ FROM t WHERE ... ORDER BY ... LIMIT n)}.
 * Statements without ORDER BY or LIMIT pass unchanged.
 */
public final class OrderedLimit implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        DmlClauses clauses = DmlClauses.parse(tokens);
        if (clauses == null || (clauses.orderBy() < 0 && clauses.limit() < 0)) {
            return statement;
        }
        int selection = clauses.where() >= 0 ? clauses.where() : clauses.orderBy() >= 0 ? clauses.orderBy()
                : clauses.limit();
        String alias = "`" + clauses.alias(tokens).replace("`", "``") + "`";
        String ref = DmlClauses.text(statement.sql(), tokens, clauses.refStart(), clauses.refEnd());
        TextEdits edits = new TextEdits();
        edits.insert(tokens.get(selection).start(), "WHERE " + alias + "._rowid_ IN (SELECT " + alias + "._rowid_ FROM "
                + ref + " ");
        edits.insert(tokens.get(tokens.size() - 1).end(), ")");
        return edits.applyTo(statement);
    }
}
