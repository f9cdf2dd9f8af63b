package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;

/**
 * MySQL's NULL-safe equality {@code a <=> b} (1 when both are NULL, 0 when one is) is the standard
 * {@code a IS NOT DISTINCT FROM b}, which the engine reads at the same precedence as {@code =}; the engine has no
 * {@code <=>} and answered 1064.
 */
public final class NullSafeEquals implements TokenRewrite {
    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("<=>")) {
                edits.replaced().putIfAbsent(i, "IS NOT DISTINCT FROM");
            }
        }
    }
}
