package dev.doppel.server.config;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.config.variables.SqlMode;
import dev.doppel.server.config.variables.VariableChecker;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Converts option arguments the way MySQL's my_getopt does: numbers with K/M/G/T/P/E suffixes,
 * clamped to the option's range with a warning, booleans from true/false/on/off/1/0, ENUM names
 * (a unique prefix or the index also works) and SET lists. Problems are reported with my_getopt's
 * global error codes (EE_*); a {@link Failure} means the option could not be set.
 */
final class OptionValues {
    static final int EE_UNKNOWN_SUFFIX = 58;
    static final int EE_OPTION_WITH_EMPTY_VALUE = 74;
    static final int EE_INCORRECT_BOOLEAN_VALUE = 76;
    static final int EE_INCORRECT_INT_VALUE = 78;
    static final int EE_INCORRECT_UINT_VALUE = 79;
    static final int EE_ADJUSTED_SIGNED_VALUE = 80;
    static final int EE_ADJUSTED_UNSIGNED_VALUE = 81;
    static final int EE_ADJUSTED_ULONGLONG_VALUE = 82;
    static final int EE_ADJUSTED_DOUBLE_VALUE = 83;
    static final int EE_INVALID_DECIMAL_VALUE = 84;
    private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final String SUFFIXES = "kmgtpe";

    private OptionValues() {
    }

    /** The option could not be set; {@code error} (may be null) is printed before "Error while setting value". */
    static final class Failure extends Exception {
        private final transient ConfigWarning error;

        Failure(ConfigWarning error) {
            super(error == null ? null : error.text(), null, false, false);
            this.error = error;
        }

        ConfigWarning error() {
            return error;
        }
    }

    /** get_bool_argument: true/on/1 and false/off/0, case-insensitive; null for anything else. */
    static Boolean bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true", "on", "1" -> Boolean.TRUE;
            case "false", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A boolean system variable's option: unrecognised values become OFF with warning 76. */
    static boolean boolOrOff(OptionDefinition option, String text, List<ConfigWarning> warnings) {
        Boolean result = bool(text);
        if (result == null) {
            warnings.add(ConfigWarning.warning(EE_INCORRECT_BOOLEAN_VALUE, "option '" + option.name()
                    + "': boolean value '" + text + "' was not recognized. Set to OFF."));
            return false;
        }
        return result;
    }

    static long unsigned(OptionDefinition option, String text, List<ConfigWarning> warnings) throws Failure {
        long number;
        if (text.stripLeading().startsWith("-")) {
            number = option.min();
            warnings.add(ConfigWarning.warning(EE_ADJUSTED_ULONGLONG_VALUE, "option '" + option.name() + "': value "
                    + text + " adjusted to " + Long.toUnsignedString(number) + "."));
        } else {
            number = withSuffix(option, text, true).longValue();
        }
        long result = number;
        boolean adjusted = false;
        if (Long.compareUnsigned(result, option.max()) > 0) {
            result = option.max();
            adjusted = true;
        }
        if (option.blockSize() > 1) {
            result = Long.divideUnsigned(result, option.blockSize()) * option.blockSize();
        }
        if (Long.compareUnsigned(result, option.min()) < 0) {
            result = option.min();
            adjusted |= Long.compareUnsigned(number, option.min()) < 0;
        }
        if (adjusted) {
            warnings.add(ConfigWarning.warning(EE_ADJUSTED_UNSIGNED_VALUE, "option '" + option.name()
                    + "': unsigned value " + Long.toUnsignedString(number) + " adjusted to "
                    + Long.toUnsignedString(result) + "."));
        }
        return result;
    }

    static long signed(OptionDefinition option, String text, List<ConfigWarning> warnings) throws Failure {
        long number = withSuffix(option, text, false).longValue();
        long result = number;
        boolean adjusted = false;
        if (result > 0 && result > option.max()) {
            result = option.max();
            adjusted = true;
        }
        result = result / option.blockSize() * option.blockSize();
        if (result < option.min()) {
            result = option.min();
            adjusted |= number < option.min();
        }
        if (adjusted) {
            warnings.add(ConfigWarning.warning(EE_ADJUSTED_SIGNED_VALUE, "option '" + option.name()
                    + "': signed value " + number + " adjusted to " + result + "."));
        }
        return result;
    }

    /** eval_num_suffix: leading digits, then one of K M G T P E (case-insensitive) multiplies by 2^10.. 2^60. */
    private static BigInteger withSuffix(OptionDefinition option, String text, boolean unsigned) throws Failure {
        int position = 0;
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (position < text.length() && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
            position++;
        }
        int digits = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        BigInteger number = position == digits ? BigInteger.ZERO : new BigInteger(text.substring(start, position));
        if (position < text.length()) {
            int suffix = SUFFIXES.indexOf(Character.toLowerCase(text.charAt(position)));
            if (suffix < 0) {
                throw new Failure(ConfigWarning.error(EE_UNKNOWN_SUFFIX, "Unknown suffix '" + text.charAt(position)
                        + "' used for variable '" + option.name() + "' (value '" + text + "')."));
            }
            number = number.shiftLeft(10 * (suffix + 1));
        }
        boolean outOfRange = unsigned
                ? number.signum() < 0 || number.compareTo(UNSIGNED_LIMIT) >= 0
                : number.bitLength() > 63;
        if (outOfRange) {
            throw new Failure(unsigned
                    ? ConfigWarning.error(EE_INCORRECT_UINT_VALUE, "Incorrect unsigned integer value: '" + text + "'.")
                    : ConfigWarning.error(EE_INCORRECT_INT_VALUE, "Incorrect integer value: '" + text + "'."));
        }
        return number;
    }

    static double decimal(OptionDefinition option, String text, List<ConfigWarning> warnings) throws Failure {
        double number;
        try {
            number = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new Failure(ConfigWarning.error(EE_INVALID_DECIMAL_VALUE, "Invalid decimal value for option '"
                    + option.name() + "'."));
        }
        double result = Math.max(Math.min(number, option.max()), option.min());
        if (result != number) {
            warnings.add(ConfigWarning.warning(EE_ADJUSTED_DOUBLE_VALUE, "option '" + option.name() + "': value "
                    + general(number) + " adjusted to " + general(result) + "."));
        }
        return result;
    }

    /** C's %g. */
    private static String general(double value) {
        String result = String.format(Locale.ROOT, "%g", value);
        if (result.contains("e")) {
            return result;
        }
        return result.contains(".") ? result.replaceAll("0+$", "").replaceAll("\\.$", "") : result;
    }

    /** find_type: exact name, else a unique prefix (case-insensitive), else the index as a number. */
    static String enumeration(OptionDefinition option, String text) throws Failure {
        String match = null;
        int prefixMatches = 0;
        for (String each : option.values()) {
            if (each.equalsIgnoreCase(text)) {
                return each;
            }
            if (!text.isEmpty() && each.toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT))) {
                match = each;
                prefixMatches++;
            }
        }
        if (prefixMatches == 1) {
            return match;
        }
        if (prefixMatches == 0 && isDigits(text, 9) && Integer.parseInt(text) < option.values().size()) {
            return option.values().get(Integer.parseInt(text));
        }
        throw new Failure(null);
    }

    /** find_typeset: comma-separated names, or a numeric bitmask; sql_mode also expands ANSI/TRADITIONAL. */
    static String set(OptionDefinition option, String text) throws Failure {
        boolean sqlMode = option.name().equals("sql_mode");
        try {
            if (isDigits(text, 18)) {
                long bits = Long.parseLong(text);
                if (sqlMode) {
                    return SqlMode.format(SqlMode.fromBits(option.name(), bits));
                }
                if (bits >= 1L << option.values().size()) {
                    throw new Failure(null);
                }
                return VariableChecker.formatSet(option.values(), bits);
            }
            if (sqlMode) {
                return SqlMode.format(SqlMode.parse(option.name(), text));
            }
            long bits = 0;
            for (String each : text.split(",", -1)) {
                int index = indexOfIgnoreCase(option.values(), each);
                if (index < 0) {
                    throw new Failure(null);
                }
                bits |= 1L << index;
            }
            return VariableChecker.formatSet(option.values(), bits);
        } catch (MySqlException e) {
            throw new Failure(null);
        }
    }

    private static int indexOfIgnoreCase(List<String> names, String text) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(text)) {
                return i;
            }
        }
        return -1;
    }

    /** 1 to maxLength ASCII digits; String.matches would compile a pattern per SET. */
    private static boolean isDigits(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
