package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;
import dev.doppel.server.sql.program.StoredFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first wall's function allowlist: a statement that calls a function MySQL does not have gets 1305 "FUNCTION
 * db.name does not exist", as MySQL answers it, instead of reaching one of the engine's (DATABASE_PATH,
 * DISK_SPACE_USED, the server's own MYSQL_* helpers, ...). MySQL's functions are listed in mysql-functions.txt.
 *
 * <p>Queries and data changes are parsed ({@link StatementParser}). Other statements (views' DDL, EXPLAIN, ...) are
 * still read on tokens: a name followed by a parenthesis is a call unless the grammar
 * puts a name there for something else, a table (INTO t (cols), CREATE VIEW v (cols)), a derived table's or a
 * common table expression's column list (AS d (cols), WITH c (cols) AS), an index hint, or a keyword that takes
 * parentheses (IN, VALUES, OVER, data types, ...). In FROM and JOIN only JSON_TABLE(...) is a table function; any
 * other is a syntax error, as in MySQL.
 */
public final class FunctionAllowlist {
    private static final Set<String> FUNCTIONS = load();
    /** Words, none of them a function, that MySQL's grammar lets a parenthesis follow. */
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "XOR", "IN", "EXISTS", "ANY", "SOME", "ALL",
            "VALUE", "AS", "ON", "USING", "WHERE", "HAVING", "SELECT", "DISTINCT", "DISTINCTROW", "FROM", "JOIN", "BY",
            "WHEN", "THEN", "ELSE", "CASE", "LIKE", "REGEXP", "RLIKE", "BETWEEN", "IS", "DIV", "OVER", "INDEX", "KEY",
            "PARTITION", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET", "SET", "INTO", "TABLE", "LATERAL",
            "COLLATE", "ESCAPE", "SEPARATOR", "DESC", "ASC", "WITH", "RECURSIVE", "ROLLUP", "AGAINST", "CHECK",
            "UNIQUE", "PRIMARY", "FOREIGN", "REFERENCES", "COLUMNS", "PATH", "NESTED", "FOR", "UPDATE", "DELETE",
            "IGNORE", "LOW_PRIORITY", "HIGH_PRIORITY", "DELAYED", "QUICK", "STRAIGHT_JOIN", "SQL_CALC_FOUND_ROWS",
            "SQL_NO_CACHE", "SQL_BUFFER_RESULT", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "BINARY", "EXPLAIN", "ANALYZE",
            "DUAL", "WINDOW", "PRECEDING", "FOLLOWING", "ROWS", "RANGE", "UNBOUNDED", "CURRENT", "OF", "MEMBER",
            "SOUNDS", "LOCK", "SHARE", "NOWAIT", "SKIP", "LOCKED", "OUTER", "INNER", "CROSS", "NATURAL", "GROUP",
            "ORDER", "RETURNING", "NULL", "TRUE", "FALSE", "UNKNOWN", "ESCAPED", "ENCLOSED", "TERMINATED", "LINES",
            "FIELDS", "OUTFILE", "DUMPFILE", "VIEW", "DO", "CALL", "RETURN",
            // data types, in CAST, CONVERT and JSON_TABLE's COLUMNS
            "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL", "DEC", "NUMERIC", "FIXED",
            "FLOAT", "DOUBLE", "REAL", "BIT", "BOOL", "BOOLEAN", "VARCHAR", "NCHAR", "NVARCHAR", "VARBINARY",
            "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "ENUM",
            "DATETIME", "JSON", "GEOMETRY", "SIGNED", "UNSIGNED", "ZEROFILL", "NATIONAL", "VARYING", "PRECISION",
            "CHARACTER", "ARRAY", "SERIAL");
    /** Functions whose arguments MySQL's grammar writes with FROM. */
    private static final Set<String> FUNCTIONS_WITH_FROM = Set.of("EXTRACT", "TRIM", "SUBSTRING", "SUBSTR");
    /** Words after which a name is a table's, followed by its column list: INSERT INTO t (a, b). */
    private static final Set<String> BEFORE_TABLE = Set.of("INTO", "INSERT", "REPLACE", "IGNORE", "LOW_PRIORITY",
            "DELAYED", "HIGH_PRIORITY", "TABLE", "VIEW", "REFERENCES", "AS", "UPDATE", "KEY", "INDEX");

    private FunctionAllowlist() {
    }

    /**
     * Throws MySQL's error for the first call of a function MySQL does not have. A query or data change is parsed
     * (1064 when it is not MySQL's) and its calls are those of the parse; other statements are read on tokens.
     */
    public static void check(String sql, List<Token> tokens, String schema) {
        if (StatementParser.parses(tokens)) {
            check(StatementParser.parse(sql, tokens), schema);
            return;
        }
        checkTokens(sql, tokens, schema);
    }

    /** Whether {@code name} is one of MySQL's own functions (which a stored function of that name does not hide). */
    public static boolean isBuiltIn(String name) {
        return FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
    }

    /** The calls of a parsed statement. */
    public static void check(ParsedStatement parsed, String schema) {
        for (ParsedStatement.FunctionCall call : parsed.calls()) {
            if (call.qualifier() != null) {
                if (StoredFunctions.exists(call.qualifier(), call.name())) {
                    continue;
                }
                throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION", call.qualifier() + "." + call.name());
            }
            if (FUNCTIONS.contains(call.name().toUpperCase(Locale.ROOT)) || StoredFunctions.exists(schema, call.name())) {
                continue;
            }
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION", schema + "." + call.name());
        }
    }

    private static void checkTokens(String sql, List<Token> tokens, String schema) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (!name.isIdentifier() || !tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            String upper = name.upper();
            boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier();
            int before = qualified ? i - 3 : i - 1;
            Token previous = before >= 0 ? tokens.get(before) : null;
            if (previous != null && (previous.isWord("FROM") && !insideFunctionWithFrom(tokens, before)
                    || previous.isWord("JOIN"))) {
                if (!upper.equals("JSON_TABLE") && !upper.equals("LATERAL") && !upper.equals("DUAL")) {
                    throw Lexer.syntaxError(sql, name.start());
                }
                continue;
            }
            if (previous != null && previous.kind() == Token.Kind.WORD && BEFORE_TABLE.contains(previous.upper())
                    || isColumnListOfACommonTableExpression(tokens, i + 1)) {
                continue;
            }
            if (!qualified && name.kind() == Token.Kind.WORD
                    && (KEYWORDS.contains(upper) || FUNCTIONS.contains(upper))) {
                continue;
            }
            if (!qualified && name.kind() == Token.Kind.QUOTED_IDENTIFIER && FUNCTIONS.contains(upper)) {
                continue;
            }
            if (StoredFunctions.exists(qualified ? tokens.get(i - 2).text() : schema, name.text())) {
                continue;
            }
            if (qualified) {
                throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION", tokens.get(i - 2).text() + "." + name.text());
            }
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION", schema + "." + name.text());
        }
    }

    /** EXTRACT(YEAR FROM x), TRIM(... FROM x), SUBSTRING(s FROM n): a FROM of the function, not of a table list. */
    private static boolean insideFunctionWithFrom(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(") && depth-- == 0) {
                return i > 0 && tokens.get(i - 1).kind() == Token.Kind.WORD
                        && FUNCTIONS_WITH_FROM.contains(tokens.get(i - 1).upper());
            }
        }
        return false;
    }

    /** {@code name (a, b) AS (}: the column list of WITH name (a, b) AS (...), not a call. */
    private static boolean isColumnListOfACommonTableExpression(List<Token> tokens, int open) {
        int close = TokenRanges.closing(tokens, open);
        return close > 0 && close + 2 < tokens.size() && tokens.get(close + 1).isWord("AS")
                && tokens.get(close + 2).isSymbol("(");
    }

    private static Set<String> load() {
        try (InputStream in = FunctionAllowlist.class.getResourceAsStream("mysql-functions.txt")) {
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name.toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
