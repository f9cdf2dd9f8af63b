package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

/**
 * The type of a stored program's variable, parameter or return value, and what assigning a value to it does: an
 * integer rounds, a DECIMAL keeps its scale, text too long for its length is refused (1406, as MySQL does in
 * strict mode), a date drops its time.
 */
record DeclaredType(String text, Kind kind, int length, int scale) {
    enum Kind { INTEGER, DECIMAL, FLOAT, TEXT, BINARY, DATE, DATETIME, TIME, OTHER }

    /** A type as written after the variable's name: {@code words} upper-cased, with its (length[, scale]). */
    static DeclaredType of(String text, String word, int length, int scale) {
        Kind kind = switch (word.toUpperCase(Locale.ROOT)) {
            case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "BOOL", "BOOLEAN", "YEAR",
                 "SERIAL", "BIT" -> Kind.INTEGER;
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> Kind.DECIMAL;
            case "FLOAT", "DOUBLE", "REAL" -> Kind.FLOAT;
            case "CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "CHARACTER", "NATIONAL", "TINYTEXT", "TEXT", "MEDIUMTEXT",
                 "LONGTEXT", "ENUM", "SET", "JSON", "LONG" -> Kind.TEXT;
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> Kind.BINARY;
            case "DATE" -> Kind.DATE;
            case "DATETIME", "TIMESTAMP" -> Kind.DATETIME;
            case "TIME" -> Kind.TIME;
            default -> Kind.OTHER;
        };
        if (kind == Kind.DECIMAL && length <= 0) {
            length = 10;
        }
        if (kind == Kind.TEXT && word.toUpperCase(Locale.ROOT).endsWith("TEXT") || kind == Kind.BINARY
                && word.toUpperCase(Locale.ROOT).endsWith("BLOB")) {
            length = 0;
        }
        if ((kind == Kind.TEXT || kind == Kind.BINARY) && length < 0 && word.toUpperCase(Locale.ROOT).contains("CHAR")
                || word.equalsIgnoreCase("BINARY") && length < 0) {
            length = 1;
        }
        return new DeclaredType(text, kind, Math.max(0, length), Math.max(0, scale));
    }

    /** {@code value} as a variable of this type holds it; {@code name} is the variable's, for the errors. */
    Object assign(String name, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> decimal(value).setScale(0, RoundingMode.HALF_UP).longValue();
            case DECIMAL -> decimal(value).setScale(scale, RoundingMode.HALF_UP);
            case FLOAT -> decimal(value).doubleValue();
            case TEXT -> bounded(name, ProgramLiterals.text(value));
            case BINARY -> {
                byte[] bytes = value instanceof byte[] raw ? raw : ProgramLiterals.text(value).getBytes(StandardCharsets.UTF_8);
                if (length > 0 && bytes.length > length) {
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

    private String bounded(String name, String text) {
        if (length > 0 && text.codePointCount(0, text.length()) > length) {
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

    /** The type as SHOW CREATE FUNCTION and information_schema show a RETURNS: lower case, text with its charset. */
    String shown() {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("character set ", "charset ");
        if (kind != Kind.TEXT || lower.contains("charset") || lower.startsWith("json")) {
            return lower;
        }
        return lower + " CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci";
    }
}
