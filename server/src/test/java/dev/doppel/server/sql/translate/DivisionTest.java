package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DivisionTest {
    private static String rewrite(String sql) {
        return EngineSql.rewrite(sql, Lexer.tokenize(sql), null);
    }

    @Test
    void operandsFollowMySqlPrecedence() {
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(1,2)", rewrite("SELECT 1/2"));
        assertEquals("SELECT 1 + PUBLIC.MYSQL_DIVIDE(6 , 4)", rewrite("SELECT 1 + 6 / 4"));
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(2 * 3 , 4)", rewrite("SELECT 2 * 3 / 4"));
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(PUBLIC.MYSQL_DIVIDE(10 , 4) , 2)", rewrite("SELECT 10 / 4 / 2"));
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(-7 , 2)", rewrite("SELECT -7 / 2"));
    }

    @Test
    void integerDivisionOfAnyExpression() {
        assertEquals("SELECT PUBLIC.MYSQL_INTEGER_DIVIDE((CAST(1 AS BIGINT) + CAST(6 AS BIGINT)) , 2)",
                rewrite("SELECT (1 + 6) DIV 2"));
        assertEquals("SELECT PUBLIC.MYSQL_INTEGER_DIVIDE(ABS(t.a) , t.b) FROM t",
                rewrite("SELECT ABS(t.a) DIV t.b FROM t"));
        assertEquals("SELECT 7 % 3", rewrite("SELECT 7 MOD 3"));
    }

    @Test
    void stringsAndCallsStayIntact() {
        assertEquals("SELECT 'a/b', MOD(7, 3)", rewrite("SELECT 'a/b', MOD(7, 3)"));
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(COUNT(*) , CASE WHEN x THEN 2 END) FROM t",
                rewrite("SELECT COUNT(*) / CASE WHEN x THEN 2 END FROM t"));
    }

    /** The + after CASE ... END adds to the CASE; it is no sign of what follows (1064 before). */
    @Test
    void anOperatorAfterCaseEndIsBinary() {
        assertEquals("SELECT CASE WHEN 1 = 1 THEN 2 END + PUBLIC.MYSQL_DIVIDE(4 , 5)",
                rewrite("SELECT CASE WHEN 1 = 1 THEN 2 END + 4 / 5"));
        assertEquals("SELECT CASE a WHEN 1 THEN 2 END - PUBLIC.MYSQL_INTEGER_DIVIDE(9 , 2) FROM t",
                rewrite("SELECT CASE a WHEN 1 THEN 2 END - 9 DIV 2 FROM t"));
    }
}
