package dev.doppel.server.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * MySQL's division operators as engine functions: {@code a / b} is a DECIMAL with the dividend's scale plus
 * div_precision_increment (4), {@code a DIV b} an integer, and a zero divisor gives NULL with warning 1365
 * (an error in a strict INSERT/UPDATE, see {@link StatementEffects}).
 */
public final class MySqlArithmetic {
    /** div_precision_increment's default; the variable itself is not served. */
    private static final int DIV_PRECISION_INCREMENT = 4;
    /** MySQL's DECIMAL holds at most 30 digits after the point. */
    private static final int MAX_SCALE = 30;

    private MySqlArithmetic() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (dividend == null || divisor == null) {
            return null;
        }
        if (divisor.signum() == 0) {
            StatementEffects.divisionByZero();
            return null;
        }
        int scale = Math.min(Math.max(dividend.scale(), 0) + DIV_PRECISION_INCREMENT, MAX_SCALE);
        return dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }

    public static Long integerDivide(BigDecimal dividend, BigDecimal divisor) throws SQLException {
        if (dividend == null || divisor == null) {
            return null;
        }
        if (divisor.signum() == 0) {
            StatementEffects.divisionByZero();
            return null;
        }
        return dividend.divide(divisor, 0, RoundingMode.DOWN).longValueExact();
    }

    /** LAST_INSERT_ID(expr): returns expr and makes it the session's LAST_INSERT_ID(). */
    public static Long lastInsertId(Long value) {
        if (value != null) {
            StatementEffects.insertIdSet(value);
        }
        return value;
    }
}
