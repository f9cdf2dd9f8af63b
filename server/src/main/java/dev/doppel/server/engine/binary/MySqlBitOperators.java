package dev.doppel.server.engine.binary;

import org.h2.value.Value;
import org.h2.value.ValueNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * MySQL's bit operators &amp;, |, ^, ~, &lt;&lt; and &gt;&gt; (the engine has none of them as operators): both
 * operands become unsigned 64-bit integers (a negative one in two's complement, a fraction rounded, a binary string
 * read as a big-endian number) and so does the result, 0 .. 18446744073709551615, as MySQL's BIGINT UNSIGNED.
 * Registered as PUBLIC.MYSQL_BIT_*; sql.translate.BitOperators writes the operators as their calls.
 */
public final class MySqlBitOperators {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MAX_UNSIGNED = TWO_TO_64.subtract(BigInteger.ONE);
    private static final BigInteger MIN_SIGNED = BigInteger.ONE.shiftLeft(63).negate();

    private MySqlBitOperators() {
    }

    public static BigDecimal and(Value a, Value b) {
        return absent(a) || absent(b) ? null : result(bits(a) & bits(b));
    }

    public static BigDecimal or(Value a, Value b) {
        return absent(a) || absent(b) ? null : result(bits(a) | bits(b));
    }

    public static BigDecimal xor(Value a, Value b) {
        return absent(a) || absent(b) ? null : result(bits(a) ^ bits(b));
    }

    public static BigDecimal not(Value a) {
        return absent(a) ? null : result(~bits(a));
    }

    public static BigDecimal shiftLeft(Value a, Value count) {
        if (absent(a) || absent(count)) {
            return null;
        }
        long by = bits(count);
        return result(by < 0 || by >= 64 ? 0 : bits(a) << by);
    }

    public static BigDecimal shiftRight(Value a, Value count) {
        if (absent(a) || absent(count)) {
            return null;
        }
        long by = bits(count);
        return result(by < 0 || by >= 64 ? 0 : bits(a) >>> by);
    }

    /** The operand as 64 bits, read as MySQL reads it for a bit operator. */
    static long bits(Value value) {
        switch (value.getValueType()) {
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT:
                return value.getLong();
            case Value.BOOLEAN:
                return value.getBoolean() ? 1 : 0;
            case Value.BINARY, Value.VARBINARY, Value.BLOB:
                long result = 0;
                for (byte each : value.getBytesNoCopy()) {
                    result = (result << 8) | (each & 0xFF);
                }
                return result;
            default:
                break;
        }
        BigInteger number;
        try {
            number = value.getBigDecimal().setScale(0, RoundingMode.HALF_UP).toBigInteger();
        } catch (RuntimeException e) {
            return 0; // text that is no number counts as 0, as in MySQL
        }
        if (number.compareTo(MAX_UNSIGNED) > 0) {
            return -1L;
        }
        if (number.compareTo(MIN_SIGNED) < 0) {
            return Long.MIN_VALUE;
        }
        return number.longValue();
    }

    private static BigDecimal result(long bits) {
        BigInteger unsigned = BigInteger.valueOf(bits);
        return new BigDecimal(bits < 0 ? unsigned.add(TWO_TO_64) : unsigned);
    }

    private static boolean absent(Value value) {
        return value == null || value == ValueNull.INSTANCE;
    }
}
