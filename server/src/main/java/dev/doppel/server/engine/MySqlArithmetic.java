package dev.doppel.server.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * MySQL's division operators as engine functions: {@code a / b} is a DECIMAL with the dividend's scale plus
 * div_precision_increment (4), {@code a DIV b} an integer, and a zero divisor gives NULL with warning 1365
 * (an error in a strict INSERT/UPDATE, see {@link StatementEffects}). {@link #divideExact} keeps the digits MySQL's
 * quotient carries inside an expression, for a select-list item that rounds to its declared scale at the end
 * (sql.translate.operators.DivisionResults).
 */
public final class MySqlArithmetic {
    /** div_precision_increment's default; the variable itself is not served. */
    private static final int DIV_PRECISION_INCREMENT = 4;
    /** MySQL's DECIMAL holds at most 30 digits after the point. */
    private static final int MAX_SCALE = 30;

    private MySqlArithmetic() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (isNull(dividend, divisor)) {
            return null;
        }
        int scale = Math.min(Math.max(dividend.scale(), 0) + DIV_PRECISION_INCREMENT, MAX_SCALE);
        return dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }

    /**
     * The quotient as MySQL's decimal library computes it: the operands' fractions are counted in whole groups of
     * nine digits, div_precision_increment adds to what that padding does not already give, and the quotient is cut
     * (not rounded) after as many nine-digit groups as that makes. {@code 2 / 3} is 0.666666666, so that
     * {@code 2 / 3 * 100} is 66.6666666 before its item rounds to 4 decimals: 66.6667.
     */
    public static BigDecimal divideExact(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (isNull(dividend, divisor)) {
            return null;
        }
        int dividendDigits = Math.max(dividend.scale(), 0);
        int divisorDigits = Math.max(divisor.scale(), 0);
        int dividendGroups = wholeGroups(dividendDigits);
        int divisorGroups = wholeGroups(divisorDigits);
        int increment = Math.max(0, DIV_PRECISION_INCREMENT
                - (dividendGroups - dividendDigits) - (divisorGroups - divisorDigits));
        int scale = wholeGroups(dividendGroups + divisorGroups + increment);
        return dividend.divide(divisor, scale, RoundingMode.DOWN);
    }

    /** Whether the quotient is NULL: an operand is, or the divisor is 0 (warning 1365, or the error in strict DML). */
    private static boolean isNull(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (dividend == null || divisor == null) {
            return true;
        }
        if (divisor.signum() == 0) {
            StatementEffects.divisionByZero();
            return true;
        }
        return false;
    }

    /** {@code digits} rounded up to whole groups of nine, as MySQL's decimals store them. */
    private static int wholeGroups(int digits) {
        return (digits + 8) / 9 * 9;
    }

    public static Long integerDivide(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (isNull(dividend, divisor)) {
            return null;
        }
        return dividend.divide(divisor, 0, RoundingMode.DOWN).longValueExact();
    }

    /**
     * The divisor of {@code x % 0} and {@code MOD(x, 0)}: NULL, so that the remainder is NULL, with warning 1365 (the
     * error in a strict INSERT or UPDATE), as MySQL gives; the engine's MOD fails on 0.
     */
    public static Integer zeroDivisor() throws SQLException {
        StatementEffects.divisionByZero();
        return null;
    }

    /**
     * INTERVAL(n, n1, n2, ...): how many of the bounds, which MySQL takes to be in ascending order, are not above n;
     * -1 when n is NULL. As MySQL does, eight bounds or more are searched by halves and fewer one by one (a NULL
     * bound counts as 0), so that an unordered list answers as MySQL's does.
     */
    public static Long interval(BigDecimal value, BigDecimal... bounds) {
        if (value == null) {
            return -1L;
        }
        if (bounds.length < 8) {
            for (int i = 0; i < bounds.length; i++) {
                if (bounds[i] != null && bounds[i].compareTo(value) > 0) {
                    return (long) i;
                }
            }
            return (long) bounds.length;
        }
        int start = 0;
        int end = bounds.length - 1;
        while (start < end) {
            int middle = (start + end + 1) / 2;
            if (bound(bounds[middle]).compareTo(value) <= 0) {
                start = middle;
            } else {
                end = middle - 1;
            }
        }
        return value.compareTo(bound(bounds[start])) < 0 ? 0L : start + 1L;
    }

    private static BigDecimal bound(BigDecimal bound) {
        return bound == null ? BigDecimal.ZERO : bound;
    }

    /** LAST_INSERT_ID(expr): returns expr and makes it the session's LAST_INSERT_ID(). */
    public static Long lastInsertId(Long value) {
        if (value != null) {
            StatementEffects.insertIdSet(value);
        }
        return value;
    }

    /**
     * Text as MySQL reads it where it is compared with a number: the longest prefix that is a number (after leading
     * spaces), 0 when there is none; spaces after the number are no more than that; text that is not a number as a whole gets warning 1292 (an error in a statement
     * that changes rows in strict mode), as MySQL does.
     */
    public static Double textNumber(String text) {
        if (text == null) {
            return null;
        }
        int start = afterSpaces(text, 0);
        int end = numberPrefix(text, start);
        warnUnlessWhole("DOUBLE", text, end, end == start);
        return end == start ? 0.0 : Double.parseDouble(text.substring(start, end));
    }

    /**
     * Text as CAST(text AS DECIMAL) reads it: the longest prefix that is a number, exactly, 0 when there is none, with
     * warning 1292 "Truncated incorrect DECIMAL value" when the text is more than that.
     */
    public static java.math.BigDecimal textDecimal(String text) {
        if (text == null) {
            return null;
        }
        int start = afterSpaces(text, 0);
        int end = numberPrefix(text, start);
        warnUnlessWhole("DECIMAL", text, end, end == start);
        return end == start ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(text.substring(start, end));
    }

    private static int afterSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * Text as CAST(text AS SIGNED) reads it: the longest prefix of [+-] digits (after leading spaces), 0 when there is
     * none, with warning 1292 "Truncated incorrect INTEGER value" when the text is more than that.
     */
    public static Long textInteger(String text) {
        if (text == null) {
            return null;
        }
        int start = afterSpaces(text, 0);
        int end = start < text.length() && (text.charAt(start) == '+' || text.charAt(start) == '-') ? start + 1 : start;
        int digits = end;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        long value;
        try {
            value = end == digits ? 0 : Long.parseLong(text.substring(start, end));
        } catch (NumberFormatException tooLong) {
            value = text.charAt(start) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        warnUnlessWhole("INTEGER", text, end, end == digits);
        return value;
    }

    /** Warning 1292 for {@code text} read as a {@code type} when no number was found or more than spaces follow it. */
    private static void warnUnlessWhole(String type, String text, int end, boolean none) {
        if (afterSpaces(text, end) < text.length() || none) {
            StatementEffects.Listener listener = StatementEffects.current();
            if (listener != null) {
                listener.truncatedNumber(type, text);
            }
        }
    }

    /** The end of the number at {@code start}: [+-] digits [. digits] [(e|E) [+-] digits]; {@code start} if none. */
    private static int numberPrefix(String text, int start) {
        int i = start;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        boolean integerPart = i > digits;
        if (i < text.length() && text.charAt(i) == '.') {
            int fraction = i + 1;
            int j = fraction;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j > fraction || integerPart) {
                i = j;
                integerPart = true;
            }
        }
        if (!integerPart) {
            return start;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int exponent = j;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j > exponent) {
                i = j;
            }
        }
        return i;
    }
}
