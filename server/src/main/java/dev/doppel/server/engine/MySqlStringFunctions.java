package dev.doppel.server.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;

import org.h2.value.DataType;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;

/**
 * MySQL's string, digest and address functions the engine lacks or has otherwise, registered in it as Java
 * functions. Those whose result can outgrow their arguments (HEX, REPLACE, INSERT, CONCAT_WS) give NULL with warning
 * 1301 past max_allowed_packet, decided before the result is built: the engine's own built any length, and nested
 * calls grow a value exponentially (HEX(HEX(...)) and REPLACE of 60 million characters stopped a 192 MB server).
 */
public final class MySqlStringFunctions {
    private static final HexFormat LOWER_HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private MySqlStringFunctions() {
    }

    /** MD5(str): 32 lower-case hex digits of the string's UTF-8 bytes. */
    public static String md5(String value) {
        return value == null ? null : digest("MD5", value);
    }

    /** SHA1(str) and SHA(str). */
    public static String sha1(String value) {
        return value == null ? null : digest("SHA-1", value);
    }

    /** SHA2(str, bits): bits 224, 256, 384 or 512 (0 means 256); any other length gives NULL, as in MySQL. */
    public static String sha2(String value, Integer bits) {
        if (value == null || bits == null) {
            return null;
        }
        return switch (bits) {
            case 0, 256 -> digest("SHA-256", value);
            case 224 -> digest("SHA-224", value);
            case 384 -> digest("SHA-384", value);
            case 512 -> digest("SHA-512", value);
            default -> null;
        };
    }

    private static String digest(String algorithm, String value) {
        try {
            return LOWER_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** LENGTH(x): the bytes of x as text (UTF-8), or of a binary value; the engine's OCTET_LENGTH measures numbers
     * and dates in their binary form. */
    public static Long length(Value value) {
        if (value == null || value == ValueNull.INSTANCE) {
            return null;
        }
        if (DataType.isBinaryStringOrSpecialBinaryType(value.getValueType())) {
            return (long) value.getBytesNoCopy().length;
        }
        return (long) value.getString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** CRC32(str): the checksum of the string's UTF-8 bytes as an unsigned number. */
    public static Long crc32(String value) {
        if (value == null) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * HEX(x): a number (rounded to an integer, as a 64-bit two's complement) in upper-case hex digits; a string's
     * UTF-8 bytes or a binary value's bytes two hex digits each. Takes the engine's value to tell them apart.
     */
    public static String hex(Value value) {
        if (value == null || value == ValueNull.INSTANCE) {
            return null;
        }
        int type = value.getValueType();
        if (DataType.isNumericType(type)) {
            boolean integral = type == Value.TINYINT || type == Value.SMALLINT || type == Value.INTEGER
                    || type == Value.BIGINT;
            long integer = integral ? value.getLong()
                    : value.getBigDecimal().setScale(0, RoundingMode.HALF_UP).longValue();
            return Long.toHexString(integer).toUpperCase(Locale.ROOT);
        }
        byte[] bytes = DataType.isBinaryStringOrSpecialBinaryType(type) ? value.getBytesNoCopy()
                : value.getString().getBytes(StandardCharsets.UTF_8);
        if (MySqlPadding.tooLong("hex", bytes.length * 2.0)) {
            return null;
        }
        return UPPER_HEX.formatHex(bytes);
    }

    /** UNHEX(str): the bytes the hex digits stand for (a binary string); NULL when one is not a hex digit. */
    public static Value unhex(String value) {
        if (value == null) {
            return ValueNull.INSTANCE;
        }
        String digits = value.length() % 2 == 0 ? value : "0" + value;
        try {
            return ValueVarbinary.getNoCopy(LOWER_HEX.parseHex(digits));
        } catch (IllegalArgumentException e) {
            return ValueNull.INSTANCE;
        }
    }

    /** SUBSTRING_INDEX(str, delim, count): before the count-th delimiter from the left, or after it from the right. */
    public static String substringIndex(String value, String delimiter, Long count) {
        if (value == null || delimiter == null || count == null) {
            return null;
        }
        if (count == 0 || delimiter.isEmpty()) {
            return "";
        }
        if (count > 0) {
            int at = -delimiter.length();
            for (long i = 0; i < count; i++) {
                at = value.indexOf(delimiter, at + delimiter.length());
                if (at < 0) {
                    return value;
                }
            }
            return value.substring(0, at);
        }
        int at = value.length();
        for (long i = 0; i < -count; i++) {
            at = value.lastIndexOf(delimiter, at - 1);
            if (at < 0) {
                return value;
            }
        }
        return value.substring(at + delimiter.length());
    }

    /** REVERSE(str): the characters in reverse order (a surrogate pair stays one character). */
    public static String reverse(String value) {
        if (value == null) {
            return null;
        }
        int[] codePoints = value.codePoints().toArray();
        StringBuilder result = new StringBuilder(value.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            result.appendCodePoint(codePoints[i]);
        }
        return result.toString();
    }

    /** FIELD(str, str1, str2, ...): the 1-based position of str among the others (case-insensitive), 0 if absent. */
    public static Integer field(String value, String... candidates) {
        if (value == null) {
            return 0;
        }
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null && candidates[i].equalsIgnoreCase(value)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** ELT(n, str1, str2, ...): the n-th string, NULL when n is out of range. */
    public static String elt(Long index, String... items) {
        if (index == null || index < 1 || index > items.length) {
            return null;
        }
        return items[(int) (index - 1)];
    }

    /** FORMAT(x, d): x rounded to d decimals (half away from zero), with thousands separators, as '1,234.57'. */
    public static String format(BigDecimal value, Long decimals) {
        if (value == null || decimals == null) {
            return null;
        }
        int scale = (int) Math.max(0, Math.min(30, decimals));
        DecimalFormat pattern = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.US));
        pattern.setRoundingMode(RoundingMode.HALF_UP);
        return pattern.format(value);
    }

    /** INET_ATON('a.b.c.d'): the address as a number; NULL when it is not an IPv4 address. */
    public static Long inetAton(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length < 2 || parts.length > 4) {
            return null;
        }
        long result = 0;
        for (int i = 0; i < parts.length; i++) {
            long part;
            try {
                part = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (part < 0 || part > 255) {
                return null;
            }
            // MySQL reads '127.1' as 127.0.0.1: the last part fills the remaining bytes
            result = i == parts.length - 1 ? (result << (8 * (4 - i))) | part : (result << 8) | part;
        }
        return result;
    }

    /** INET_NTOA(n): the IPv4 address in dotted form; NULL outside 0..4294967295. */
    public static String inetNtoa(Long value) {
        if (value == null || value < 0 || value > 0xFFFF_FFFFL) {
            return null;
        }
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }

    /** CONCAT_WS(separator, str, ...): NULL only for a NULL separator; NULL arguments are skipped. */
    public static String concatWs(String separator, String... parts) {
        if (separator == null) {
            return null;
        }
        long length = 0;
        int present = 0;
        for (String each : parts) {
            if (each != null) {
                length += each.length();
                present++;
            }
        }
        if (MySqlPadding.tooLong("concat_ws", length + (double) separator.length() * Math.max(0, present - 1))) {
            return null;
        }
        StringBuilder result = new StringBuilder((int) length);
        boolean first = true;
        for (String each : parts) {
            if (each != null) {
                if (!first) {
                    result.append(separator);
                }
                first = false;
                result.append(each);
            }
        }
        return result.toString();
    }

    /** REPLACE(str, from, to): every occurrence of {@code from}, compared exactly; an empty {@code from} changes nothing. */
    public static String replace(String value, String from, String to) {
        if (value == null || from == null || to == null) {
            return null;
        }
        if (from.isEmpty()) {
            return value;
        }
        if (to.length() <= from.length()) {
            return value.replace(from, to);
        }
        long count = 0;
        for (int at = value.indexOf(from); at >= 0; at = value.indexOf(from, at + from.length())) {
            count++;
        }
        if (MySqlPadding.tooLong("replace", value.length() + (double) count * (to.length() - from.length()))) {
            return null;
        }
        return value.replace(from, to);
    }

    /**
     * INSERT(str, pos, len, newstr): {@code len} characters from {@code pos} replaced by {@code newstr}; the string
     * as it is when {@code pos} is outside it, the rest of it replaced when {@code len} reaches past its end.
     */
    public static String insert(String value, Long position, Long length, String inserted) {
        if (value == null || position == null || length == null || inserted == null) {
            return null;
        }
        int characters = value.codePointCount(0, value.length());
        if (position < 1 || position > characters) {
            return value;
        }
        long end = length < 0 || length > characters - position + 1 ? characters + 1 : position + length;
        if (MySqlPadding.tooLong("insert", characters - (end - position) + (double) inserted.length())) {
            return null;
        }
        int from = value.offsetByCodePoints(0, (int) (position - 1));
        int to = value.offsetByCodePoints(from, (int) (end - position));
        return value.substring(0, from) + inserted + value.substring(to);
    }

    /**
     * A value bound for text column {@code column}: bytes that are no UTF-8 get MySQL's 1366 in strict mode, or a
     * warning and the text up to the first byte that is none (the engine would store U+FFFD for each); any other
     * value is its text.
     */
    public static String textFor(Value value, String column, Long row) {
        if (value == null || value == ValueNull.INSTANCE) {
            return null;
        }
        if (!DataType.isBinaryStringOrSpecialBinaryType(value.getValueType())) {
            return value.getString();
        }
        byte[] bytes = value.getBytesNoCopy();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            decoder.flush(output);
            return output.flip().toString();
        }
        StatementEffects.invalidText(bytes, column, row == null ? 1 : row);
        return output.flip().toString();
    }

    /** QUOTE(text): a string literal of it, with \\, ', NUL and Ctrl-Z escaped; the word NULL for NULL. */
    public static String quote(String text) {
        if (text == null) {
            return "NULL";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\0' -> out.append("\\0");
                case '\u001A' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * CONV(n, from, to): n read as far as it is a number in base |from| and written in base |to| (2 to 36), upper
     * case; a negative base reads or writes a signed number, a positive one an unsigned 64-bit one. NULL for bad bases.
     */
    public static String conv(String number, Long from, Long to) {
        if (number == null || from == null || to == null || Math.abs(from) < 2 || Math.abs(from) > 36
                || Math.abs(to) < 2 || Math.abs(to) > 36) {
            return null;
        }
        String text = number.trim();
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int end = start;
        while (end < text.length() && Character.digit(text.charAt(end), (int) Math.abs(from)) >= 0) {
            end++;
        }
        java.math.BigInteger value = end == start ? java.math.BigInteger.ZERO
                : new java.math.BigInteger(text.substring(start, end), (int) Math.abs(from));
        java.math.BigInteger unsignedMax = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        if (value.compareTo(unsignedMax) > 0) {
            value = unsignedMax;
        }
        long bits = value.longValue();
        if (negative) {
            bits = -bits;
        }
        if (to < 0) {
            return Long.toString(bits, (int) -to).toUpperCase(java.util.Locale.ROOT);
        }
        return Long.toUnsignedString(bits, (int) (long) to).toUpperCase(java.util.Locale.ROOT);
    }

    /** BIN(n): CONV(n, 10, 2). */
    public static String bin(String number) {
        return conv(number, 10L, 2L);
    }

    /** OCT(n): CONV(n, 10, 8). */
    public static String oct(String number) {
        return conv(number, 10L, 8L);
    }

    /** STRCMP(a, b): -1, 0 or 1, without regard to case (the default collation's). */
    public static Integer strcmp(String first, String second) {
        if (first == null || second == null) {
            return null;
        }
        return Integer.signum(first.compareToIgnoreCase(second));
    }

    /** ORD(text): the first character's UTF-8 bytes as one number (its code for a one-byte character). */
    public static Long ord(String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return 0L;
        }
        long value = 0;
        for (byte each : text.substring(0, text.offsetByCodePoints(0, 1)).getBytes(StandardCharsets.UTF_8)) {
            value = value << 8 | each & 0xFF;
        }
        return value;
    }

    /** MAKE_SET(bits, s1, s2, ...): the strings whose bit is set, comma-separated; NULL strings left out. */
    public static String makeSet(Long bits, String... strings) {
        if (bits == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < strings.length && i < 64; i++) {
            if ((bits >>> i & 1) == 1 && strings[i] != null) {
                out.append(out.isEmpty() ? "" : ",").append(strings[i]);
            }
        }
        return out.toString();
    }

    /** EXPORT_SET(bits, on, off[, separator[, count]]): on or off for each of count (64) bits, lowest first. */
    public static String exportSet(Long bits, String on, String off, String separator, Long count) {
        if (bits == null || on == null || off == null || separator == null || count == null) {
            return null;
        }
        long n = count < 0 || count > 64 ? 64 : count;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : separator).append((bits >>> i & 1) == 1 ? on : off);
        }
        return out.toString();
    }

    public static String exportSet(Long bits, String on, String off, String separator) {
        return exportSet(bits, on, off, separator, 64L);
    }

    public static String exportSet(Long bits, String on, String off) {
        return exportSet(bits, on, off, ",", 64L);
    }
}
