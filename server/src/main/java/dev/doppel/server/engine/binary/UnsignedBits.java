package dev.doppel.server.engine.binary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * MySQL's bit operations work on unsigned 64-bit integers: how an operand becomes one (a negative number in two's
 * complement, a fraction rounded, a value past the range clamped, a binary string read big-endian) and how the 64
 * bits read as the unsigned result. Shared by the bit operators and the bit aggregates.
 */
public final class UnsignedBits {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private UnsignedBits() {
    }

    public static long ofBytes(byte[] bytes) {
        long result = 0;
        for (byte each : bytes) {
            result = (result << 8) | (each & 0xFF);
        }
        return result;
    }

    public static long ofNumber(BigDecimal value) {
        BigInteger number = value.setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (number.signum() >= 0 && number.bitLength() > 64) {
            return -1L;
        }
        if (number.signum() < 0 && number.bitLength() > 63) {
            return Long.MIN_VALUE;
        }
        return number.longValue();
    }

    /** The 64 bits as the unsigned number they are, 0 .. 18446744073709551615. */
    public static BigDecimal decimal(long bits) {
        BigInteger unsigned = BigInteger.valueOf(bits);
        return new BigDecimal(bits < 0 ? unsigned.add(TWO_TO_64) : unsigned);
    }
}
