package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * {@code expr COLLATE name} in a query: the engine compares with its own collation, so the clause is dropped; kept
 * as the whole argument of CHARSET(), COLLATION() and COERCIBILITY(), whose answer it gives (functions.CollationCalls).
 */
public final class CollateClauses implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = new TextEdits();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (each.isWord("COLLATE") && (name.isIdentifier() || name.kind() == Token.Kind.STRING)
                    && !endsCollationCall(tokens, i + 2)) {
                edits.replace(each, name, " ");
                i++;
            }
        }
        return edits.applyTo(statement);
    }

    private static final java.util.Set<String> COLLATION_FUNCTIONS = java.util.Set.of("CHARSET", "COLLATION",
            "COERCIBILITY");

    /** Whether the token at {@code close} ends a call of CHARSET, COLLATION or COERCIBILITY. */
    private static boolean endsCollationCall(List<Token> tokens, int close) {
        if (close >= tokens.size() || !tokens.get(close).isSymbol(")")) {
            return false;
        }
        int depth = 0;
        for (int i = close; i > 0; i--) {
            if (tokens.get(i).isSymbol(")")) {
                depth++;
            } else if (tokens.get(i).isSymbol("(") && --depth == 0) {
                Token function = tokens.get(i - 1);
                return function.kind() == Token.Kind.WORD && COLLATION_FUNCTIONS.contains(function.upper());
            }
        }
        return false;
    }
}
