package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * Hexadecimal and bit-value literals as MySQL reads them: a binary string, but an unsigned integer in numeric context
 * ({@code X'41' + 1} is 66, {@code 0x41 = 65} is true). The engine keeps them binary and refused the arithmetic and the
 * comparison (1105 "Data conversion error", "not comparable"). So a literal that is an operand of arithmetic, or
 * compared with a number, becomes its integer value; {@code B'101'} (which the engine does not know) becomes the same
 * bytes in hexadecimal where it stays a string.
 */
public final class HexLiteralContexts implements StatementRewrite {
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "<=>");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = null;
        for (int i = 0; i < tokens.size(); i++) {
            int end = literalEnd(tokens, i);
            if (end < 0) {
                continue;
            }
            BigInteger value = value(tokens, i);
            if (value != null) {
                String replacement = null;
                if (isNumericContext(tokens, i, end)) {
                    replacement = value.toString();
                } else if (isBitString(tokens, i)) {
                    replacement = hexOf(tokens.get(i + 1).text());
                }
                if (replacement != null) {
                    if (edits == null) {
                        edits = new TextEdits();
                    }
                    edits.replace(tokens.get(i), tokens.get(end - 1), replacement);
                }
            }
            i = end - 1;
        }
        return edits == null ? statement : edits.applyTo(statement);
    }

    /** The end (exclusive) of a hexadecimal or bit literal at {@code i}, or -1. */
    private static int literalEnd(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (token.isHexOrBitNumber()) {
            return i + 1;
        }
        if (token.kind() == Token.Kind.WORD && (token.isWord("X") || token.isWord("B")) && i + 1 < tokens.size()
                && tokens.get(i + 1).kind() == Token.Kind.STRING) {
            return i + 2;
        }
        return -1;
    }

    private static boolean isBitString(List<Token> tokens, int i) {
        return tokens.get(i).isWord("B");
    }

    /** The literal's unsigned value, or null when it is not one (bad digits) or longer than 64 bits. */
    private static BigInteger value(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        String digits;
        int radix;
        if (token.kind() == Token.Kind.NUMBER) {
            digits = token.text().substring(2);
            radix = token.text().startsWith("0x") ? 16 : 2;
        } else {
            digits = tokens.get(i + 1).text();
            radix = token.isWord("X") ? 16 : 2;
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            return value.bitLength() <= 64 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An operand of arithmetic, or compared with a numeric literal. */
    private static boolean isNumericContext(List<Token> tokens, int start, int end) {
        Token before = start > 0 ? tokens.get(start - 1) : null;
        Token after = end < tokens.size() ? tokens.get(end) : null;
        if (isArithmetic(before) || isArithmetic(after)) {
            return true; // a sign makes a number too
        }
        if (isComparison(before) && start >= 2 && isNumber(tokens.get(start - 2))) {
            return true;
        }
        return isComparison(after) && end + 1 < tokens.size() && isNumber(tokens.get(end + 1));
    }

    private static boolean isArithmetic(Token token) {
        return token != null && (token.kind() == Token.Kind.SYMBOL && ARITHMETIC.contains(token.text())
                || token.isWord("DIV") || token.isWord("MOD"));
    }

    private static boolean isComparison(Token token) {
        return token != null && token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text());
    }

    private static boolean isNumber(Token token) {
        return token.kind() == Token.Kind.NUMBER && !token.isHexOrBitNumber();
    }

    /** B'bits' as X'hex': whole bytes, the bits right-aligned as MySQL stores them. */
    private static String hexOf(String bits) {
        if (bits.isEmpty()) {
            return "X''";
        }
        int bytes = (bits.length() + 7) / 8;
        String hex = new BigInteger(bits, 2).toString(16);
        return "X'" + "0".repeat(bytes * 2 - hex.length()) + hex + "'";
    }
}
