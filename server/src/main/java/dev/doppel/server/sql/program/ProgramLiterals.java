package dev.doppel.server.sql.program;

import dev.doppel.server.protocol.ClientText;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** A variable's value written back into MySQL text (the statements of a program are MySQL text, lexed again). */
public final class ProgramLiterals {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ProgramLiterals() {
    }

    /** The MySQL literal of {@code value}: numbers as numbers, bytes as X'..', everything else a quoted string. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof Double || value instanceof Float) {
            String number = value.toString();
            out.append(number.contains("E") ? number : number + "E0");
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number number) {
            out.append(number);
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "TRUE" : "FALSE");
        } else if (value instanceof byte[] bytes) {
            out.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else if (value instanceof String text && ClientText.hasRawBytes(text)) {
            out.append("X'").append(HexFormat.of().formatHex(ClientText.utf8Bytes(text))).append('\'');
        } else {
            out.append('\'');
            String text = text(value);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\'' -> out.append("''");
                    case '\\' -> out.append("\\\\");
                    case '\0' -> out.append("\\0");
                    default -> out.append(c);
                }
            }
            out.append('\'');
        }
    }

    static String literal(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** A value as MySQL shows it as text. */
    public static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (value instanceof java.sql.Timestamp stamp) {
            return dateTime(stamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(dateTime);
        }
        if (value instanceof LocalTime time) {
            return time.getNano() == 0 ? String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(),
                    time.getSecond()) : time.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return String.valueOf(value);
    }

    private static String dateTime(LocalDateTime value) {
        String whole = value.format(DATE_TIME);
        if (value.getNano() == 0) {
            return whole;
        }
        String fraction = String.format("%09d", value.getNano()).replaceAll("0+$", "");
        return whole + "." + fraction;
    }
}
