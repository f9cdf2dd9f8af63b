package dev.doppel.server.sql.lex;

import java.util.ArrayList;
import java.util.List;

/** Splitting a range of tokens the way SQL nests: commas inside parentheses do not count. */
public final class TokenRanges {
    private TokenRanges() {
    }

    /** The tokens of {@code [from, to)} split at their top-level commas (an empty range gives one empty item). */
    public static List<List<Token>> splitAtCommas(List<Token> tokens, int from, int to) {
        List<List<Token>> result = new ArrayList<>();
        int start = from;
        for (int comma : commas(tokens, from, to)) {
            result.add(new ArrayList<>(tokens.subList(start, comma)));
            start = comma + 1;
        }
        result.add(new ArrayList<>(tokens.subList(start, Math.max(start, to))));
        return result;
    }

    /** The indexes of the top-level commas of {@code [from, to)}. */
    public static List<Integer> commas(List<Token> tokens, int from, int to) {
        List<Integer> result = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.isSymbol(",")) {
                result.add(i);
            }
        }
        return result;
    }

    /** The {@code [start, end)} ranges of {@code [from, to)} between its top-level commas (none for an empty range). */
    public static List<int[]> rangesBetweenCommas(List<Token> tokens, int from, int to) {
        List<int[]> result = new ArrayList<>();
        int start = from;
        for (int comma : commas(tokens, from, to)) {
            result.add(new int[] {start, comma});
            start = comma + 1;
        }
        if (start < to) {
            result.add(new int[] {start, to});
        }
        return result;
    }

    /** The index of the "(" opened by the ")" at {@code close}, or -1. */
    public static int opening(List<Token> tokens, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (tokens.get(i).isSymbol(")")) {
                depth++;
            } else if (tokens.get(i).isSymbol("(") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first of {@code words} at the depth of {@code from} in [from, to), or {@code to}. */
    public static int firstTopLevel(List<Token> tokens, int from, int to, java.util.Set<String> words) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == Token.Kind.WORD && words.contains(token.upper())) {
                return i;
            }
        }
        return to;
    }

    /** The index of the last {@code word} outside all parentheses, or -1. */
    public static int lastTopLevelWord(List<Token> tokens, String word) {
        int result = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.isWord(word)) {
                result = i;
            }
        }
        return result;
    }

    /** The index of the ")" closing the "(" at {@code open}, or -1. */
    public static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
