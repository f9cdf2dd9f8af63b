package dev.doppel.server.engine.aggregate;

import dev.doppel.server.engine.binary.MySqlValueBytes;
import dev.doppel.server.engine.collation.MySqlWeights;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The engine's values as GROUP_CONCAT reads them: the bytes a value adds to the list (a binary value's own, any
 * other's MySQL text in UTF-8), how two ORDER BY keys compare, and when two values are the same for DISTINCT.
 * Text compares as MySQL's default collation does (engine.collation.MySqlWeights: without case or accents), as the
 * server's text columns do (VARCHAR_IGNORECASE); bytes compare unsigned.
 */
final class GroupConcatValues {
    private GroupConcatValues() {
    }

    /** Whether the value is bytes rather than text: then the whole result is (MySQL: a binary argument). */
    static boolean isBinary(Object value) {
        return MySqlValueBytes.isBinary(value);
    }

    /** The bytes {@code value} adds to the list. */
    static byte[] bytes(Object value) {
        return MySqlValueBytes.bytes(value);
    }

    /** An ORDER BY key in the form {@link #compare} reads: large objects read whole. */
    static Object key(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return value;
    }

    /** Two keys in ascending order; NULL first, as MySQL sorts it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return MySqlWeights.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a.getClass() != b.getClass() && a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable x) {
            return x.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** What DISTINCT compares of one value: text by its weights, bytes as they are. */
    static Object sameness(Object value, byte[] bytes) {
        if (isBinary(value)) {
            return ByteBuffer.wrap(bytes);
        }
        return IntBuffer.wrap(MySqlWeights.weights(new String(bytes, StandardCharsets.UTF_8), 0));
    }
}
