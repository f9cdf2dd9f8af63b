package dev.doppel.server.sql.program.parse;


import java.util.Locale;

/**
 * The type of a stored program's variable, parameter or return value, as declared: its text, its kind, and its
 * length and scale (what assigning to it does is TypedValues').
 */
public record DeclaredType(String text, Kind kind, int length, int scale) {
    public enum Kind { INTEGER, DECIMAL, FLOAT, TEXT, BINARY, DATE, DATETIME, TIME, OTHER }

    /** A type as written after the variable's name: {@code words} upper-cased, with its (length[, scale]). */
    public static DeclaredType of(String text, String word, int length, int scale) {
        Kind kind = switch (word.toUpperCase(Locale.ROOT)) {
            case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "BOOL", "BOOLEAN", "YEAR",
                 "SERIAL", "BIT" -> Kind.INTEGER;
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> Kind.DECIMAL;
            case "FLOAT", "DOUBLE", "REAL" -> Kind.FLOAT;
            case "CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "CHARACTER", "NATIONAL", "TINYTEXT", "TEXT", "MEDIUMTEXT",
                 "LONGTEXT", "ENUM", "SET", "JSON", "LONG" -> Kind.TEXT;
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> Kind.BINARY;
            case "DATE" -> Kind.DATE;
            case "DATETIME", "TIMESTAMP" -> Kind.DATETIME;
            case "TIME" -> Kind.TIME;
            default -> Kind.OTHER;
        };
        if (kind == Kind.DECIMAL && length <= 0) {
            length = 10;
        }
        if (kind == Kind.TEXT && word.toUpperCase(Locale.ROOT).endsWith("TEXT") || kind == Kind.BINARY
                && word.toUpperCase(Locale.ROOT).endsWith("BLOB")) {
            length = 0;
        }
        if ((kind == Kind.TEXT || kind == Kind.BINARY) && length < 0 && word.toUpperCase(Locale.ROOT).contains("CHAR")
                || word.equalsIgnoreCase("BINARY") && length < 0) {
            length = 1;
        }
        return new DeclaredType(text, kind, Math.max(0, length), Math.max(0, scale));
    }

    /** The type as SHOW CREATE FUNCTION and information_schema show a RETURNS: lower case, text with its charset. */
    public String shown() {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("character set ", "charset ");
        if (kind != Kind.TEXT || lower.contains("charset") || lower.startsWith("json")) {
            return lower;
        }
        return lower + " CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci";
    }
}
