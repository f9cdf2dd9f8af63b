package dev.doppel.server.sql.translate.grouping;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.parse.Keywords;
import dev.doppel.server.sql.translate.AggregateFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where an expression's value comes from rows of the group rather than from the group as a whole: the column
 * references outside aggregate calls, subqueries and window clauses ({@link #outsideAggregates}), and whether an
 * expression calls an aggregate at all, which makes a query without GROUP BY one group.
 */
final class ColumnUses {
    /** The aggregates, and GROUPING, whose arguments are no uses of a column by a group's row. */
    static final Set<String> AGGREGATES = aggregatesAndGrouping();
    /** Words after which a name is no column: a type, a collation, a character set, an alias. */
    private static final Set<String> BEFORE_NO_COLUMN = Set.of("AS", "COLLATE", "USING", "SET", "CHARSET",
            "SEPARATOR");

    private ColumnUses() {
    }

    /** The column references at [from, to) outside aggregates, subqueries and OVER (...), each as [start, end). */
    static List<int[]> outsideAggregates(List<Token> tokens, int from, int to) {
        List<int[]> result = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            int skipped = skippedUntil(tokens, i, to);
            if (skipped > i) {
                i = skipped - 1;
                continue;
            }
            if (!token.isIdentifier() || !columnMayStart(tokens, from, i)) {
                continue;
            }
            int end = i + 1;
            while (end + 1 < to && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isIdentifier()
                    && end - i < 4) {
                end += 2;
            }
            Token next = end < to ? tokens.get(end) : null;
            if (next != null && (next.isSymbol("(") || next.isSymbol(".") || next.kind() == Token.Kind.STRING)) {
                i = end - 1; // a call, t.*, or a character set introducer
                continue;
            }
            result.add(new int[] {i, end});
            i = end - 1;
        }
        return result;
    }

    /** Whether [from, to) calls an aggregate function, outside subqueries and not as a window function. */
    static boolean callsAggregate(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isSubquery(tokens, i)) {
                i = TokenRanges.closing(tokens, i);
                if (i < 0) {
                    return false;
                }
            } else if (isAggregateCall(tokens, i)) {
                int close = TokenRanges.closing(tokens, i + 1);
                if (close < 0) {
                    return false;
                }
                if (close + 1 >= tokens.size() || !tokens.get(close + 1).isWord("OVER")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The end of what is skipped at {@code i}: an aggregate call, a subquery or a window clause; else i. */
    private static int skippedUntil(List<Token> tokens, int i, int to) {
        int close = -1;
        if (isAggregateCall(tokens, i)) {
            close = TokenRanges.closing(tokens, i + 1);
            // an aggregate's FILTER (WHERE ...) belongs to it
            if (close > 0 && close + 2 < to && tokens.get(close + 1).isWord("FILTER")
                    && tokens.get(close + 2).isSymbol("(")) {
                close = TokenRanges.closing(tokens, close + 2);
            }
        } else if (isSubquery(tokens, i)) {
            close = TokenRanges.closing(tokens, i);
        } else if (tokens.get(i).isWord("OVER") && i + 1 < to) {
            close = tokens.get(i + 1).isSymbol("(") ? TokenRanges.closing(tokens, i + 1) : i + 1;
        }
        return close < 0 ? i : Math.min(close + 1, to);
    }

    private static boolean isAggregateCall(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        return token.kind() == Token.Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                && AGGREGATES.contains(token.upper()) && (i == 0 || !tokens.get(i - 1).isSymbol("."));
    }

    private static boolean isSubquery(List<Token> tokens, int i) {
        return tokens.get(i).isSymbol("(") && i + 1 < tokens.size()
                && (tokens.get(i + 1).isWord("SELECT") || tokens.get(i + 1).isWord("WITH"));
    }

    /**
     * Whether a column reference may start at {@code i}: after an operator, an opening parenthesis, a comma or a
     * keyword that an operand follows; not after an operand (an alias, an interval's unit) or a word that a type,
     * collation or character set follows.
     */
    private static boolean columnMayStart(List<Token> tokens, int from, int i) {
        if (i == from) {
            return true;
        }
        Token before = tokens.get(i - 1);
        if (before.kind() == Token.Kind.SYMBOL) {
            return !before.isSymbol(".") && !before.isSymbol(")");
        }
        return before.kind() == Token.Kind.WORD && Keywords.isReserved(before)
                && !BEFORE_NO_COLUMN.contains(before.upper());
    }

    private static Set<String> aggregatesAndGrouping() {
        Set<String> names = new java.util.HashSet<>(AggregateFunctions.NAMES);
        names.add("GROUPING");
        return Set.copyOf(names);
    }
}
