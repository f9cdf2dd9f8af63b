package dev.doppel.server.sql.results;

import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ColumnType;
import dev.doppel.server.protocol.ResultsCharset;
import dev.doppel.server.protocol.Wire;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Writes result rows in the binary protocol of COM_STMT_EXECUTE: a NULL bitmap, then each value by its type. */
public final class BinaryValues {
    private BinaryValues() {
    }

    /** Writes the current row of {@code rows}. */
    public static void writeRow(ByteBuf out, ResultSet rows, List<ColumnDefinition> columns) throws SQLException {
        writeRow(out, rows, columns, null);
    }

    /** Writes the current row of {@code rows}, its text columns in {@code conversion}'s character set (null: UTF-8). */
    public static void writeRow(ByteBuf out, ResultSet rows, List<ColumnDefinition> columns, ResultsCharset conversion)
            throws SQLException {
        int count = columns.size();
        out.writeByte(0);
        int bitmapIndex = out.writerIndex();
        int bitmapLength = (count + 7 + 2) / 8;
        out.writeZero(bitmapLength);
        for (int i = 0; i < count; i++) {
            ColumnDefinition column = columns.get(i);
            boolean written;
            if (conversion != null && column.charset() == conversion.collationId()) {
                String text = rows.getString(i + 1);
                written = text != null;
                if (written) {
                    conversion.write(out, text);
                }
            } else {
                written = writeValue(out, rows, i + 1, column);
            }
            if (!written) {
                int bit = i + 2;
                out.setByte(bitmapIndex + bit / 8, out.getByte(bitmapIndex + bit / 8) | (1 << (bit % 8)));
            }
        }
    }

    /** Writes a row of strings (server-built results, all VAR_STRING). */
    public static void writeRow(ByteBuf out, String[] values) {
        out.writeByte(0);
        int bitmapIndex = out.writerIndex();
        out.writeZero((values.length + 7 + 2) / 8);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                int bit = i + 2;
                out.setByte(bitmapIndex + bit / 8, out.getByte(bitmapIndex + bit / 8) | (1 << (bit % 8)));
            } else {
                Wire.writeLengthEncodedString(out, values[i]);
            }
        }
    }

    /** Returns false for NULL (nothing written). */
    private static boolean writeValue(ByteBuf out, ResultSet rows, int index, ColumnDefinition column)
            throws SQLException {
        switch (column.type()) {
            case ColumnType.TINY -> {
                int value = rows.getInt(index);
                if (rows.wasNull()) {
                    return false;
                }
                out.writeByte(value);
            }
            case ColumnType.SHORT, ColumnType.YEAR -> {
                int value = rows.getInt(index);
                if (rows.wasNull()) {
                    return false;
                }
                out.writeShortLE(value);
            }
            case ColumnType.LONG, ColumnType.INT24 -> {
                long value = rows.getLong(index);
                if (rows.wasNull()) {
                    return false;
                }
                out.writeIntLE((int) value);
            }
            case ColumnType.LONGLONG -> {
                BigDecimal value = rows.getBigDecimal(index);
                if (value == null) {
                    return false;
                }
                out.writeLongLE(value.toBigInteger().longValue());
            }
            case ColumnType.FLOAT -> {
                float value = rows.getFloat(index);
                if (rows.wasNull()) {
                    return false;
                }
                out.writeFloatLE(value);
            }
            case ColumnType.DOUBLE -> {
                double value = rows.getDouble(index);
                if (rows.wasNull()) {
                    return false;
                }
                out.writeDoubleLE(value);
            }
            case ColumnType.DATE -> {
                LocalDate value = rows.getObject(index, LocalDate.class);
                if (value == null) {
                    return false;
                }
                out.writeByte(4);
                out.writeShortLE(value.getYear());
                out.writeByte(value.getMonthValue());
                out.writeByte(value.getDayOfMonth());
            }
            case ColumnType.DATETIME, ColumnType.TIMESTAMP -> {
                LocalDateTime value = rows.getObject(index, LocalDateTime.class);
                if (value == null) {
                    return false;
                }
                int micros = value.getNano() / 1000;
                out.writeByte(micros == 0 ? 7 : 11);
                out.writeShortLE(value.getYear());
                out.writeByte(value.getMonthValue());
                out.writeByte(value.getDayOfMonth());
                out.writeByte(value.getHour());
                out.writeByte(value.getMinute());
                out.writeByte(value.getSecond());
                if (micros != 0) {
                    out.writeIntLE(micros);
                }
            }
            case ColumnType.TIME -> {
                LocalTime value = rows.getObject(index, LocalTime.class);
                if (value == null) {
                    return false;
                }
                int micros = value.getNano() / 1000;
                out.writeByte(micros == 0 ? 8 : 12);
                out.writeByte(0);
                out.writeIntLE(0);
                out.writeByte(value.getHour());
                out.writeByte(value.getMinute());
                out.writeByte(value.getSecond());
                if (micros != 0) {
                    out.writeIntLE(micros);
                }
            }
            case ColumnType.NULL -> {
                return false;
            }
            default -> {
                if (column.charset() == ColumnDefinition.BINARY_CHARSET && column.type() != ColumnType.NEWDECIMAL) {
                    byte[] value = rows.getBytes(index);
                    if (value == null) {
                        return false;
                    }
                    Wire.writeLengthEncodedBytes(out, value);
                } else {
                    Object value = rows.getObject(index);
                    if (value == null) {
                        return false;
                    }
                    if (value instanceof byte[] bytes) {
                        // JSON: the engine hands out its UTF-8 text as bytes
                        Wire.writeLengthEncodedBytes(out, bytes);
                        return true;
                    }
                    String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
                            : value instanceof Boolean bool ? (bool ? "1" : "0") : value.toString();
                    Wire.writeLengthEncodedBytes(out, text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return true;
    }
}
