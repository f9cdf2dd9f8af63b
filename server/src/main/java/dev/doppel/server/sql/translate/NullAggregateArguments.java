package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Set;

/**
 * SUM(NULL), AVG(-NULL) and the other numeric aggregates of a bare NULL: MySQL gives NULL; the engine has no type for
 * the NULL and refused the query (1105 "SUM or AVG on wrong data type"). A NULL argument (with signs and parentheses
 * around it, after an optional DISTINCT or ALL) becomes a NULL of type DOUBLE.
 */
final class NullAggregateArguments implements TokenRewrite {
    private static final Set<String> AGGREGATES = Set.of("SUM", "AVG", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP",
            "VARIANCE", "VAR_POP", "VAR_SAMP");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (name.kind() != Token.Kind.WORD || !tokens.get(i + 1).isSymbol("(") || !AGGREGATES.contains(name.upper())
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            int from = i + 2;
            if (close < 0) {
                continue;
            }
            if (tokens.get(from).isWord("DISTINCT") || tokens.get(from).isWord("ALL")) {
                from++;
            }
            if (from < close && isNull(tokens, from, close)) {
                edits.replaced().put(from, "CAST(NULL AS DOUBLE)");
                for (int k = from + 1; k < close; k++) {
                    edits.replaced().put(k, "");
                }
            }
        }
    }

    /** Whether [from, to) is NULL with nothing but signs and parentheses around it. */
    private static boolean isNull(List<Token> tokens, int from, int to) {
        int nulls = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isWord("NULL")) {
                nulls++;
            } else if (!(token.isSymbol("-") || token.isSymbol("+") || token.isSymbol("(") || token.isSymbol(")"))) {
                return false;
            }
        }
        return nulls == 1;
    }
}
