package dev.doppel.server.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSON text to {@link Json} values, failing with the messages and offsets MySQL reports. */
final class JsonParser {
    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    private final String text;
    private int position;

    JsonParser(String text) {
        this.text = text;
    }

    Object parseDocument() {
        skipWhitespace();
        if (position == text.length()) {
            throw error("The document is empty.", position);
        }
        Object result = value();
        skipWhitespace();
        if (position < text.length()) {
            throw error("The document root must not be followed by other values.", position);
        }
        return result;
    }

    private Object value() {
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> number();
        };
    }

    private Object object() {
        position++;
        Map<String, Object> result = Json.newObject();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return result;
        }
        while (true) {
            if (peek() != '"') {
                throw error("Missing a name for object member.", position);
            }
            String name = string();
            skipWhitespace();
            if (peek() != ':') {
                throw error("Missing a colon after a name of object member.", position);
            }
            position++;
            skipWhitespace();
            result.put(name, value());
            skipWhitespace();
            char c = peek();
            position++;
            if (c == '}') {
                return result;
            }
            if (c != ',') {
                throw error("Missing a comma or '}' after an object member.", position - 1);
            }
            skipWhitespace();
        }
    }

    private Object array() {
        position++;
        List<Object> result = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return result;
        }
        while (true) {
            result.add(value());
            skipWhitespace();
            char c = peek();
            position++;
            if (c == ']') {
                return result;
            }
            if (c != ',') {
                throw error("Missing a comma or ']' after an array element.", position - 1);
            }
            skipWhitespace();
        }
    }

    private String string() {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("Missing a closing quotation mark in string.", text.length());
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("Invalid encoding in string.", position);
            }
            if (c != '\\') {
                out.append(c);
                position++;
                continue;
            }
            int escape = position;
            position++;
            char e = peek();
            position++;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) hex4(escape));
                default -> throw error("Invalid escape character in string.", escape);
            }
        }
    }

    private int hex4(int escape) {
        if (position + 4 > text.length()) {
            throw error("Incorrect hex digit after \\u escape in string.", escape);
        }
        int result = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw error("Incorrect hex digit after \\u escape in string.", escape);
            }
            result = result * 16 + digit;
        }
        position += 4;
        return result;
    }

    private Object literal(String word, Object value) {
        position++;
        for (int i = 1; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw error("Invalid value.", position);
            }
            position++;
        }
        return value;
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            throw error("Invalid value.", start);
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            if (!isDigit(peek())) {
                throw error("Miss fraction part in number.", position);
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("Miss exponent in number.", position);
            }
            digits();
        }
        String literal = text.substring(start, position);
        if (integral) {
            BigInteger value = new BigInteger(literal);
            if (value.bitLength() < 64) {
                return value.longValue();
            }
            if (value.signum() > 0 && value.compareTo(UINT64_MAX) <= 0) {
                return value;
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error("Number too big to be stored in double.", start);
        }
        return value;
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    /** MySQL counts the offset in bytes of the UTF-8 text. */
    private JsonSyntaxException error(String message, int at) {
        int bytes = text.substring(0, Math.min(at, text.length())).getBytes(StandardCharsets.UTF_8).length;
        return new JsonSyntaxException(message, bytes + Math.max(0, at - text.length()));
    }
}
