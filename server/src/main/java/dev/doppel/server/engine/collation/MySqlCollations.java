package dev.doppel.server.engine.collation;

import org.h2.value.Value;
import org.h2.value.ValueBinary;
import org.h2.value.ValueBlob;
import org.h2.value.ValueChar;
import org.h2.value.ValueClob;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueVarchar;
import org.h2.value.ValueVarcharIgnoreCase;

/**
 * CHARSET(), COLLATION() and COERCIBILITY() of a value, registered as PUBLIC.MYSQL_CHARSET, MYSQL_COLLATION and
 * MYSQL_COERCIBILITY for the arguments whose answer the statement's text does not give
 * (sql.translate.functions.CollationCalls): the engine's type of the value tells the collation (VARCHAR_IGNORECASE is
 * the default collation, a VARCHAR or CHAR column one that compares by code point, bytes the binary one), and
 * {@code column} whether the argument was a column (coercibility 2, implicit) rather than an expression (4).
 */
public final class MySqlCollations {
    public static final String CHARSET = "utf8mb4";
    public static final String DEFAULT_COLLATION = "utf8mb4_0900_ai_ci";
    private static final String BINARY_COLLATION = "utf8mb4_bin";

    private MySqlCollations() {
    }

    public static String charset(Value value, boolean column) {
        return switch (kind(value)) {
            case TEXT, CASED_TEXT, JSON -> CHARSET;
            default -> "binary";
        };
    }

    public static String collation(Value value, boolean column) {
        return switch (kind(value)) {
            case TEXT -> DEFAULT_COLLATION;
            case CASED_TEXT -> column ? BINARY_COLLATION : DEFAULT_COLLATION;
            case JSON -> BINARY_COLLATION;
            default -> "binary";
        };
    }

    public static int coercibility(Value value, boolean column) {
        return switch (kind(value)) {
            case NULL -> 6;
            case TEXT, CASED_TEXT, JSON, BYTES -> column ? 2 : 4;
            default -> 5;
        };
    }

    private enum Kind { NULL, TEXT, CASED_TEXT, JSON, BYTES, OTHER }

    private static Kind kind(Value value) {
        if (value == null || value == ValueNull.INSTANCE) {
            return Kind.NULL;
        }
        if (value instanceof ValueVarcharIgnoreCase) {
            return Kind.TEXT;
        }
        if (value instanceof ValueVarchar || value instanceof ValueChar || value instanceof ValueClob) {
            return Kind.CASED_TEXT;
        }
        if (value instanceof ValueJson) {
            return Kind.JSON;
        }
        if (value instanceof ValueVarbinary || value instanceof ValueBinary || value instanceof ValueBlob) {
            return Kind.BYTES;
        }
        return Kind.OTHER;
    }
}
