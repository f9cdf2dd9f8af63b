package dev.doppel.server.engine.program;

import dev.doppel.server.engine.StatementEffects;

import org.h2.value.Value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A stored function called inside a statement the engine runs: the engine calls one of these aliases (one per kind
 * of return type, which the engine reads from the method), and the statement's session runs the function
 * ({@link StatementEffects.Listener#storedFunction}). Registered as PUBLIC.MYSQL_STORED_*; the names are kept in the
 * database file by every view that calls a stored function, so they are never renamed.
 */
public final class StoredFunctionCalls {
    /** The engine alias of each kind of return type, by the name {@code kind} the caller gives. */
    public static final String[][] ALIASES = {
        {"MYSQL_STORED_BIGINT", "bigint"}, {"MYSQL_STORED_DECIMAL", "decimal"}, {"MYSQL_STORED_DOUBLE", "real"},
        {"MYSQL_STORED_TEXT", "text"}, {"MYSQL_STORED_BINARY", "binary"}, {"MYSQL_STORED_DATE", "date"},
        {"MYSQL_STORED_DATETIME", "datetime"}, {"MYSQL_STORED_TIME", "time"}};

    private StoredFunctionCalls() {
    }

    public static Long bigint(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof Number number ? number.longValue() : Long.valueOf(value.toString());
    }

    public static BigDecimal decimal(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public static Double real(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof Number number ? number.doubleValue() : Double.valueOf(value.toString());
    }

    public static String text(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
    }

    public static byte[] binary(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static java.sql.Date date(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof LocalDate date ? java.sql.Date.valueOf(date)
                : value instanceof java.sql.Date date ? date : java.sql.Date.valueOf(value.toString().substring(0, 10));
    }

    public static java.sql.Timestamp datetime(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof LocalDateTime dateTime ? java.sql.Timestamp.valueOf(dateTime)
                : value instanceof java.sql.Timestamp stamp ? stamp : java.sql.Timestamp.valueOf(value.toString());
    }

    public static java.sql.Time time(String schema, String name, Value... arguments) throws SQLException {
        Object value = call(schema, name, arguments);
        return value == null ? null : value instanceof LocalTime time ? java.sql.Time.valueOf(time)
                : value instanceof java.sql.Time time ? time : java.sql.Time.valueOf(value.toString());
    }

    private static Object call(String schema, String name, Value[] arguments) throws SQLException {
        StatementEffects.Listener listener = StatementEffects.current();
        if (listener == null) {
            throw new SQLException("FUNCTION " + schema + "." + name + " does not exist", "42000", 1305);
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = javaValue(arguments[i]);
        }
        return listener.storedFunction(schema, name, values);
    }

    /** An argument as the stored function's parameter takes it: numbers as numbers, bytes as bytes, the rest text. */
    private static Object javaValue(Value value) {
        return switch (value.getValueType()) {
            case Value.NULL -> null;
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> value.getLong();
            case Value.NUMERIC, Value.DECFLOAT -> value.getBigDecimal();
            case Value.REAL, Value.DOUBLE -> value.getDouble();
            case Value.BOOLEAN -> value.getBoolean() ? 1L : 0L;
            case Value.BINARY, Value.VARBINARY, Value.BLOB -> value.getBytesNoCopy();
            default -> value.getString();
        };
    }
}
