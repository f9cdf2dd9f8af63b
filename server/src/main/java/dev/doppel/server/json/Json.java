package dev.doppel.server.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON values as MySQL holds them, as plain Java objects: {@code Map<String, Object>} (an object, keys in MySQL's
 * order), {@code List<Object>}, {@code String}, {@code Long} (INTEGER), {@code BigInteger} (UNSIGNED INTEGER),
 * {@code Double}, {@code BigDecimal} (DECIMAL), {@code Boolean} and {@link #NULL}; and their text as MySQL prints
 * it ({@code {"a": 1, "b": [1, 2]}}).
 */
public final class Json {
    /** The JSON null literal (Java null stands for SQL NULL). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** MySQL keeps object keys sorted by their length in UTF-8 bytes, then by the bytes. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private Json() {
    }

    public static Map<String, Object> newObject() {
        return new TreeMap<>(KEY_ORDER);
    }

    /** Parses a JSON text; throws {@link JsonSyntaxException} with MySQL's message and position. */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** Thrown inside a bounded write once the text is past its bound; carries no stack, it is never shown. */
    private static final RuntimeException TOO_LONG = new RuntimeException("JSON text too long", null, false, false) {
    };

    /** The value's text as MySQL prints a JSON value. */
    public static String write(Object value) {
        return write(value, Long.MAX_VALUE);
    }

    /** The value's text, or null when it would be longer than {@code limit} characters (found while writing it). */
    public static String write(Object value, long limit) {
        StringBuilder out = new StringBuilder();
        try {
            write(out, value, limit);
        } catch (RuntimeException e) {
            if (e == TOO_LONG) {
                return null;
            }
            throw e;
        }
        return out.length() > limit ? null : out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value, long limit) {
        if (out.length() > limit) {
            throw TOO_LONG;
        }
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> each : ((Map<String, Object>) map).entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                quote(out, each.getKey(), limit);
                out.append(": ");
                write(out, each.getValue(), limit);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(out, list.get(i), limit);
            }
            out.append(']');
        } else if (value instanceof String text) {
            quote(out, text, limit);
        } else if (value instanceof Double number) {
            out.append(formatDouble(number));
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else {
            out.append(value);
        }
    }

    /** A JSON string literal of {@code text}, escaped as MySQL escapes it. */
    private static void quote(StringBuilder out, String text, long limit) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            if (out.length() > limit) {
                throw TOO_LONG;
            }
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Shortest round-trip digits; a whole number gets ".0", large and tiny ones an exponent ({@code 1e20}). */
    static String formatDouble(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -5 || exponent >= 15) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
        }
        String plain = exact.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** JSON_TYPE's name of the value's type. */
    public static String typeName(Object value) {
        if (value instanceof Map) {
            return "OBJECT";
        } else if (value instanceof List) {
            return "ARRAY";
        } else if (value instanceof String) {
            return "STRING";
        } else if (value instanceof Long) {
            return "INTEGER";
        } else if (value instanceof BigInteger) {
            return "UNSIGNED INTEGER";
        } else if (value instanceof Double) {
            return "DOUBLE";
        } else if (value instanceof BigDecimal) {
            return "DECIMAL";
        } else if (value instanceof Boolean) {
            return "BOOLEAN";
        }
        return "NULL";
    }

    /** Equality of JSON values as MySQL compares them: numbers by value whatever their type. */
    public static boolean same(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> each : x.entrySet()) {
                if (!y.containsKey(each.getKey()) || !same(each.getValue(), y.get(each.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof BigDecimal decimal ? decimal
                : number instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(number.toString());
    }
}
