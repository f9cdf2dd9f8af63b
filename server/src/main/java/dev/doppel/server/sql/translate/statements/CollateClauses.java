package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/** {@code expr COLLATE name} in a query: the engine compares with its own collation, so the clause is dropped. */
public final class CollateClauses implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = new TextEdits();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (each.isWord("COLLATE") && (name.isIdentifier() || name.kind() == Token.Kind.STRING)) {
                edits.replace(each, name, " ");
                i++;
            }
        }
        return edits.applyTo(statement);
    }
}
