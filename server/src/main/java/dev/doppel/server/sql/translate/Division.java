package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's division operators for the engine, whose {@code /} truncates integers and fails on a zero divisor:
 * {@code a / b} becomes {@code PUBLIC.MYSQL_DIVIDE(a, b)} and {@code a DIV b} {@code PUBLIC.MYSQL_INTEGER_DIVIDE(a, b)}
 * (see engine.MySqlArithmetic); the operator {@code a MOD b} becomes {@code a % b}. Operands are found by
 * MySQL's precedence: {@code * / DIV % MOD} bind left to right, tighter than {@code + -}, looser than a unary sign.
 */
public final class Division {
    private static final Set<String> MULTIPLICATIVE = Set.of("*", "/", "%");
    private static final Set<String> MULTIPLICATIVE_WORDS = Set.of("DIV", "MOD");

    private Division() {
    }

    /**
     * Notes what the rewrite writes before the operands, in place of the operators and after the operands; a
     * {@code /} among {@link EngineEdits#exactDivisions()} keeps MySQL's inner digits ({@code MYSQL_DIVIDE_EXACT}).
     */
    static void collect(List<Token> tokens, EngineEdits edits) {
        Map<Integer, String> before = edits.before();
        Map<Integer, String> replaced = edits.replaced();
        Map<Integer, String> after = edits.after();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isWord("MOD") && !tokens.get(i + 1).isSymbol("(")) {
                replaced.put(i, "%");
                continue;
            }
            String function = each.isSymbol("/") ? edits.exactDivisions().contains(i) ? "PUBLIC.MYSQL_DIVIDE_EXACT("
                    : "PUBLIC.MYSQL_DIVIDE("
                    : each.isWord("DIV") ? "PUBLIC.MYSQL_INTEGER_DIVIDE(" : null;
            if (function == null) {
                continue;
            }
            int left = operandStart(tokens, i - 1);
            int right = operandEnd(tokens, i + 1);
            if (left < 0 || right < 0) {
                continue;
            }
            before.merge(left, function, (existing, added) -> added + existing);
            replaced.put(i, ",");
            after.merge(right, ")", String::concat);
        }
    }

    /** The first token of the left operand ending at {@code end}, or -1 when there is none. */
    public static int operandStart(List<Token> tokens, int end) {
        int start = primaryStart(tokens, end);
        while (start > 0) {
            Token previous = tokens.get(start - 1);
            if (isSign(tokens, start - 1)) {
                start--;
            } else if (start >= 2 && isMultiplicative(previous)) {
                int next = primaryStart(tokens, start - 2);
                if (next < 0) {
                    return start;
                }
                start = next;
            } else {
                return start;
            }
        }
        return start;
    }

    /** The first token of the primary (literal, column, call, parenthesized or CASE expression) ending at end. */
    static int primaryStart(List<Token> tokens, int end) {
        Token last = tokens.get(end);
        int start;
        if (last.isSymbol(")")) {
            start = matching(tokens, end, "(", ")", -1);
            if (start > 0 && tokens.get(start - 1).isIdentifier() && !isKeyword(tokens.get(start - 1))) {
                start--;
            }
        } else if (last.isWord("END")) {
            start = matchingWord(tokens, end);
        } else if (isValue(last)) {
            start = end;
        } else {
            return -1;
        }
        if (start < 0) {
            return -1;
        }
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        return start;
    }

    /** The last token of the right operand starting at {@code start}, or -1 when there is none. */
    public static int operandEnd(List<Token> tokens, int start) {
        while (start < tokens.size() && (tokens.get(start).isSymbol("-") || tokens.get(start).isSymbol("+"))) {
            start++;
        }
        if (start >= tokens.size()) {
            return -1;
        }
        Token first = tokens.get(start);
        int end;
        if (first.isSymbol("(")) {
            end = matching(tokens, start, ")", "(", 1);
        } else if (first.isWord("CASE")) {
            end = matchingWord(tokens, start);
        } else if (isValue(first)) {
            end = start;
            while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".") && tokens.get(end + 2).isIdentifier()) {
                end += 2;
            }
            if (first.isIdentifier() && end + 1 < tokens.size() && tokens.get(end + 1).isSymbol("(")) {
                end = matching(tokens, end + 1, ")", "(", 1);
            }
        } else {
            return -1;
        }
        return end;
    }

    /** The index of the bracket matching the one at {@code from}, walking in {@code step}; -1 when unbalanced. */
    private static int matching(List<Token> tokens, int from, String target, String same, int step) {
        int depth = 0;
        for (int i = from; i >= 0 && i < tokens.size(); i += step) {
            Token each = tokens.get(i);
            if (each.isSymbol(same)) {
                depth++;
            } else if (each.isSymbol(target) && --depth == 0) {
                return i;
            }
            if (each.isSymbol(target) && depth < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** CASE ... END: the index of the word matching the CASE or END at {@code from}. */
    private static int matchingWord(List<Token> tokens, int from) {
        int step = tokens.get(from).isWord("CASE") ? 1 : -1;
        int depth = 0;
        for (int i = from; i >= 0 && i < tokens.size(); i += step) {
            Token each = tokens.get(i);
            if (each.isWord(step > 0 ? "CASE" : "END")) {
                depth++;
            } else if (each.isWord(step > 0 ? "END" : "CASE") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isValue(Token token) {
        return switch (token.kind()) {
            case NUMBER, STRING, SYSTEM_VARIABLE, USER_VARIABLE, PARAMETER, QUOTED_IDENTIFIER -> true;
            case WORD -> !isKeyword(token);
            default -> false;
        };
    }

    /** Words that end an operand rather than being one. */
    private static boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && switch (token.upper()) {
            case "SELECT", "WHERE", "AND", "OR", "NOT", "XOR", "ON", "SET", "BY", "THEN", "ELSE", "WHEN", "AS",
                 "FROM", "HAVING", "VALUES", "VALUE", "IS", "IN", "LIKE", "BETWEEN", "DIV", "MOD", "CASE", "END",
                 "INTERVAL", "RETURN", "LIMIT", "DISTINCT", "ALL" -> true;
            default -> false;
        };
    }

    private static boolean isMultiplicative(Token token) {
        return token.kind() == Token.Kind.SYMBOL ? MULTIPLICATIVE.contains(token.text())
                : token.kind() == Token.Kind.WORD && MULTIPLICATIVE_WORDS.contains(token.upper());
    }

    /** A unary sign: a + or - with no operand before it. */
    private static boolean isSign(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (!token.isSymbol("-") && !token.isSymbol("+")) {
            return false;
        }
        if (index == 0) {
            return true;
        }
        Token previous = tokens.get(index - 1);
        // END closes a CASE expression, an operand: CASE ... END + 4 / 5 adds, it does not sign the 4
        return previous.kind() == Token.Kind.SYMBOL ? !previous.isSymbol(")")
                : isKeyword(previous) && !previous.isWord("END");
    }
}
