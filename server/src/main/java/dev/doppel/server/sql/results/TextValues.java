package dev.doppel.server.sql.results;

import dev.doppel.server.engine.MySqlNumberText;
import dev.doppel.server.protocol.Wire;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Writes engine values as MySQL's text protocol shows them. */
public final class TextValues {
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TextValues() {
    }

    /** Writes column {@code index} of the current row. */
    public static void write(ByteBuf out, ResultSet rows, int index, int jdbcType) throws SQLException {
        write(out, rows, index, jdbcType, -1);
    }

    /**
     * Writes column {@code index} of the current row; a DATETIME or TIME gets exactly {@code decimals} fractional
     * digits, as MySQL prints its columns ({@code -1}: as many as the value needs).
     */
    public static void write(ByteBuf out, ResultSet rows, int index, int jdbcType, int decimals) throws SQLException {
        if (decimals >= 0 && (jdbcType == Types.TIMESTAMP || jdbcType == Types.TIME)) {
            writeString(out, temporal(rows, index, jdbcType == Types.TIMESTAMP, decimals));
            return;
        }
        switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rows.getBoolean(index);
                if (rows.wasNull()) {
                    out.writeByte(Wire.NULL_COLUMN);
                } else {
                    Wire.writeLengthEncodedAscii(out, value ? "1" : "0");
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.BLOB, Types.LONGVARBINARY -> {
                byte[] value = rows.getBytes(index);
                if (value == null) {
                    out.writeByte(Wire.NULL_COLUMN);
                } else {
                    Wire.writeLengthEncodedBytes(out, value);
                }
            }
            case Types.TIMESTAMP -> {
                LocalDateTime value = rows.getObject(index, LocalDateTime.class);
                writeString(out, value == null ? null : DATETIME.format(value));
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
                writeString(out, value == null ? null : DATETIME.format(value.toLocalDateTime()));
            }
            case Types.TIME -> {
                LocalTime value = rows.getObject(index, LocalTime.class);
                writeString(out, value == null ? null : TIME.format(value));
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal value = rows.getBigDecimal(index);
                writeString(out, value == null ? null : value.toPlainString());
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = rows.getDouble(index);
                writeString(out, rows.wasNull() ? null : MySqlNumberText.ofDouble(value));
            }
            default -> writeString(out, rows.getString(index));
        }
    }

    private static String temporal(ResultSet rows, int index, boolean datetime, int decimals) throws SQLException {
        String text;
        int nanos;
        if (datetime) {
            LocalDateTime value = rows.getObject(index, LocalDateTime.class);
            if (value == null) {
                return null;
            }
            text = SECONDS.format(value);
            nanos = value.getNano();
        } else {
            LocalTime value = rows.getObject(index, LocalTime.class);
            if (value == null) {
                return null;
            }
            text = TIME_SECONDS.format(value);
            nanos = value.getNano();
        }
        int digits = Math.min(decimals, 6);
        return digits == 0 ? text : text + "." + String.format("%06d", nanos / 1000).substring(0, digits);
    }

    private static void writeString(ByteBuf out, String value) {
        if (value == null) {
            out.writeByte(Wire.NULL_COLUMN);
        } else {
            Wire.writeLengthEncodedAscii(out, value);
        }
    }
}
