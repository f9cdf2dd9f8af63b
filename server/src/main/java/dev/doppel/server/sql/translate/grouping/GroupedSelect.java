package dev.doppel.server.sql.translate.grouping;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.parse.Keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The clauses of a top-level SELECT that grouping rules read, as token ranges: the select list (each item's
 * expression without its alias, and the alias), FROM, WHERE, GROUP BY's items, HAVING and ORDER BY's items. Only a
 * plain SELECT: one with UNION, EXCEPT or INTERSECT at top level, or without FROM, is not read (null).
 */
record GroupedSelect(List<Item> items, int from, int fromEnd, int where, int whereEnd, List<int[]> groupItems,
                     int having, int havingEnd, List<int[]> orderItems) {
    /** A select-list item: its expression at [start, end) and its alias in lower case, or null. */
    record Item(int start, int end, String alias) {
    }

    private static final Set<String> MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS");
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "EXCEPT", "INTERSECT");
    private static final Set<String> AFTER_FROM = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
            "FOR", "LOCK", "INTO");
    private static final Set<String> AFTER_WHERE = Set.of("GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "FOR",
            "LOCK", "INTO");
    private static final Set<String> AFTER_GROUP = Set.of("WITH", "HAVING", "WINDOW", "ORDER", "LIMIT", "FOR", "LOCK",
            "INTO");
    private static final Set<String> AFTER_HAVING = Set.of("WINDOW", "ORDER", "LIMIT", "FOR", "LOCK", "INTO");
    private static final Set<String> AFTER_ORDER = Set.of("LIMIT", "FOR", "LOCK", "INTO");

    static GroupedSelect of(List<Token> tokens) {
        int size = tokens.size();
        while (size > 0 && tokens.get(size - 1).isSymbol(";")) {
            size--;
        }
        if (size == 0 || !tokens.get(0).isWord("SELECT")
                || TokenRanges.firstTopLevel(tokens, 1, size, SET_OPERATORS) < size) {
            return null;
        }
        int start = 1;
        while (start < size && tokens.get(start).kind() == Token.Kind.WORD
                && MODIFIERS.contains(tokens.get(start).upper())) {
            start++;
        }
        int from = TokenRanges.firstTopLevel(tokens, start, size, Set.of("FROM", "INTO"));
        if (from >= size || !tokens.get(from).isWord("FROM")) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, start, from)) {
            items.add(item(tokens, range[0], range[1]));
        }
        int fromEnd = TokenRanges.firstTopLevel(tokens, from + 1, size, AFTER_FROM);
        int where = -1;
        int whereEnd = fromEnd;
        if (fromEnd < size && tokens.get(fromEnd).isWord("WHERE")) {
            where = fromEnd;
            whereEnd = TokenRanges.firstTopLevel(tokens, where + 1, size, AFTER_WHERE);
        }
        List<int[]> groupItems = List.of();
        int next = whereEnd;
        if (next + 1 < size && tokens.get(next).isWord("GROUP") && tokens.get(next + 1).isWord("BY")) {
            int end = TokenRanges.firstTopLevel(tokens, next + 2, size, AFTER_GROUP);
            groupItems = withoutDirection(tokens, TokenRanges.rangesBetweenCommas(tokens, next + 2, end));
            next = end;
            if (next + 1 < size && tokens.get(next).isWord("WITH") && tokens.get(next + 1).isWord("ROLLUP")) {
                next += 2;
            }
        }
        int having = -1;
        int havingEnd = next;
        if (next < size && tokens.get(next).isWord("HAVING")) {
            having = next;
            havingEnd = TokenRanges.firstTopLevel(tokens, having + 1, size, AFTER_HAVING);
            next = havingEnd;
        }
        if (next < size && tokens.get(next).isWord("WINDOW")) {
            next = TokenRanges.firstTopLevel(tokens, next + 1, size, Set.of("ORDER", "LIMIT", "FOR", "LOCK", "INTO"));
        }
        List<int[]> orderItems = List.of();
        if (next + 1 < size && tokens.get(next).isWord("ORDER") && tokens.get(next + 1).isWord("BY")) {
            int end = TokenRanges.firstTopLevel(tokens, next + 2, size, AFTER_ORDER);
            orderItems = withoutDirection(tokens, TokenRanges.rangesBetweenCommas(tokens, next + 2, end));
        }
        return new GroupedSelect(items, from, fromEnd, where, whereEnd, groupItems, having, havingEnd, orderItems);
    }

    boolean grouped() {
        return !groupItems.isEmpty();
    }

    /** A select-list item at [start, end): {@code expr [AS] alias} or {@code expr}. */
    private static Item item(List<Token> tokens, int start, int end) {
        if (end - start >= 3 && tokens.get(end - 2).isWord("AS") && isAlias(tokens.get(end - 1))) {
            return new Item(start, end - 2, tokens.get(end - 1).text().toLowerCase(Locale.ROOT));
        }
        if (end - start >= 2 && isAlias(tokens.get(end - 1))) {
            Token before = tokens.get(end - 2);
            boolean operandEnds = before.isSymbol(")") || before.kind() == Token.Kind.NUMBER
                    || before.kind() == Token.Kind.STRING || before.kind() == Token.Kind.QUOTED_IDENTIFIER
                    || before.kind() == Token.Kind.WORD && !Keywords.isReserved(before);
            if (operandEnds) {
                return new Item(start, end - 1, tokens.get(end - 1).text().toLowerCase(Locale.ROOT));
            }
        }
        return new Item(start, end, null);
    }

    private static boolean isAlias(Token token) {
        return token.kind() == Token.Kind.QUOTED_IDENTIFIER || token.kind() == Token.Kind.STRING
                || token.kind() == Token.Kind.WORD && !Keywords.isReserved(token);
    }

    /** The items without a trailing ASC or DESC. */
    private static List<int[]> withoutDirection(List<Token> tokens, List<int[]> items) {
        List<int[]> result = new ArrayList<>(items.size());
        for (int[] item : items) {
            int end = item[1];
            if (end - item[0] >= 2 && (tokens.get(end - 1).isWord("ASC") || tokens.get(end - 1).isWord("DESC"))) {
                end--;
            }
            result.add(new int[] {item[0], end});
        }
        return result;
    }
}
