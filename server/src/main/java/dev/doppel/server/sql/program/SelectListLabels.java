package dev.doppel.server.sql.program;

import dev.doppel.server.sql.lex.Token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SELECT's column names when a program's variables are written into it: MySQL names an item without an alias by
 * its text as written ({@code SELECT total} gives a column "total", not the value put in its place), so such items
 * get their text as an alias.
 */
final class SelectListLabels {
    private static final Set<String> LIST_ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER",
            "LIMIT", "UNION", "EXCEPT", "INTERSECT", "FOR", "LOCK");
    private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "XOR", "NOT", "IS", "LIKE", "IN", "BETWEEN",
            "DIV", "MOD", "REGEXP", "RLIKE", "SOUNDS", "ESCAPE", "SELECT", "DISTINCT", "ALL", "CASE", "WHEN", "THEN",
            "ELSE", "BINARY", "COLLATE", "INTERVAL");

    private SelectListLabels() {
    }

    /**
     * For a top-level SELECT: the select-list items that hold a replaced token and have no alias, as their last
     * token's index mapped to their first's; empty for any other statement.
     */
    static Map<Integer, Integer> itemsNeedingLabels(List<Token> tokens, boolean[] replaced) {
        Map<Integer, Integer> result = new HashMap<>();
        if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return result;
        }
        int start = 1;
        while (start < tokens.size() && tokens.get(start).kind() == Token.Kind.WORD
                && (tokens.get(start).isWord("DISTINCT") || tokens.get(start).isWord("ALL")
                || tokens.get(start).upper().startsWith("SQL_") || tokens.get(start).isWord("STRAIGHT_JOIN")
                || tokens.get(start).isWord("HIGH_PRIORITY"))) {
            start++;
        }
        int depth = 0;
        int itemStart = start;
        for (int i = start; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            boolean end = token == null || depth == 0 && (token.isSymbol(",") || token.kind() == Token.Kind.WORD
                    && LIST_ENDS.contains(token.upper()));
            if (end) {
                if (i > itemStart && needsLabel(tokens, itemStart, i, replaced)) {
                    result.put(i - 1, itemStart);
                }
                if (token == null || !token.isSymbol(",")) {
                    return result;
                }
                itemStart = i + 1;
            } else if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return result;
    }

    private static boolean needsLabel(List<Token> tokens, int from, int to, boolean[] replaced) {
        boolean holdsVariable = false;
        for (int i = from; i < to; i++) {
            holdsVariable |= replaced[i];
            if (tokens.get(i).isWord("AS")) {
                return false;
            }
        }
        if (!holdsVariable || to - from < 2) {
            return holdsVariable;
        }
        Token last = tokens.get(to - 1);
        Token before = tokens.get(to - 2);
        boolean aliasLike = (last.isIdentifier() || last.kind() == Token.Kind.STRING) && !replaced[to - 1];
        boolean afterOperand = before.isSymbol(")") || before.kind() == Token.Kind.NUMBER
                || before.kind() == Token.Kind.STRING || before.isIdentifier()
                && !OPERATOR_WORDS.contains(before.upper());
        return !(aliasLike && afterOperand);
    }
}
