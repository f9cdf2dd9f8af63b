package dev.doppel.server.sql;

import java.util.List;
import java.util.Map;

/**
 * {@code a DIV b}, MySQL's integer division (truncating, for decimals too), as the engine's
 * {@code CAST(TRUNC(a / b) AS BIGINT)}, for operands that are a number or a column (with an optional sign on the
 * left). Other operands stay a syntax error in the engine (a known deviation). The operator {@code a MOD b} becomes
 * {@code a % b} (the function MOD(a, b) is the engine's too).
 */
final class IntegerDivision {
    private IntegerDivision() {
    }

    static void collect(String sql, List<Token> tokens, Map<Integer, String> out) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("MOD") && !tokens.get(i + 1).isSymbol("(")) {
                out.put(i, "%");
                continue;
            }
            if (!tokens.get(i).isWord("DIV")) {
                continue;
            }
            int left = operandStart(tokens, i - 1);
            int right = operandEnd(tokens, i + 1);
            if (left < 0 || right < 0 || out.containsKey(left) || out.containsKey(right)) {
                continue;
            }
            out.put(left, "CAST(TRUNC(" + text(sql, tokens.get(left)));
            out.put(i, "/");
            out.put(right, text(sql, tokens.get(right)) + ") AS BIGINT)");
        }
    }

    /** The first token of the operand ending at {@code end}, or -1 when it is not a simple one. */
    private static int operandStart(List<Token> tokens, int end) {
        if (!simple(tokens.get(end))) {
            return -1;
        }
        int start = end;
        if (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        if (start >= 1 && tokens.get(start - 1).isSymbol("-")
                && (start == 1 || tokens.get(start - 2).kind() == Token.Kind.SYMBOL && !tokens.get(start - 2).isSymbol(")")
                || tokens.get(start - 2).isWord("SELECT"))) {
            start--;
        }
        return start;
    }

    private static int operandEnd(List<Token> tokens, int start) {
        if (!simple(tokens.get(start))) {
            return -1;
        }
        int end = start;
        if (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".") && tokens.get(end + 2).isIdentifier()) {
            end += 2;
        }
        return end + 1 < tokens.size() && tokens.get(end + 1).isSymbol("(") ? -1 : end;
    }

    private static boolean simple(Token token) {
        return token.kind() == Token.Kind.NUMBER || token.isIdentifier();
    }

    private static String text(String sql, Token token) {
        return sql.substring(token.start(), token.end());
    }
}
