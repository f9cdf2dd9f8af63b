package dev.doppel.server.sql.dml;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * The top-level clauses of a single-table UPDATE or DELETE, as token positions:
 * {@code UPDATE [LOW_PRIORITY] [IGNORE] ref SET assignments [WHERE ...] [ORDER BY ...] [LIMIT ...]} and
 * {@code DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM ref [WHERE ...] [ORDER BY ...] [LIMIT ...]}.
 * {@link #parse} gives null for anything else (multi-table forms, PARTITION, unbalanced brackets).
 */
public record DmlClauses(int refStart, int refEnd, int set, int where, int orderBy, int limit, int end) {
    private static final Set<String> MODIFIERS = Set.of("LOW_PRIORITY", "QUICK", "IGNORE");

    public static DmlClauses parse(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        boolean update = tokens.get(0).isWord("UPDATE");
        if (!update && !tokens.get(0).isWord("DELETE")) {
            return null;
        }
        int index = 1;
        while (index < tokens.size() && MODIFIERS.contains(tokens.get(index).upper())
                && tokens.get(index).kind() == Token.Kind.WORD) {
            index++;
        }
        if (!update) {
            if (index >= tokens.size() || !tokens.get(index).isWord("FROM")) {
                return null;
            }
            index++;
        }
        int refStart = index;
        int set = -1;
        int where = -1;
        int orderBy = -1;
        int limit = -1;
        int refEnd = -1;
        int depth = 0;
        for (int i = refStart; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                if (refEnd < 0) {
                    return null;
                }
                depth++;
            } else if (each.isSymbol(")")) {
                if (--depth < 0) {
                    return null;
                }
            } else if (depth == 0 && each.kind() == Token.Kind.WORD) {
                switch (each.upper()) {
                    case "SET" -> {
                        if (update && set < 0) {
                            set = i;
                            refEnd = i;
                        }
                    }
                    case "WHERE" -> {
                        if (where >= 0 || orderBy >= 0 || limit >= 0) {
                            return null;
                        }
                        where = i;
                        refEnd = refEnd < 0 ? i : refEnd;
                    }
                    case "ORDER" -> {
                        if (i + 1 < tokens.size() && tokens.get(i + 1).isWord("BY") && orderBy < 0 && limit < 0) {
                            orderBy = i;
                            refEnd = refEnd < 0 ? i : refEnd;
                        }
                    }
                    case "LIMIT" -> {
                        limit = i;
                        refEnd = refEnd < 0 ? i : refEnd;
                    }
                    case "JOIN", "USING", "PARTITION", "STRAIGHT_JOIN" -> {
                        if (refEnd < 0) {
                            return null;
                        }
                    }
                    default -> {
                    }
                }
            } else if (depth == 0 && refEnd < 0 && each.isSymbol(",")) {
                return null;
            }
        }
        if (depth != 0 || (update && set < 0)) {
            return null;
        }
        if (refEnd < 0) {
            refEnd = tokens.size();
        }
        return refEnd > refStart ? new DmlClauses(refStart, refEnd, set, where, orderBy, limit, tokens.size()) : null;
    }

    /** Where the clause starting at {@code start} ends: at the next clause, or the statement's end. */
    public int endOf(int start) {
        int result = end;
        for (int each : new int[] {set, where, orderBy, limit}) {
            if (each > start && each < result) {
                result = each;
            }
        }
        return result;
    }

    /** The name the table is known by in the statement: its alias, or its name. */
    public String alias(List<Token> tokens) {
        Token last = tokens.get(refEnd - 1);
        return last.text();
    }

    /** The text of tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public static String text(String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        int end = to < tokens.size() ? tokens.get(to - 1).end() : tokens.get(tokens.size() - 1).end();
        return sql.substring(tokens.get(from).start(), end);
    }
}
