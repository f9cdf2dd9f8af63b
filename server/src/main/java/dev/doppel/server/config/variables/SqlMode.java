package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sql_mode set: MySQL's mode names in bit order, the combination modes ANSI and TRADITIONAL, and
 * parsing from a comma-separated list or a numeric bitmask with MySQL's errors.
 */
public final class SqlMode {
    /** Mode names in bit order (bit 0 first), as in MySQL 8.4's sql_mode_names. */
    static final List<String> NAMES = List.of(
            "REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "NOT_USED", "ONLY_FULL_GROUP_BY",
            "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "NOT_USED_9", "NOT_USED_10", "NOT_USED_11",
            "NOT_USED_12", "NOT_USED_13", "NOT_USED_14", "NOT_USED_15", "NOT_USED_16", "NOT_USED_17",
            "NOT_USED_18", "ANSI", "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES", "STRICT_TRANS_TABLES",
            "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ALLOW_INVALID_DATES",
            "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", "NOT_USED_29", "HIGH_NOT_PRECEDENCE",
            "NO_ENGINE_SUBSTITUTION", "PAD_CHAR_TO_FULL_LENGTH", "TIME_TRUNCATE_FRACTIONAL");

    public static final long REAL_AS_FLOAT = bit("REAL_AS_FLOAT");
    public static final long PIPES_AS_CONCAT = bit("PIPES_AS_CONCAT");
    public static final long ANSI_QUOTES = bit("ANSI_QUOTES");
    public static final long IGNORE_SPACE = bit("IGNORE_SPACE");
    public static final long ONLY_FULL_GROUP_BY = bit("ONLY_FULL_GROUP_BY");
    public static final long ANSI = bit("ANSI");
    public static final long NO_BACKSLASH_ESCAPES = bit("NO_BACKSLASH_ESCAPES");
    public static final long STRICT_TRANS_TABLES = bit("STRICT_TRANS_TABLES");
    public static final long STRICT_ALL_TABLES = bit("STRICT_ALL_TABLES");
    public static final long NO_ZERO_IN_DATE = bit("NO_ZERO_IN_DATE");
    public static final long NO_ZERO_DATE = bit("NO_ZERO_DATE");
    public static final long ERROR_FOR_DIVISION_BY_ZERO = bit("ERROR_FOR_DIVISION_BY_ZERO");
    public static final long TRADITIONAL = bit("TRADITIONAL");
    public static final long NO_ENGINE_SUBSTITUTION = bit("NO_ENGINE_SUBSTITUTION");

    /** The bits of modes removed in MySQL 8.0; setting them fails with ER_UNSUPPORTED_SQL_MODE. */
    static final long REMOVED = 0x1003FF00L;

    /** MySQL 8.4's default sql_mode. */
    public static final String DEFAULT =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
                    + "NO_ENGINE_SUBSTITUTION";

    private SqlMode() {
    }

    private static long bit(String name) {
        return 1L << NAMES.indexOf(name);
    }

    /**
     * Parses a comma-separated list (names case-insensitive, not trimmed, empty elements ignored, as
     * MySQL's find_set) into a bitmask with ANSI and TRADITIONAL expanded.
     *
     * @throws dev.doppel.plugin.MySqlException 1231 naming the first unknown element, or 3899
     */
    public static long parse(String variable, String text) {
        long result = 0;
        for (String each : text.split(",", -1)) {
            if (each.isEmpty()) {
                continue;
            }
            int index = NAMES.indexOf(each.toUpperCase(Locale.ROOT));
            if (index < 0) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable, each);
            }
            result |= 1L << index;
        }
        return checked(result);
    }

    /** Validates a numeric bitmask as {@code SET sql_mode = <number>} does, expanding combinations. */
    public static long fromBits(String variable, long bits) {
        if (bits < 0 || bits >= 1L << NAMES.size()) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable, Long.toString(bits));
        }
        return checked(bits);
    }

    private static long checked(long bits) {
        if ((bits & REMOVED) != 0) {
            throw MySqlError.ER_UNSUPPORTED_SQL_MODE.exception(bits & REMOVED);
        }
        return expand(bits);
    }

    /** Adds the modes a combination mode stands for, as MySQL's expand_sql_mode. */
    static long expand(long bits) {
        long result = bits;
        if ((result & ANSI) != 0) {
            result |= REAL_AS_FLOAT | PIPES_AS_CONCAT | ANSI_QUOTES | IGNORE_SPACE | ONLY_FULL_GROUP_BY;
        }
        if ((result & TRADITIONAL) != 0) {
            result |= STRICT_TRANS_TABLES | STRICT_ALL_TABLES | NO_ZERO_IN_DATE | NO_ZERO_DATE
                    | ERROR_FOR_DIVISION_BY_ZERO | NO_ENGINE_SUBSTITUTION;
        }
        return result;
    }

    /** The canonical text: upper-case names in bit order, comma-separated. */
    public static String format(long bits) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                names.add(NAMES.get(i));
            }
        }
        return String.join(",", names);
    }

    /** The bitmask of a canonical sql_mode text. */
    public static long bits(String canonical) {
        return parse("sql_mode", canonical);
    }
}
