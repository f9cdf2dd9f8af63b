package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/** MySQL's aggregate functions, by name: what the grouping rewrites look for in a statement. */
public final class AggregateFunctions {
    public static final Set<String> NAMES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT", "BIT_AND",
            "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP",
            "JSON_ARRAYAGG", "JSON_OBJECTAGG", "ANY_VALUE");

    private AggregateFunctions() {
    }

    /** Whether the token at {@code i} calls an aggregate: its name, then "(", not schema.name. */
    public static boolean isCall(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        return token.kind() == Token.Kind.WORD && NAMES.contains(token.upper()) && i + 1 < tokens.size()
                && tokens.get(i + 1).isSymbol("(") && (i == 0 || !tokens.get(i - 1).isSymbol("."));
    }
}
