package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the steps of the engine's spelling ask for, by token index: text written before a token, instead of it, or
 * after it. A step leaves the tokens another step already replaced alone. {@code exactDivisions} are the {@code /}
 * tokens whose quotient keeps MySQL's inner digits, because their select-list item rounds at the end
 * (operators.DivisionResults); {@link Division} reads it.
 */
public record EngineEdits(Map<Integer, String> before, Map<Integer, String> replaced, Map<Integer, String> after,
                          Set<Integer> exactDivisions) {
    public EngineEdits() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), Set.of());
    }

    /** Puts {@code open} before and {@code close} after every call of one of {@code functions} (not schema.name()). */
    void wrapCalls(List<Token> tokens, List<String> functions, String open, String close) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i + 1).isSymbol("(") || !isAnyWord(tokens.get(i), functions)
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int end = TokenRanges.closing(tokens, i + 1);
            if (end > 0) {
                before.merge(i, open, (a, b) -> a + b);
                after.merge(end, close, (a, b) -> b + a);
            }
        }
    }

    /** Whether the token is one of {@code words}, without making an upper-case copy of every word of a statement. */
    static boolean isAnyWord(Token token, List<String> words) {
        for (String each : words) {
            if (token.isWord(each)) {
                return true;
            }
        }
        return false;
    }
}
