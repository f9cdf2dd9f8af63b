package dev.doppel.server.sql.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

/** Integer literals the engine's text widens to BIGINT, and the ones it leaves as written (EngineSql). */
class IntegerWideningTest {
    private static String rewrite(String sql) {
        return EngineSql.rewrite(sql, Lexer.tokenize(sql), null);
    }

    @Test
    void literalsBesideAnIntegerLiteralOrAnIntegerFunctionAreWidened() {
        assertEquals("SELECT CAST(2147483647 AS BIGINT) * CAST(3 AS BIGINT)", rewrite("SELECT 2147483647 * 3"));
        assertEquals("SELECT UNIX_TIMESTAMP() * CAST(1000 AS BIGINT)", rewrite("SELECT UNIX_TIMESTAMP() * 1000"));
        assertEquals("SELECT CAST(5 AS BIGINT) - -CAST(1 AS BIGINT)", rewrite("SELECT 5 - -1"));
        assertEquals("UPDATE t SET a = CAST(1 AS BIGINT) + PUBLIC.MYSQL_LENGTH(b)", rewrite("UPDATE t SET a = 1 + LENGTH(b)"));
    }

    @Test
    void otherLiteralsStayAsWritten() {
        // a column may be a DATE, to which the engine adds no BIGINT
        assertEquals("SELECT d - 7, CURDATE() - 7, -1, 1.5 * 2 FROM t", rewrite("SELECT d - 7, CURDATE() - 7, -1, 1.5 * 2 FROM t"));
        assertEquals("INSERT INTO t VALUES (1, -2)", rewrite("INSERT INTO t VALUES (1, -2)"));
        // DDL keeps its defaults as typed
        assertEquals("CREATE TABLE t (a INT DEFAULT 1 + 1)", rewrite("CREATE TABLE t (a INT DEFAULT 1 + 1)"));
        // a literal that is a division's operand
        assertEquals("SELECT 1 + PUBLIC.MYSQL_DIVIDE(6 , 4) = a FROM t", rewrite("SELECT 1 + 6 / 4 = a FROM t"));
    }
}
