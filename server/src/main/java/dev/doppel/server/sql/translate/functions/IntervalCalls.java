package dev.doppel.server.sql.translate.functions;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;

/**
 * MySQL's function {@code INTERVAL(n, n1, n2, ...)} (the index of the last bound not above n), which the engine does
 * not have: written as the server's MYSQL_INTERVAL. {@code INTERVAL (expr) unit} is an interval, not a call: the
 * function's parentheses hold a comma.
 */
public final class IntervalCalls implements TokenRewrite {
    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("INTERVAL") || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close > 0 && !TokenRanges.commas(tokens, i + 2, close).isEmpty()) {
                edits.replaced().put(i, "PUBLIC.MYSQL_INTERVAL");
            }
        }
    }
}
