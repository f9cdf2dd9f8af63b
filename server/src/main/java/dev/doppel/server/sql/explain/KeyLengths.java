package dev.doppel.server.sql.explain;

import dev.doppel.server.catalog.TableInfo;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN's key_len: the bytes of the key parts a lookup uses, as InnoDB counts them for utf8mb4 (four bytes a
 * character, two more for a variable length, one more for a column that may be NULL).
 */
final class KeyLengths {
    private static final Pattern TYPE = Pattern.compile("([a-z]+)(?:\\((\\d+)(?:,(\\d+))?\\))?.*");
    /** DECIMAL's bytes for the digits left over after each group of nine. */
    private static final int[] DECIMAL_DIGIT_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};

    private KeyLengths() {
    }

    /** The length of the columns' key parts, or null when one of them is of a type it cannot tell. */
    static Integer of(TableInfo table, List<String> columns) {
        int total = 0;
        for (String name : columns) {
            TableInfo.Column column = table.column(name);
            Integer bytes = column == null ? null : bytes(column.columnType().toLowerCase(Locale.ROOT));
            if (bytes == null) {
                return null;
            }
            total += bytes + (column.nullable() ? 1 : 0);
        }
        return total;
    }

    private static Integer bytes(String columnType) {
        Matcher type = TYPE.matcher(columnType);
        if (!type.matches()) {
            return null;
        }
        int length = type.group(2) == null ? -1 : Integer.parseInt(type.group(2));
        int scale = type.group(3) == null ? 0 : Integer.parseInt(type.group(3));
        return switch (type.group(1)) {
            case "tinyint", "year" -> 1;
            case "smallint" -> 2;
            case "mediumint", "date" -> 3;
            case "int", "integer", "float" -> 4;
            case "bigint", "double", "real" -> 8;
            case "time" -> 3 + fractionBytes(length);
            case "timestamp" -> 4 + fractionBytes(length);
            case "datetime" -> 5 + fractionBytes(length);
            case "decimal", "numeric" -> decimalBytes(length < 0 ? 10 : length - scale) + decimalBytes(scale);
            case "char" -> Math.max(length, 1) * 4;
            case "varchar" -> length * 4 + 2;
            case "binary" -> Math.max(length, 1);
            case "varbinary" -> length + 2;
            case "enum" -> 2;
            case "bit" -> (Math.max(length, 1) + 7) / 8;
            default -> null;
        };
    }

    private static int fractionBytes(int digits) {
        return digits <= 0 ? 0 : (digits + 1) / 2;
    }

    private static int decimalBytes(int digits) {
        return digits / 9 * 4 + DECIMAL_DIGIT_BYTES[digits % 9];
    }
}
