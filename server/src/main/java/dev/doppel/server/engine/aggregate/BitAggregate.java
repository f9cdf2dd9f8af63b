package dev.doppel.server.engine.aggregate;

import dev.doppel.server.engine.binary.UnsignedBits;
import org.h2.api.Aggregate;
import org.h2.value.Value;

import java.math.BigDecimal;
import java.sql.Connection;

/**
 * MySQL's BIT_AND, BIT_OR and BIT_XOR as engine aggregates, one instance per group: over unsigned 64-bit integers,
 * with MySQL's result for a group without values (BIT_AND all ones, 18446744073709551615; BIT_OR and BIT_XOR 0), where
 * the engine's own BIT_*_AGG give NULL and keep the argument's signed type. Operands are read as the bit operators
 * read them (engine.binary.MySqlBitOperators): integers as they are, negative ones in two's complement, fractions
 * rounded, text by its numeric value. Registered anew at every start as PUBLIC.MYSQL_BIT_AND_AGG, _OR_AGG, _XOR_AGG.
 */
public abstract sealed class BitAggregate implements Aggregate {
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
        return UnsignedBits.decimal(bits);
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
                return UnsignedBits.ofBytes(bytes);
            }
            default -> {
                try {
                    return UnsignedBits.ofNumber(new BigDecimal(value.toString().trim()));
                } catch (NumberFormatException e) {
                    return 0;
                }
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
