package dev.doppel.server.it.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Random SQL for the fuzzer, in three kinds: raw bytes, token salad from MySQL's vocabulary, and statements built
 * from a small part of MySQL's grammar (queries with nested expressions, functions, subqueries, recursive CTEs,
 * unions, and DML on the fuzz table), sometimes nested far deeper than any parser's stack.
 */
final class FuzzSql {
    private static final List<String> WORDS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IN",
            "EXISTS", "UNION", "ALL", "DISTINCT", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT",
            "ON", "USING", "AS", "WITH", "RECURSIVE", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CASE",
            "WHEN", "THEN", "ELSE", "END", "CAST", "CONVERT", "BINARY", "COLLATE", "INTERVAL", "DAY", "TABLE", "DUAL",
            "CREATE", "DROP", "ALTER", "INDEX", "VIEW", "TEMPORARY", "SHOW", "DESCRIBE", "EXPLAIN", "DO", "CALL",
            "PREPARE", "EXECUTE", "LOCK", "UNLOCK", "TABLES", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "USE",
            "fz", "t", "id", "d", "dt", "tm", "n", "s", "b", "f", "j", "information_schema", "mysql", "user");
    private static final List<String> SYMBOLS = List.of("(", ")", ",", ".", ";", "=", "<", ">", "<=", "<>", "!=",
            "+", "-", "*", "/", "%", "&", "|", "^", "~", "<<", ">>", "->", "->>", ":=", "@", "@@", "?", "`", "'",
            "\"", "\\", "#", "--", "/*", "*/", "/*!80000", "0x", "X'", "B'", "_binary", "_utf8mb4", "N'");
    private static final List<String> LITERALS = List.of("0", "1", "-1", "18446744073709551615",
            "9223372036854775808", "1e308", "1e-308", "0.0000001", "'a'", "''", "'\\0'", "'\\''", "X'FF'",
            "0xDEADBEEF", "B'101'", "NULL", "TRUE", "'2024-02-30'", "'0000-00-00'", "'25:61:61'", "'{\"a\":[1,2]}'",
            "_binary'\\xff'", "@x", "@@sql_mode", "'9999-12-31 23:59:59.999999'");
    private static final List<String> FUNCTIONS = List.of("CONCAT", "SUBSTRING", "LENGTH", "HEX", "UNHEX", "MD5",
            "SHA2", "ABS", "ROUND", "FLOOR", "COALESCE", "IFNULL", "NULLIF", "IF", "GREATEST", "LEAST", "DATE_ADD",
            "DATE_FORMAT", "STR_TO_DATE", "FROM_UNIXTIME", "JSON_EXTRACT", "JSON_OBJECT", "JSON_ARRAY", "CAST",
            "LOWER", "UPPER", "REPLACE", "LPAD", "REPEAT", "FIELD", "ELT", "FIND_IN_SET", "CONV", "CHAR", "ASCII",
            "WEEK", "YEARWEEK", "DATEDIFF", "TIME_TO_SEC", "INET_ATON", "FORMAT", "CRC32", "BIT_COUNT", "SIGN");

    private final Random random;

    FuzzSql(Random random) {
        this.random = random;
    }

    String next() {
        return switch (random.nextInt(10)) {
            case 0 -> bytes();
            case 1, 2 -> salad();
            default -> statement();
        };
    }

    private String bytes() {
        byte[] raw = new byte[random.nextInt(200)];
        random.nextBytes(raw);
        return new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private String salad() {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> pick(SYMBOLS);
                case 1 -> pick(LITERALS);
                default -> pick(WORDS);
            }).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return out.toString();
    }

    private String statement() {
        return switch (random.nextInt(8)) {
            case 0 -> "INSERT INTO fz.t (d, dt, tm, n, s, f, j) VALUES (" + expression(2) + ", " + expression(2) + ", "
                    + expression(2) + ", " + expression(2) + ", " + expression(2) + ", " + expression(2) + ", "
                    + expression(1) + ")";
            case 1 -> "UPDATE fz.t SET " + pick(List.of("n", "s", "d", "f")) + " = " + expression(3) + " WHERE "
                    + expression(3);
            case 2 -> "DELETE FROM fz.t WHERE " + expression(3) + " LIMIT 5";
            case 3 -> "WITH RECURSIVE c (x) AS (SELECT " + expression(1) + " UNION " + pick(List.of("ALL ", ""))
                    + "SELECT x + 1 FROM c" + (random.nextBoolean() ? " WHERE x < " + random.nextInt(3000) : "")
                    + ") SELECT COUNT(*) FROM c";
            case 4 -> "SELECT " + "(".repeat(deep()) + "1" + ")".repeat(deep());
            default -> query(3);
        };
    }

    private int deep() {
        return random.nextInt(4) == 0 ? 200 + random.nextInt(5000) : random.nextInt(50);
    }

    private String query(int depth) {
        StringBuilder out = new StringBuilder("SELECT ");
        int columns = 1 + random.nextInt(4);
        for (int i = 0; i < columns; i++) {
            out.append(i == 0 ? "" : ", ").append(expression(depth));
        }
        if (random.nextBoolean()) {
            out.append(" FROM fz.t").append(random.nextBoolean() ? " a JOIN fz.t b ON a.id = b.id" : "");
            if (random.nextBoolean()) {
                out.append(" WHERE ").append(expression(depth));
            }
            if (random.nextInt(3) == 0) {
                out.append(" GROUP BY 1");
            }
            if (random.nextInt(3) == 0) {
                out.append(" ORDER BY ").append(expression(1));
            }
        }
        if (random.nextInt(4) == 0) {
            out.append(" LIMIT ").append(random.nextInt(10));
        }
        if (random.nextInt(6) == 0) {
            out.append(" UNION ").append(query(depth - 1));
        }
        return out.toString();
    }

    private String expression(int depth) {
        if (depth <= 0) {
            return random.nextBoolean() ? pick(LITERALS) : pick(List.of("id", "d", "dt", "tm", "n", "s", "f", "j"));
        }
        return switch (random.nextInt(6)) {
            case 0 -> expression(depth - 1) + " " + pick(List.of("+", "-", "*", "/", "DIV", "%", "=", "<", "AND", "OR",
                    "LIKE", "REGEXP", "||", "&", "<<")) + " " + expression(depth - 1);
            case 1 -> pick(FUNCTIONS) + "(" + arguments(depth - 1) + ")";
            case 2 -> "(" + query(depth - 1) + ")";
            case 3 -> "CASE WHEN " + expression(depth - 1) + " THEN " + expression(depth - 1) + " ELSE "
                    + expression(depth - 1) + " END";
            case 4 -> "CAST(" + expression(depth - 1) + " AS " + pick(List.of("SIGNED", "UNSIGNED", "CHAR", "DATE",
                    "DATETIME", "TIME", "DECIMAL(10,2)", "JSON", "BINARY", "DOUBLE")) + ")";
            default -> expression(0);
        };
    }

    private String arguments(int depth) {
        StringBuilder out = new StringBuilder();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ", ").append(expression(depth));
        }
        return out.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
