package dev.doppel.server.engine.binary;

import dev.doppel.server.engine.MySqlPadding;

import org.h2.value.Value;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * MySQL's string functions over binary strings, byte by byte: the server calls these (PUBLIC.MYSQL_BIN_*) where an
 * argument is binary, as MySQL then makes the result binary (sql.translate.BinaryStringCalls). The engine's own
 * functions, and the server's text ones, read a binary argument as UTF-8 text and stored EF BF BD for every byte
 * that is none. Any other argument takes part with its MySQL text in UTF-8. Lengths and positions count bytes; a
 * result longer than max_allowed_packet is NULL with warning 1301, as in MySQL.
 */
public final class MySqlBinaryStrings {
    private static final byte SPACE = ' ';

    private MySqlBinaryStrings() {
    }

    public static byte[] concat(Value... parts) {
        long length = 0;
        for (Value each : parts) {
            if (absent(each)) {
                return null;
            }
        }
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = MySqlValueBytes.bytes(parts[i]);
            length += bytes[i].length;
        }
        return tooLong("concat", length) ? null : joined(bytes, null, (int) length);
    }

    public static byte[] concatWs(Value separator, Value... parts) {
        if (absent(separator)) {
            return null;
        }
        byte[] between = MySqlValueBytes.bytes(separator);
        long length = 0;
        int present = 0;
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            if (!absent(parts[i])) {
                bytes[i] = MySqlValueBytes.bytes(parts[i]);
                length += bytes[i].length;
                present++;
            }
        }
        length += (long) between.length * Math.max(0, present - 1);
        return tooLong("concat_ws", length) ? null : joined(bytes, between, (int) length);
    }

    public static byte[] left(Value value, Long length) {
        if (absent(value) || length == null) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        return Arrays.copyOf(bytes, (int) Math.max(0, Math.min(length, bytes.length)));
    }

    public static byte[] right(Value value, Long length) {
        if (absent(value) || length == null) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        int kept = (int) Math.max(0, Math.min(length, bytes.length));
        return Arrays.copyOfRange(bytes, bytes.length - kept, bytes.length);
    }

    public static byte[] repeat(Value value, Long count) {
        if (absent(value) || count == null) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        if (count < 1 || bytes.length == 0) {
            return new byte[0];
        }
        if (tooLong("repeat", (double) bytes.length * count)) {
            return null;
        }
        byte[] result = new byte[(int) (bytes.length * count)];
        for (int at = 0; at < result.length; at += bytes.length) {
            System.arraycopy(bytes, 0, result, at, bytes.length);
        }
        return result;
    }

    public static byte[] lpad(Value value, Long length, Value pad) {
        return pad(value, length, pad, true);
    }

    public static byte[] rpad(Value value, Long length, Value pad) {
        return pad(value, length, pad, false);
    }

    private static byte[] pad(Value value, Long length, Value pad, boolean left) {
        if (absent(value) || length == null || absent(pad) || length < 0) {
            return null;
        }
        if (tooLong(left ? "lpad" : "rpad", length)) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        int target = length.intValue();
        if (target <= bytes.length) {
            return Arrays.copyOf(bytes, target);
        }
        byte[] filler = MySqlValueBytes.bytes(pad);
        if (filler.length == 0) {
            return null;
        }
        byte[] result = new byte[target];
        int padding = target - bytes.length;
        int padAt = left ? 0 : bytes.length;
        for (int i = 0; i < padding; i++) {
            result[padAt + i] = filler[i % filler.length];
        }
        System.arraycopy(bytes, 0, result, left ? padding : 0, bytes.length);
        return result;
    }

    public static byte[] replace(Value value, Value from, Value to) {
        if (absent(value) || absent(from) || absent(to)) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        byte[] find = MySqlValueBytes.bytes(from);
        byte[] put = MySqlValueBytes.bytes(to);
        if (find.length == 0) {
            return bytes;
        }
        long count = 0;
        for (int at = indexOf(bytes, find, 0); at >= 0; at = indexOf(bytes, find, at + find.length)) {
            count++;
        }
        if (tooLong("replace", bytes.length + (double) count * (put.length - find.length))) {
            return null;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(bytes.length);
        int done = 0;
        for (int at = indexOf(bytes, find, 0); at >= 0; at = indexOf(bytes, find, done)) {
            result.write(bytes, done, at - done);
            result.writeBytes(put);
            done = at + find.length;
        }
        result.write(bytes, done, bytes.length - done);
        return result.toByteArray();
    }

    /** INSERT(str, pos, len, newstr) over bytes: as the text form, counting bytes. */
    public static byte[] insert(Value value, Long position, Long length, Value inserted) {
        if (absent(value) || position == null || length == null || absent(inserted)) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        if (position < 1 || position > bytes.length) {
            return bytes;
        }
        byte[] put = MySqlValueBytes.bytes(inserted);
        long end = length < 0 || length > bytes.length - position + 1 ? bytes.length + 1 : position + length;
        if (tooLong("insert", bytes.length - (end - position) + (double) put.length)) {
            return null;
        }
        int from = (int) (position - 1);
        int to = (int) (end - 1);
        byte[] result = new byte[from + put.length + bytes.length - to];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(put, 0, result, from, put.length);
        System.arraycopy(bytes, to, result, from + put.length, bytes.length - to);
        return result;
    }

    /** SUBSTRING_INDEX(str, delim, count) over bytes. */
    public static byte[] substringIndex(Value value, Value delimiter, Long count) {
        if (absent(value) || absent(delimiter) || count == null) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        byte[] delim = MySqlValueBytes.bytes(delimiter);
        if (count == 0 || delim.length == 0) {
            return new byte[0];
        }
        if (count > 0) {
            int at = -delim.length;
            for (long seen = 0; seen < count; seen++) {
                at = indexOf(bytes, delim, at + delim.length);
                if (at < 0) {
                    return bytes;
                }
            }
            return Arrays.copyOf(bytes, at);
        }
        int at = bytes.length;
        for (long seen = 0; seen < -count; seen++) {
            at = lastIndexOf(bytes, delim, at - 1);
            if (at < 0) {
                return bytes;
            }
        }
        return Arrays.copyOfRange(bytes, at + delim.length, bytes.length);
    }

    public static byte[] reverse(Value value) {
        if (absent(value)) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        byte[] result = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            result[i] = bytes[bytes.length - 1 - i];
        }
        return result;
    }

    /** LOWER and UPPER: a binary string has no letters, so it stays as it is (MySQL). */
    public static byte[] sameCase(Value value) {
        return absent(value) ? null : MySqlValueBytes.bytes(value);
    }

    public static byte[] trim(Value value) {
        return trimmed(value, true, true);
    }

    public static byte[] ltrim(Value value) {
        return trimmed(value, true, false);
    }

    public static byte[] rtrim(Value value) {
        return trimmed(value, false, true);
    }

    private static byte[] trimmed(Value value, boolean leading, boolean trailing) {
        if (absent(value)) {
            return null;
        }
        byte[] bytes = MySqlValueBytes.bytes(value);
        int from = 0;
        int to = bytes.length;
        while (leading && from < to && bytes[from] == SPACE) {
            from++;
        }
        while (trailing && to > from && bytes[to - 1] == SPACE) {
            to--;
        }
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** ELT(n, str1, str2, ...): the n-th string, NULL when there is none. */
    public static byte[] elt(Long index, Value... values) {
        if (index == null || index < 1 || index > values.length || absent(values[(int) (index - 1)])) {
            return null;
        }
        return MySqlValueBytes.bytes(values[(int) (index - 1)]);
    }

    private static byte[] joined(byte[][] parts, byte[] separator, int length) {
        byte[] result = new byte[length];
        int at = 0;
        boolean first = true;
        for (byte[] each : parts) {
            if (each == null) {
                continue;
            }
            if (!first && separator != null) {
                System.arraycopy(separator, 0, result, at, separator.length);
                at += separator.length;
            }
            first = false;
            System.arraycopy(each, 0, result, at, each.length);
            at += each.length;
        }
        return result;
    }

    private static int indexOf(byte[] bytes, byte[] find, int from) {
        for (int i = Math.max(0, from); i + find.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] find, int before) {
        for (int i = Math.min(before, bytes.length - find.length); i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean absent(Value value) {
        return MySqlValueBytes.isNull(value);
    }

    private static boolean tooLong(String function, double length) {
        return MySqlPadding.tooLong(function, length);
    }
}
