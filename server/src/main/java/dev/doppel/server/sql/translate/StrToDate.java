package dev.doppel.server.sql.translate;

import dev.doppel.server.engine.MySqlDateParsing;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Map;

/**
 * STR_TO_DATE(str, format) becomes one of the engine's three functions by what a literal format yields (a DATE, a
 * TIME or a DATETIME, see engine.MySqlDateParsing), cast to whole seconds unless the format reads microseconds
 * ({@code %f}), as MySQL types the result. A format given otherwise yields a DATETIME.
 */
public final class StrToDate {
    private StrToDate() {
    }

    static void collect(List<Token> tokens, Map<Integer, String> replaced, Map<Integer, String> before,
                        Map<Integer, String> after) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (!name.isWord("STR_TO_DATE") || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close < 0) {
                continue;
            }
            List<List<Token>> arguments = TokenRanges.splitAtCommas(tokens, i + 2, close);
            Token format = arguments.size() == 2 && arguments.get(1).size() == 1 ? arguments.get(1).get(0) : null;
            char kind = format != null && format.kind() == Token.Kind.STRING ? MySqlDateParsing.kind(format.text()) : 'S';
            boolean micros = format == null || format.kind() != Token.Kind.STRING || format.text().contains("%f");
            switch (kind) {
                case 'D' -> replaced.put(i, "PUBLIC.MYSQL_STR_TO_DATE");
                case 'T' -> {
                    replaced.put(i, "PUBLIC.MYSQL_STR_TO_TIME");
                    before.merge(i, "CAST(", (a, b) -> a + b);
                    after.merge(close, micros ? " AS TIME(6))" : " AS TIME(0))", (a, b) -> b + a);
                }
                default -> {
                    replaced.put(i, "PUBLIC.MYSQL_STR_TO_DATETIME");
                    before.merge(i, "CAST(", (a, b) -> a + b);
                    after.merge(close, micros ? " AS TIMESTAMP(6))" : " AS TIMESTAMP(0))", (a, b) -> b + a);
                }
            }
        }
    }
}
