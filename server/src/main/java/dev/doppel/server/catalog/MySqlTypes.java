package dev.doppel.server.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL column types as MySQL 8.4 shows them (SHOW CREATE TABLE, COLUMN_TYPE): a type as the user wrote it
 * in CREATE/ALTER TABLE normalized to that form, and a type derived from the engine's column metadata for
 * columns whose declared type was never recorded.
 */
public final class MySqlTypes {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private MySqlTypes() {
    }

    /**
     * The type as MySQL shows it, from the declared base word (any case), its parenthesized arguments as
     * written (string arguments still quoted) and the UNSIGNED/ZEROFILL attributes; null when the word is no
     * MySQL type.
     */
    public static String normalize(String word, List<String> args, boolean unsigned, boolean zerofill) {
        String base = word.toLowerCase(Locale.ROOT);
        String type = switch (base) {
            case "integer" -> "int";
            case "int1" -> "tinyint";
            case "int2" -> "smallint";
            case "int3", "middleint" -> "mediumint";
            case "int4" -> "int";
            case "int8" -> "bigint";
            case "dec", "numeric", "fixed" -> "decimal";
            case "real", "float8" -> "double";
            case "float4" -> "float";
            case "bool", "boolean" -> "tinyint(1)";
            case "nchar", "national char", "character" -> "char";
            case "nvarchar", "varcharacter" -> "varchar";
            case "long", "long varchar" -> "mediumtext";
            default -> base;
        };
        if (type.equals("tinyint(1)")) {
            return type;
        }
        String suffix = (unsigned || zerofill ? " unsigned" : "") + (zerofill ? " zerofill" : "");
        if (INTEGERS.contains(type)) {
            // display widths are deprecated and not shown by 8.4, except tinyint(1) (a boolean to connectors)
            boolean boolLike = type.equals("tinyint") && args.size() == 1 && args.get(0).equals("1") && !zerofill;
            String width = zerofill && args.size() == 1 ? "(" + args.get(0) + ")" : "";
            return boolLike ? "tinyint(1)" + suffix : type + width + suffix;
        }
        return switch (type) {
            case "decimal" -> "decimal(" + (args.isEmpty() ? "10" : args.get(0)) + ","
                    + (args.size() > 1 ? args.get(1) : "0") + ")" + suffix;
            case "float" -> {
                if (args.size() == 1 && Integer.parseInt(args.get(0)) > 24) {
                    yield "double" + suffix;
                }
                yield (args.size() == 2 ? "float(" + args.get(0) + "," + args.get(1) + ")" : "float") + suffix;
            }
            case "double" -> (args.size() == 2 ? "double(" + args.get(0) + "," + args.get(1) + ")" : "double") + suffix;
            case "char", "binary" -> type + "(" + (args.isEmpty() ? "1" : args.get(0)) + ")";
            case "varchar", "varbinary" -> args.isEmpty() ? null : type + "(" + args.get(0) + ")";
            case "bit" -> "bit(" + (args.isEmpty() ? "1" : args.get(0)) + ")";
            case "datetime", "timestamp", "time" -> args.isEmpty() || args.get(0).equals("0") ? type
                    : type + "(" + args.get(0) + ")";
            case "year" -> "year";
            case "text", "blob" -> textOrBlobBySize(type, args);
            case "tinytext", "mediumtext", "longtext", "tinyblob", "mediumblob", "longblob", "date", "json",
                 "geometry", "point", "linestring", "polygon" -> type;
            case "enum", "set" -> type + "(" + String.join(",", args) + ")";
            default -> null;
        };
    }

    /** TEXT(n) and BLOB(n) become the smallest type that holds n bytes, as in MySQL. */
    private static String textOrBlobBySize(String type, List<String> args) {
        if (args.isEmpty()) {
            return type;
        }
        long size = Long.parseLong(args.get(0));
        String prefix = size < 256 ? "tiny" : size < 65536 ? "" : size < 16777216 ? "medium" : "long";
        return prefix + type;
    }

    /**
     * The MySQL type of an engine column that has no recorded declaration, from the engine's
     * INFORMATION_SCHEMA.COLUMNS data type and sizes.
     */
    public static String fromEngine(String dataType, long charLength, int precision, int scale, int datetimePrecision,
                                    List<String> enumValues) {
        String fraction = datetimePrecision > 0 ? "(" + datetimePrecision + ")" : "";
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint" -> "tinyint";
            case "smallint" -> "smallint";
            case "integer" -> "int";
            case "bigint" -> "bigint";
            case "numeric", "decimal" -> "decimal(" + precision + "," + Math.max(scale, 0) + ")";
            case "double precision", "decfloat" -> "double";
            case "real" -> "float";
            case "boolean" -> "tinyint(1)";
            case "character" -> "char(" + charLength + ")";
            case "character varying", "varchar_ignorecase" -> charLength >= 1_000_000_000 ? "longtext"
                    : "varchar(" + charLength + ")";
            case "character large object" -> "longtext";
            case "binary" -> "binary(" + charLength + ")";
            case "binary varying" -> charLength > 65535 ? "longblob" : "varbinary(" + charLength + ")";
            case "binary large object" -> "longblob";
            case "date" -> "date";
            case "time", "time with time zone" -> "time" + fraction;
            case "timestamp" -> "datetime" + fraction;
            case "timestamp with time zone" -> "timestamp" + fraction;
            case "json" -> "json";
            case "enum" -> "enum(" + String.join(",", enumValues.stream().map(MySqlTypes::quote).toList()) + ")";
            case "uuid" -> "binary(16)";
            case "geometry" -> "geometry";
            default -> "varchar(255)";
        };
    }

    /**
     * The binary type a text type becomes with CHARACTER SET binary, as MySQL makes it (VARCHAR(n) CHARACTER SET
     * binary is VARBINARY(n)), in lower case; null for a type that is no text type.
     */
    public static String binaryTypeOf(String textType) {
        return switch (textType.toLowerCase(Locale.ROOT)) {
            case "varchar" -> "varbinary";
            case "char" -> "binary";
            case "text" -> "blob";
            case "tinytext" -> "tinyblob";
            case "mediumtext" -> "mediumblob";
            case "longtext" -> "longblob";
            default -> null;
        };
    }

    /** A string literal as MySQL writes it in SHOW CREATE TABLE (quotes doubled, backslashes escaped). */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** The part of a MySQL type before its arguments and attributes: "varchar(20)" → "varchar". */
    public static String dataType(String columnType) {
        int end = 0;
        while (end < columnType.length() && Character.isLetterOrDigit(columnType.charAt(end))) {
            end++;
        }
        return columnType.substring(0, end);
    }

    public static boolean isTextOrBlob(String columnType) {
        String base = dataType(columnType);
        return base.endsWith("text") || base.endsWith("blob") || base.equals("json") || base.equals("geometry");
    }

    public static boolean isString(String columnType) {
        String base = dataType(columnType);
        return base.endsWith("char") || base.endsWith("text") || base.equals("enum") || base.equals("set");
    }

    public static boolean isNumeric(String columnType) {
        String base = dataType(columnType);
        return INTEGERS.contains(base) || base.equals("decimal") || base.equals("float") || base.equals("double")
                || base.equals("bit") || base.equals("year");
    }
}
