package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GROUP_CONCAT([DISTINCT] v1, ..., vn [ORDER BY k1 [ASC | DESC], ...] [SEPARATOR s]) becomes the server's own
 * aggregate, {@code PUBLIC.MYSQL_GROUP_CONCAT(v1, ..., vn, ARRAY[quantifier, key...], k..., s)}: the engine's
 * user aggregates take neither DISTINCT over some arguments only nor ORDER BY, so both come along as arguments
 * (engine.aggregate.MySqlGroupConcat reads the layout). An integer key names a value by its position, as in MySQL.
 */
final class GroupConcatCalls implements TokenRewrite {
    private static final Set<String> ORDER = Set.of("ORDER");
    private static final Set<String> SEPARATOR = Set.of("SEPARATOR");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("GROUP_CONCAT") || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close > 0) {
                rewrite(tokens, i, close, edits);
            }
        }
    }

    private static void rewrite(List<Token> tokens, int name, int close, EngineEdits edits) {
        edits.replaced().put(name, "PUBLIC.MYSQL_GROUP_CONCAT");
        int start = name + 2;
        String quantifier = "ALL";
        if (tokens.get(start).isWord("DISTINCT") || tokens.get(start).isWord("ALL")) {
            quantifier = tokens.get(start).upper();
            edits.replaced().put(start, "");
            start++;
        }
        int separator = TokenRanges.firstTopLevel(tokens, start, close, SEPARATOR);
        int order = TokenRanges.firstTopLevel(tokens, start, separator, ORDER);
        int values = TokenRanges.commas(tokens, start, order).size() + 1;
        StringBuilder layout = new StringBuilder("ARRAY['").append(quantifier).append('\'');
        if (order < separator) {
            keys(tokens, order + 1, separator, values, layout, edits);
            edits.replaced().put(order, ", " + layout + "]");
        } else {
            edits.before().merge(separator, ", " + layout + "] ", (a, b) -> a + b);
        }
        if (separator < close) {
            edits.replaced().put(separator, ",");
        } else {
            edits.before().merge(close, ", ','", (a, b) -> a + b);
        }
    }

    /** The keys after ORDER BY ({@code by} is the BY), into the layout; a key that is a position leaves no argument. */
    private static void keys(List<Token> tokens, int by, int end, int values, StringBuilder layout, EngineEdits edits) {
        List<Integer> starts = new ArrayList<>();
        starts.add(by);
        starts.addAll(TokenRanges.commas(tokens, by + 1, end));
        for (int k = 0; k < starts.size(); k++) {
            int lead = starts.get(k);
            int from = lead + 1;
            int to = k + 1 < starts.size() ? starts.get(k + 1) : end;
            char direction = 'A';
            if (to - 1 > from && (tokens.get(to - 1).isWord("ASC") || tokens.get(to - 1).isWord("DESC"))) {
                direction = tokens.get(to - 1).isWord("DESC") ? 'D' : 'A';
                edits.replaced().put(to - 1, "");
                to--;
            }
            int position = to - from == 1 ? position(tokens.get(from), values) : 0;
            layout.append(", '").append(direction).append(position > 0 ? String.valueOf(position) : "").append('\'');
            if (position > 0) {
                edits.replaced().put(lead, "");
                edits.replaced().put(from, "");
            } else {
                edits.replaced().put(lead, ",");
            }
        }
    }

    /** The value an integer key names (1..values), or 0 when the key is an expression of its own. */
    private static int position(Token token, int values) {
        if (token.kind() != Token.Kind.NUMBER || !Token.isDigits(token.text()) || token.text().length() > 9) {
            return 0;
        }
        int position = Integer.parseInt(token.text());
        return position >= 1 && position <= values ? position : 0;
    }
}
