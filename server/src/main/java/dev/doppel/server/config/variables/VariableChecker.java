package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.MySqlCharset;
import dev.doppel.server.config.MySqlCollation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the value of a SET into a variable's canonical value the way MySQL's sys_var checks do:
 * 1232 for a value of the wrong type, 1231 for a value outside an ENUM/SET or NULL where not allowed,
 * and out-of-range numbers clamped with warning 1292 (error 1231 under STRICT_ALL_TABLES).
 *
 * <p>Accepted Java values stand for SQL expression types: Long/Integer/BigInteger/Boolean are integers,
 * BigDecimal is a decimal, Double/Float is a real, String is a string and null is NULL.
 */
public final class VariableChecker {
    private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

    private VariableChecker() {
    }

    public static Object check(SystemVariable variable, Object value, boolean strictAllTables, List<VariableWarning> warnings) {
        Object input = value instanceof Integer each ? Long.valueOf(each)
                : value instanceof Boolean each ? (each ? 1L : 0L)
                : value instanceof Float each ? Double.valueOf(each) : value;
        return switch (variable.type()) {
            case INTEGER, UNSIGNED -> checkInteger(variable, input, strictAllTables, warnings);
            case DOUBLE -> checkDouble(variable, input, strictAllTables, warnings);
            case BOOLEAN, ENUM -> checkEnum(variable, input);
            case SET -> checkSet(variable, input);
            case STRING -> checkString(variable, input);
            case CHARSET -> checkCharset(variable, input, warnings);
            case COLLATION -> checkCollation(variable, input);
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || (value instanceof BigInteger each && each.signum() >= 0
                && each.compareTo(UNSIGNED_LIMIT) < 0);
    }

    private static String text(Object value) {
        return value == null ? "NULL" : value instanceof Double each ? doubleText(each) : value.toString();
    }

    private static String doubleText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static MySqlException wrongType(SystemVariable variable) {
        return MySqlError.ER_WRONG_TYPE_FOR_VAR.exception(variable.name());
    }

    private static Object checkInteger(SystemVariable variable, Object value, boolean strict, List<VariableWarning> warnings) {
        if (!isInteger(value)) {
            throw wrongType(variable);
        }
        boolean unsigned = variable.type() == VariableType.UNSIGNED;
        long raw = value instanceof BigInteger big ? big.longValue() : (Long) value;
        boolean bigUnsigned = value instanceof BigInteger big && big.bitLength() > 63;
        long result;
        if (unsigned) {
            result = raw < 0 && !bigUnsigned ? 0 : raw;
            if (Long.compareUnsigned(result, variable.max()) > 0) {
                result = variable.max();
            }
            result = Long.divideUnsigned(result, variable.blockSize()) * variable.blockSize();
            if (Long.compareUnsigned(result, variable.min()) < 0) {
                result = variable.min();
            }
        } else {
            result = bigUnsigned ? Long.MAX_VALUE : raw;
            result = Math.min(result, variable.max());
            result = result / variable.blockSize() * variable.blockSize();
            result = Math.max(result, variable.min());
        }
        if (result != raw || (bigUnsigned && !unsigned)) {
            boundsWarning(variable, text(value), strict, warnings);
        }
        return result;
    }

    private static Object checkDouble(SystemVariable variable, Object value, boolean strict, List<VariableWarning> warnings) {
        double number;
        if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double) {
            number = ((Number) value).doubleValue();
        } else {
            throw wrongType(variable);
        }
        double result = Math.max(Math.min(number, variable.max()), variable.min());
        if (result != number) {
            boundsWarning(variable, text(value), strict, warnings);
        }
        return result;
    }

    /** MySQL's throw_bounds_warning. */
    private static void boundsWarning(SystemVariable variable, String original, boolean strict, List<VariableWarning> warnings) {
        if (strict) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), original);
        }
        warnings.add(VariableWarning.of(MySqlError.ER_TRUNCATED_WRONG_VALUE, variable.name(), original));
    }

    private static Object checkEnum(SystemVariable variable, Object value) {
        int index;
        if (value instanceof String text) {
            index = indexOf(variable.values(), text);
        } else if (isInteger(value)) {
            long number = value instanceof BigInteger big ? -1 : (Long) value;
            index = number >= 0 && number < variable.values().size() ? (int) number : -1;
        } else if (value == null) {
            index = -1;
        } else {
            throw wrongType(variable);
        }
        if (index < 0) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), text(value));
        }
        return variable.type() == VariableType.BOOLEAN ? (Object) (index == 1) : variable.values().get(index);
    }

    private static int indexOf(List<String> names, String text) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(text)) {
                return i;
            }
        }
        return -1;
    }

    private static Object checkSet(SystemVariable variable, Object value) {
        boolean sqlMode = variable.name().equals("sql_mode");
        if (value instanceof String text) {
            if (sqlMode) {
                return SqlMode.format(SqlMode.parse(variable.name(), text));
            }
            long bits = 0;
            for (String each : text.split(",", -1)) {
                if (each.isEmpty()) {
                    continue;
                }
                int index = indexOf(variable.values(), each);
                if (index < 0) {
                    throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), each);
                }
                bits |= 1L << index;
            }
            return formatSet(variable.values(), bits);
        }
        if (isInteger(value)) {
            long bits = value instanceof BigInteger ? -1 : (Long) value;
            if (sqlMode) {
                return SqlMode.format(SqlMode.fromBits(variable.name(), bits));
            }
            if (bits < 0 || bits >= 1L << variable.values().size()) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), text(value));
            }
            return formatSet(variable.values(), bits);
        }
        if (value == null) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), "NULL");
        }
        throw wrongType(variable);
    }

    public static String formatSet(List<String> names, long bits) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                if (!result.isEmpty()) {
                    result.append(',');
                }
                result.append(names.get(i));
            }
        }
        return result.toString();
    }

    private static Object checkString(SystemVariable variable, Object value) {
        if (value == null) {
            if (!variable.nullable()) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), "NULL");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw wrongType(variable);
        }
        return variable.validator() == null ? text : variable.validator().validate(variable.name(), text);
    }

    private static Object checkCharset(SystemVariable variable, Object value, List<VariableWarning> warnings) {
        MySqlCharset charset;
        if (value == null) {
            if (!variable.nullable()) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), "NULL");
            }
            return null;
        } else if (value instanceof String text) {
            charset = Charsets.charset(text)
                    .orElseThrow(() -> MySqlError.ER_UNKNOWN_CHARACTER_SET.exception(text));
            deprecationWarning(text, warnings);
        } else if (isInteger(value)) {
            charset = collationById(value).map(Charsets::charsetOf)
                    .orElseThrow(() -> MySqlError.ER_UNKNOWN_CHARACTER_SET.exception(text(value)));
        } else {
            throw wrongType(variable);
        }
        return variable.validator() == null ? charset.name() : variable.validator().validate(variable.name(), charset.name());
    }

    /** MySQL 8.4 warns when the deprecated utf8mb3 (or its alias utf8) is chosen. */
    static void deprecationWarning(String name, List<VariableWarning> warnings) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(Charsets.UTF8_ALIAS)) {
            warnings.add(VariableWarning.of(MySqlError.ER_DEPRECATED_UTF8_ALIAS));
        } else if (lower.equals("utf8mb3")) {
            warnings.add(VariableWarning.of(MySqlError.ER_WARN_DEPRECATED_SYNTAX, "utf8mb3", "utf8mb4"));
        }
    }

    private static Optional<MySqlCollation> collationById(Object value) {
        long id = value instanceof BigInteger ? -1 : (Long) value;
        return id >= 0 && id <= Integer.MAX_VALUE ? Charsets.collation((int) id) : Optional.empty();
    }

    private static Object checkCollation(SystemVariable variable, Object value) {
        MySqlCollation collation;
        if (value == null) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable.name(), "NULL");
        } else if (value instanceof String text) {
            collation = Charsets.collation(text).orElseThrow(() -> MySqlError.ER_UNKNOWN_COLLATION.exception(text));
        } else if (isInteger(value)) {
            collation = collationById(value).orElseThrow(() -> MySqlError.ER_UNKNOWN_COLLATION.exception(text(value)));
        } else {
            throw wrongType(variable);
        }
        return variable.validator() == null ? collation.name()
                : variable.validator().validate(variable.name(), collation.name());
    }
}
