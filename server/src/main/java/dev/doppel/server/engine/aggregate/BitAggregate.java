package dev.doppel.server.engine.aggregate;

import org.h2.api.Aggregate;
import org.h2.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;

/**
 * MySQL's BIT_AND, BIT_OR and BIT_XOR as engine aggregates, one instance per group: over unsigned 64-bit integers,
 * with MySQL's result for a group without values (BIT_AND all ones, 18446744073709551615; BIT_OR and BIT_XOR 0), where
 * the engine's own BIT_*_AGG give NULL and keep the argument's signed type. Operands are read as the bit operators
 * read them (engine.binary.MySqlBitOperators): integers as they are, negative ones in two's complement, fractions
 * rounded, text by its numeric value. Registered anew at every start as PUBLIC.MYSQL_BIT_AND_AGG, _OR_AGG, _XOR_AGG.
 */
public abstract sealed class BitAggregate implements Aggregate {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private long bits;

    BitAggregate(long initial) {
        this.bits = initial;
    }

    abstract long combine(long sum, long value);

    @Override
    public void init(Connection connection) {
        // nothing to read from the connection
    }

    @Override
    public int getInternalType(int[] inputTypes) {
        return Value.NUMERIC;
    }

    @Override
    public void add(Object value) {
        if (value != null) {
            bits = combine(bits, bits(value));
        }
    }

    @Override
    public Object getResult() {
        BigInteger unsigned = BigInteger.valueOf(bits);
        return new BigDecimal(bits < 0 ? unsigned.add(TWO_TO_64) : unsigned);
    }

    static long bits(Object value) {
        switch (value) {
            case Long number -> {
                return number;
            }
            case Integer number -> {
                return number;
            }
            case Short number -> {
                return number;
            }
            case Byte number -> {
                return number;
            }
            case Boolean bool -> {
                return bool ? 1 : 0;
            }
            case byte[] bytes -> {
                long result = 0;
                for (byte each : bytes) {
                    result = (result << 8) | (each & 0xFF);
                }
                return result;
            }
            default -> {
                BigInteger number;
                try {
                    number = new BigDecimal(value.toString().trim()).setScale(0, RoundingMode.HALF_UP).toBigInteger();
                } catch (NumberFormatException e) {
                    return 0;
                }
                if (number.signum() >= 0 && number.bitLength() > 64) {
                    return -1L;
                }
                if (number.signum() < 0 && number.bitLength() > 63) {
                    return Long.MIN_VALUE;
                }
                return number.longValue();
            }
        }
    }

    /** BIT_AND. */
    public static final class And extends BitAggregate {
        public And() {
            super(-1L);
        }

        @Override
        long combine(long sum, long value) {
            return sum & value;
        }
    }

    /** BIT_OR. */
    public static final class Or extends BitAggregate {
        public Or() {
            super(0);
        }

        @Override
        long combine(long sum, long value) {
            return sum | value;
        }
    }

    /** BIT_XOR. */
    public static final class Xor extends BitAggregate {
        public Xor() {
            super(0);
        }

        @Override
        long combine(long sum, long value) {
            return sum ^ value;
        }
    }
}
