package dev.doppel.server.engine.binary;

import dev.doppel.server.engine.MySqlNumberText;

import org.h2.value.Value;
import org.h2.value.ValueNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The engine's values (as its Java functions and aggregates receive them) as MySQL's string functions read them: a
 * binary value's own bytes, any other value's MySQL text in UTF-8.
 */
public final class MySqlValueBytes {
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();

    private MySqlValueBytes() {
    }

    /** Whether the value is bytes rather than text (in MySQL: a binary string). */
    public static boolean isBinary(Object value) {
        return value instanceof byte[] || value instanceof Blob;
    }

    /** The value's bytes: its own when binary, its MySQL text in UTF-8 otherwise. */
    public static byte[] bytes(Object value) {
        try {
            if (value instanceof byte[] bytes) {
                return bytes;
            }
            if (value instanceof Blob blob) {
                return blob.getBytes(1, (int) blob.length());
            }
            return text(value).getBytes(StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a large object: " + e.getMessage(), e);
        }
    }

    /** Whether the engine value is SQL NULL (a Java null where the engine passes one). */
    public static boolean isNull(Value value) {
        return value == null || value == ValueNull.INSTANCE;
    }

    /** An engine value's bytes, as {@link #bytes(Object)}; null for SQL NULL. */
    public static byte[] bytes(Value value) {
        if (isNull(value)) {
            return null;
        }
        return switch (value.getValueType()) {
            case Value.BINARY, Value.VARBINARY, Value.BLOB, Value.JAVA_OBJECT, Value.GEOMETRY -> value.getBytesNoCopy();
            case Value.BOOLEAN -> (value.getBoolean() ? "1" : "0").getBytes(StandardCharsets.US_ASCII);
            case Value.DOUBLE -> MySqlNumberText.ofDouble(value.getDouble()).getBytes(StandardCharsets.US_ASCII);
            case Value.REAL -> MySqlNumberText.ofFloat(value.getFloat()).getBytes(StandardCharsets.US_ASCII);
            case Value.NUMERIC, Value.DECFLOAT -> value.getBigDecimal().toPlainString().getBytes(StandardCharsets.US_ASCII);
            default -> value.getString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The value as MySQL writes it as text. */
    public static String text(Object value) throws SQLException {
        return switch (value) {
            case String string -> string;
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            case Boolean bool -> bool ? "1" : "0";
            case Double number -> MySqlNumberText.ofDouble(number);
            case Float number -> MySqlNumberText.ofFloat(number);
            case BigDecimal number -> number.toPlainString();
            case LocalDateTime dateTime -> DATETIME.format(dateTime);
            case OffsetDateTime dateTime -> DATETIME.format(dateTime.toLocalDateTime());
            case LocalTime time -> TIME.format(time);
            case LocalDate date -> date.toString();
            default -> value.toString();
        };
    }
}
