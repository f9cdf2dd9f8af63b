package dev.doppel.server.engine.binary;

import org.h2.value.Value;

import java.math.BigDecimal;

/**
 * MySQL's bit operators &amp;, |, ^, ~, &lt;&lt; and &gt;&gt; (the engine has none of them as operators): both
 * operands become unsigned 64-bit integers (a negative one in two's complement, a fraction rounded, a binary string
 * read as a big-endian number) and so does the result, 0 .. 18446744073709551615, as MySQL's BIGINT UNSIGNED.
 * Registered as PUBLIC.MYSQL_BIT_*; sql.translate.statements.BitOperators writes the operators as their calls.
 */
public final class MySqlBitOperators {
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
                return UnsignedBits.ofBytes(value.getBytesNoCopy());
            default:
                break;
        }
        try {
            return UnsignedBits.ofNumber(value.getBigDecimal());
        } catch (RuntimeException e) {
            return 0; // text that is no number counts as 0, as in MySQL
        }
    }

    private static BigDecimal result(long bits) {
        return UnsignedBits.decimal(bits);
    }

    private static boolean absent(Value value) {
        return MySqlValueBytes.isNull(value);
    }
}
