package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** MySQL 8.4's reserved words, and the few of them that still name a function when a parenthesis follows. */
public final class Keywords {
    /** MySQL 8.4's reserved words: none is an identifier or an alias unless quoted. */
    private static final Set<String> RESERVED = Set.of("ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS",
            "ASC", "ASENSITIVE", "BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE",
            "CASE", "CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE",
            "CONVERT", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE",
            "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DELAYED", "DELETE", "DENSE_RANK", "DESC",
            "DESCRIBE", "DETERMINISTIC", "DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE",
            "ELSEIF", "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH",
            "FIRST_VALUE", "FLOAT", "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "FUNCTION",
            "GENERATED", "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING", "HIGH_PRIORITY", "HOUR_MICROSECOND",
            "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN", "INDEX", "INFILE", "INNER", "INOUT", "INSENSITIVE",
            "INSERT", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT", "INTERVAL", "INTO",
            "IO_AFTER_GTIDS", "IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG",
            "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD",
            "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY",
            "MANUAL", "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT",
            "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT",
            "NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE", "NULL", "NUMERIC", "OF", "ON", "OPTIMIZE", "OPTIMIZER_COSTS",
            "OPTION", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER", "PARALLEL", "PARTITION", "PERCENT_RANK",
            "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "QUALIFY", "RANGE", "RANK", "READ", "READS", "READ_WRITE", "REAL",
            "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL",
            "RESTRICT", "RETURN", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "ROW_NUMBER", "SCHEMA", "SCHEMAS",
            "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SMALLINT", "SPATIAL",
            "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS",
            "SQL_SMALL_RESULT", "SSL", "STARTING", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE", "TABLESAMPLE", "TERMINATED", "THEN",
            "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER", "TRUE", "UNDO", "UNION", "UNIQUE",
            "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VALUES",
            "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING", "VIRTUAL", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH",
            "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL");

    /** Reserved words that are functions when a parenthesis follows ({@code IF(...)}, {@code LEFT(...)}, ...). */
    private static final Set<String> RESERVED_FUNCTIONS = Set.of("IF", "REPLACE", "INSERT", "LEFT", "RIGHT", "REPEAT",
            "MOD", "CHAR", "CONVERT", "DATABASE", "SCHEMA", "DEFAULT", "VALUES", "CURRENT_USER", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME",
            "UTC_TIMESTAMP", "INTERVAL", "ROW_NUMBER", "RANK", "DENSE_RANK", "CUME_DIST", "PERCENT_RANK", "NTILE",
            "LEAD", "LAG", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "GROUPING", "MATCH", "EXISTS", "ROW");

    /** Reserved words that are values by themselves (no parenthesis needed). */
    static final Set<String> NILADIC = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME",
            "LOCALTIMESTAMP", "CURRENT_USER", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP");

    /** The units of INTERVAL, EXTRACT, TIMESTAMPADD and TIMESTAMPDIFF. */
    static final Set<String> UNITS = Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH",
            "QUARTER", "YEAR", "SECOND_MICROSECOND", "MINUTE_MICROSECOND", "MINUTE_SECOND", "HOUR_MICROSECOND",
            "HOUR_SECOND", "HOUR_MINUTE", "DAY_MICROSECOND", "DAY_SECOND", "DAY_MINUTE", "DAY_HOUR", "YEAR_MONTH",
            "SQL_TSI_SECOND", "SQL_TSI_MINUTE", "SQL_TSI_HOUR", "SQL_TSI_DAY", "SQL_TSI_WEEK", "SQL_TSI_MONTH",
            "SQL_TSI_QUARTER", "SQL_TSI_YEAR", "FRAC_SECOND");

    private Keywords() {
    }

    /** Whether {@code word} (any case) is a unit of INTERVAL. */
    public static boolean isIntervalUnit(String word) {
        return UNITS.contains(word.toUpperCase(java.util.Locale.ROOT));
    }

    /** MySQL 8.4's keywords, reserved or not, sorted: the words of its lexer's keyword table. */
    public static List<String> words() {
        return Words.ALL;
    }

    /** Read once, when information_schema.KEYWORDS is first listed. */
    private static final class Words {
        static final List<String> ALL = read();

        private static List<String> read() {
            try (InputStream in = Keywords.class.getResourceAsStream("mysql-8.4-keywords.txt")) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether {@code word} (any case) is reserved: information_schema.KEYWORDS' RESERVED column. */
    public static boolean isReservedWord(String word) {
        return RESERVED.contains(word.toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean isReserved(Token token) {
        return token.kind() == Token.Kind.WORD && RESERVED.contains(token.upper());
    }

    /** A name: a quoted identifier, or a word that is not reserved. */
    static boolean isName(Token token) {
        return token != null && (token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.WORD && !RESERVED.contains(token.upper()));
    }

    static boolean isReservedFunction(Token token) {
        return token.kind() == Token.Kind.WORD && RESERVED_FUNCTIONS.contains(token.upper());
    }
}
