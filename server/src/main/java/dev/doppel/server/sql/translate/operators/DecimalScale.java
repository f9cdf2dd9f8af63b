package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * The digits after the point MySQL declares for an exact-value expression, worked out from its text as MySQL's
 * resolver does: a literal's own, a column's type, {@code a / b} the dividend's plus div_precision_increment (4),
 * {@code a * b} the sum, {@code + - % MOD} the larger, {@code ROUND(x, n)} and {@code TRUNCATE(x, n)} n, ABS, SUM, MIN, MAX, IFNULL, COALESCE, GREATEST, LEAST and NULLIF their arguments'. Anything else (a DOUBLE, a
 * string, a parameter, CASE, another function, DIV) has no such answer: {@link #UNKNOWN}.
 */
final class DecimalScale {
    static final int UNKNOWN = -1;
    /** MySQL's DECIMAL holds at most 30 digits after the point. */
    private static final int MAX_SCALE = 30;
    private static final int DIV_PRECISION_INCREMENT = 4;

    /** The declared scale of the column named at [from, to), or {@link #UNKNOWN}. */
    interface Columns {
        int scale(int from, int to);
    }

    /** An expression's scale and the index just after it. */
    record Result(int scale, int end) {
    }

    private final List<Token> tokens;
    private final int limit;
    private final Columns columns;
    private int position;

    private DecimalScale(List<Token> tokens, int from, int limit, Columns columns) {
        this.tokens = tokens;
        this.position = from;
        this.limit = limit;
        this.columns = columns;
    }

    /** The scale of the expression starting at {@code from}, read no further than {@code limit} (exclusive). */
    static Result of(List<Token> tokens, int from, int limit, Columns columns) {
        DecimalScale parser = new DecimalScale(tokens, from, limit, columns);
        int scale = parser.expression();
        return new Result(scale == UNKNOWN ? UNKNOWN : Math.min(scale, MAX_SCALE), parser.position);
    }

    private int expression() {
        int scale = term();
        while (scale != UNKNOWN && (atSymbol("+") || atSymbol("-"))) {
            position++;
            scale = larger(scale, term());
        }
        return scale;
    }

    private int term() {
        int scale = unary();
        while (scale != UNKNOWN) {
            if (atSymbol("*")) {
                position++;
                int right = unary();
                scale = right == UNKNOWN ? UNKNOWN : scale + right;
            } else if (atSymbol("/")) {
                position++;
                scale = unary() == UNKNOWN ? UNKNOWN : scale + DIV_PRECISION_INCREMENT;
            } else if (atSymbol("%") || atWord("MOD")) {
                position++;
                scale = larger(scale, unary());
            } else {
                return atWord("DIV") ? UNKNOWN : scale;
            }
        }
        return scale;
    }

    private int unary() {
        if (atSymbol("-") || atSymbol("+")) {
            position++;
            return unary();
        }
        return primary();
    }

    private int primary() {
        if (position >= limit) {
            return UNKNOWN;
        }
        Token token = tokens.get(position);
        if (token.kind() == Token.Kind.NUMBER) {
            position++;
            return literal(token.text());
        }
        if (token.isSymbol("(")) {
            position++;
            int scale = expression();
            return scale != UNKNOWN && accept(")") ? scale : UNKNOWN;
        }
        if (!token.isIdentifier()) {
            return UNKNOWN;
        }
        if (token.kind() == Token.Kind.WORD && position + 1 < limit && tokens.get(position + 1).isSymbol("(")) {
            return call(token.upper());
        }
        int start = position;
        position++;
        while (position + 1 < limit && atSymbol(".") && tokens.get(position + 1).isIdentifier()) {
            position += 2;
        }
        return columns.scale(start, position);
    }

    private int call(String name) {
        position += 2;
        if (name.equals("SUM") || name.equals("MIN") || name.equals("MAX")) {
            if (atWord("DISTINCT")) {
                position++;
            }
            return oneArgument();
        }
        return switch (name) {
            case "ABS" -> oneArgument();
            case "ROUND", "TRUNCATE" -> rounded();
            case "IFNULL", "COALESCE", "GREATEST", "LEAST" -> largestArgument();
            case "NULLIF" -> {
                int scale = expression();
                yield scale != UNKNOWN && accept(",") && expression() != UNKNOWN && accept(")") ? scale : UNKNOWN;
            }
            default -> UNKNOWN;
        };
    }

    private int oneArgument() {
        int scale = expression();
        return scale != UNKNOWN && accept(")") ? scale : UNKNOWN;
    }

    private int largestArgument() {
        int scale = expression();
        while (scale != UNKNOWN && accept(",")) {
            scale = larger(scale, expression());
        }
        return scale != UNKNOWN && accept(")") ? scale : UNKNOWN;
    }

    /**
     * ROUND(x, n), TRUNCATE(x, n) with a literal n of 1 or more and a DECIMAL x: n, as MySQL declares it. An x of
     * scale 0 may be an integer, which MySQL rounds as one.
     */
    private int rounded() {
        int scale = expression();
        if (scale <= 0 || !accept(",") || position >= limit) {
            return UNKNOWN;
        }
        Token digits = tokens.get(position);
        if (digits.kind() != Token.Kind.NUMBER || !Token.isDigits(digits.text()) || digits.text().length() > 2) {
            return UNKNOWN;
        }
        position++;
        int places = Integer.parseInt(digits.text());
        return places >= 1 && accept(")") ? places : UNKNOWN;
    }

    /** A decimal literal's digits after the point; an approximate (1e3) or hexadecimal one has none to give. */
    private static int literal(String text) {
        if (Token.isDigits(text)) {
            return 0;
        }
        int point = text.indexOf('.');
        if (point < 0 || !Token.isDigits(text.replace(".", ""))) {
            return UNKNOWN;
        }
        return text.length() - point - 1;
    }

    private static int larger(int left, int right) {
        return left == UNKNOWN || right == UNKNOWN ? UNKNOWN : Math.max(left, right);
    }

    private boolean accept(String symbol) {
        if (atSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean atSymbol(String symbol) {
        return position < limit && tokens.get(position).isSymbol(symbol);
    }

    private boolean atWord(String word) {
        return position < limit && tokens.get(position).isWord(word);
    }
}
