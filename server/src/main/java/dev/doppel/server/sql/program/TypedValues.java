package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.program.parse.DeclaredType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * What assigning a value to a variable of a declared type does: an integer rounds, a DECIMAL keeps its scale, text
 * too long for its length is refused (1406, as MySQL does in strict mode), a date drops its time.
 */
final class TypedValues {
    private TypedValues() {
    }

    /** {@code value} as a variable of this type holds it; {@code name} is the variable's, for the errors. */
    static Object assign(DeclaredType type, String name, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case INTEGER -> decimal(value).setScale(0, RoundingMode.HALF_UP).longValue();
            case DECIMAL -> decimal(value).setScale(type.scale(), RoundingMode.HALF_UP);
            case FLOAT -> decimal(value).doubleValue();
            case TEXT -> bounded(type, name, ProgramLiterals.text(value));
            case BINARY -> {
                byte[] bytes = value instanceof byte[] raw ? raw : ProgramLiterals.text(value).getBytes(StandardCharsets.UTF_8);
                if (type.length() > 0 && bytes.length > type.length()) {
                    throw MySqlError.ER_DATA_TOO_LONG.exception(name, 1);
                }
                yield bytes;
            }
            case DATE -> value instanceof java.sql.Timestamp stamp ? stamp.toLocalDateTime().toLocalDate()
                    : value instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : value;
            case DATETIME -> value instanceof java.sql.Date date ? date.toLocalDate().atStartOfDay()
                    : value instanceof LocalDate date ? date.atStartOfDay() : value;
            case TIME -> value instanceof java.sql.Timestamp stamp ? stamp.toLocalDateTime().toLocalTime()
                    : value instanceof LocalDateTime dateTime ? dateTime.toLocalTime() : value;
            case OTHER -> value;
        };
    }

    private static String bounded(DeclaredType type, String name, String text) {
        if (type.length() > 0 && text.codePointCount(0, text.length()) > type.length()) {
            throw MySqlError.ER_DATA_TOO_LONG.exception(name, 1);
        }
        return text;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : BigDecimal.ZERO;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof LocalTime || value instanceof LocalDate || value instanceof LocalDateTime) {
            return new BigDecimal(ProgramLiterals.text(value).replaceAll("[^0-9.]", ""));
        }
        return leadingNumber(ProgramLiterals.text(value));
    }

    /** A string in numeric context, as MySQL reads it: its leading number, 0 when there is none. */
    private static BigDecimal leadingNumber(String text) {
        String trimmed = text.strip();
        int end = 0;
        while (end < trimmed.length() && "+-0123456789.eE".indexOf(trimmed.charAt(end)) >= 0) {
            end++;
        }
        while (end > 0) {
            try {
                return new BigDecimal(trimmed.substring(0, end));
            } catch (NumberFormatException e) {
                end--;
            }
        }
        return BigDecimal.ZERO;
    }

}
