package dev.doppel.server.sql.translate.grouping;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.StatementColumns;
import dev.doppel.server.sql.translate.StatementColumns.Resolved;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns whose value is one per group, as MySQL works them out for ONLY_FULL_GROUP_BY: the grouped columns,
 * a column equal to one of those or to a constant in a top-level conjunct of WHERE or of an inner join's ON, and
 * every column of a table whose primary key or unique NOT NULL key is among them; repeated until nothing is added.
 */
final class FunctionalDependencies {
    private final Set<String> columns = new HashSet<>();
    private final Set<String> tables = new HashSet<>();

    private static String tableKey(Resolved column) {
        return column.qualified().toLowerCase(Locale.ROOT);
    }

    private static String columnKey(Resolved column) {
        return tableKey(column) + "." + column.column().toLowerCase(Locale.ROOT);
    }

    boolean has(Resolved column) {
        return tables.contains(tableKey(column)) || columns.contains(columnKey(column));
    }

    void add(Resolved column) {
        columns.add(columnKey(column));
    }

    /**
     * Adds what follows from the conditions at {@code conditions} (each a [start, end) range of an AND of
     * conditions) and the keys of {@code tablesRead}.
     */
    void close(List<Token> tokens, List<int[]> conditions, StatementColumns resolver, List<Resolved> tablesRead) {
        List<Resolved[]> equal = new ArrayList<>();
        List<Resolved> constant = new ArrayList<>();
        for (int[] range : conditions) {
            for (int[] conjunct : conjuncts(tokens, range[0], range[1])) {
                equality(tokens, conjunct[0], conjunct[1], resolver, equal, constant);
            }
        }
        constant.forEach(this::add);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Resolved[] pair : equal) {
                if (has(pair[0]) != has(pair[1])) {
                    add(has(pair[0]) ? pair[1] : pair[0]);
                    changed = true;
                }
            }
            for (Resolved table : tablesRead) {
                String key = tableKey(table);
                if (tables.contains(key)) {
                    continue;
                }
                for (Set<String> unique : table.columns().keys()) {
                    if (unique.stream().allMatch(column -> columns.contains(key + "." + column))) {
                        tables.add(key);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** The conjuncts of [from, to): split at top-level AND, parentheses around a conjunct opened; none under OR. */
    private static List<int[]> conjuncts(List<Token> tokens, int from, int to) {
        List<int[]> result = new ArrayList<>();
        if (from >= to) {
            return result;
        }
        if (tokens.get(from).isSymbol("(") && TokenRanges.closing(tokens, from) == to - 1) {
            return conjuncts(tokens, from + 1, to - 1);
        }
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isWord("OR") || token.isWord("XOR") || token.isSymbol("||"))) {
                return List.of();
            } else if (depth == 0 && (token.isWord("AND") || token.isSymbol("&&"))) {
                result.addAll(conjuncts(tokens, start, i));
                start = i + 1;
            }
        }
        if (start == from) {
            result.add(new int[] {from, to});
        } else {
            result.addAll(conjuncts(tokens, start, to));
        }
        return result;
    }

    /** Notes {@code column = column} or {@code column = constant} (either order) at [from, to). */
    private static void equality(List<Token> tokens, int from, int to, StatementColumns resolver,
                                 List<Resolved[]> equal, List<Resolved> constant) {
        int operator = -1;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isSymbol("=")) {
                operator = i;
                break;
            }
        }
        if (operator < 0) {
            return;
        }
        Resolved left = resolver.resolve(from, operator);
        Resolved right = resolver.resolve(operator + 1, to);
        if (left != null && right != null) {
            equal.add(new Resolved[] {left, right});
        } else if (left != null && isConstant(tokens, operator + 1, to)) {
            constant.add(left);
        } else if (right != null && isConstant(tokens, from, operator)) {
            constant.add(right);
        }
    }

    /** A literal, a parameter, a user variable, or a server-made parameter {@code CAST(? AS type)}. */
    private static boolean isConstant(List<Token> tokens, int from, int to) {
        int start = from < to && (tokens.get(from).isSymbol("-") || tokens.get(from).isSymbol("+")) ? from + 1 : from;
        if (to - start == 1) {
            Token.Kind kind = tokens.get(start).kind();
            return kind == Token.Kind.NUMBER || kind == Token.Kind.STRING || kind == Token.Kind.PARAMETER
                    || kind == Token.Kind.USER_VARIABLE;
        }
        return to - start >= 6 && tokens.get(start).isWord("CAST") && tokens.get(start + 1).isSymbol("(")
                && tokens.get(start + 2).kind() == Token.Kind.PARAMETER && TokenRanges.closing(tokens, start + 1) == to - 1;
    }
}
