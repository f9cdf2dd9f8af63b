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
        assertEquals("DELETE FROM t WHERE PUBLIC.MYSQL_DIVIDE(1,2) > 0", rewrite("DELETE FROM t WHERE 1/2 > 0"));
        assertEquals("DELETE FROM t WHERE 1 + PUBLIC.MYSQL_DIVIDE(6 , 4) > a",
                rewrite("DELETE FROM t WHERE 1 + 6 / 4 > a"));
        assertEquals("DELETE FROM t WHERE PUBLIC.MYSQL_DIVIDE(2 * 3 , 4) > a", rewrite("DELETE FROM t WHERE 2 * 3 / 4 > a"));
        assertEquals("DELETE FROM t WHERE PUBLIC.MYSQL_DIVIDE(PUBLIC.MYSQL_DIVIDE(10 , 4) , 2) > a",
                rewrite("DELETE FROM t WHERE 10 / 4 / 2 > a"));
        assertEquals("DELETE FROM t WHERE PUBLIC.MYSQL_DIVIDE(-7 , 2) > a", rewrite("DELETE FROM t WHERE -7 / 2 > a"));
    }

    /** A select-list item of known scale keeps the quotients' inner digits and rounds once, at its end. */
    @Test
    void selectItemsRoundAtTheirDeclaredScale() {
        assertEquals("SELECT CAST(PUBLIC.MYSQL_DIVIDE_EXACT(2 , 3) * 100 AS DECIMAL(65, 4)) AS p",
                rewrite("SELECT 2 / 3 * 100 AS p"));
        assertEquals("SELECT CAST(PUBLIC.MYSQL_DIVIDE_EXACT(PUBLIC.MYSQL_DIVIDE_EXACT(10 , 4) , 2) AS DECIMAL(65, 8))",
                rewrite("SELECT 10 / 4 / 2"));
        assertEquals("SELECT CAST(ROUND(PUBLIC.MYSQL_DIVIDE_EXACT(1.50 , 7), 6) AS DECIMAL(65, 6)), "
                        + "CAST(SUM(PUBLIC.MYSQL_DIVIDE_EXACT(1 , 3)) * 3 AS DECIMAL(65, 4))",
                rewrite("SELECT ROUND(1.50 / 7, 6), SUM(1 / 3) * 3"));
        // a DOUBLE, a parameter, a comparison or a column of unknown type: rounded at once, as before
        assertEquals("SELECT PUBLIC.MYSQL_DIVIDE(1e0 , 3), PUBLIC.MYSQL_DIVIDE(? , 3), PUBLIC.MYSQL_DIVIDE(2 , 3) = 1, "
                + "PUBLIC.MYSQL_DIVIDE(a , 3) FROM t", rewrite("SELECT 1e0 / 3, ? / 3, 2 / 3 = 1, a / 3 FROM t"));
        // a quotient in ORDER BY that the engine matches with the select list's: none is exact
        assertEquals("SELECT DISTINCT PUBLIC.MYSQL_DIVIDE(1 , 3) FROM t ORDER BY PUBLIC.MYSQL_DIVIDE(1 , 3)",
                rewrite("SELECT DISTINCT 1 / 3 FROM t ORDER BY 1 / 3"));
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
        assertEquals("SELECT CASE WHEN 1 = 1 THEN 2 END + PUBLIC.MYSQL_DIVIDE(4 , 5) FROM t",
                rewrite("SELECT CASE WHEN 1 = 1 THEN 2 END + 4 / 5 FROM t"));
        assertEquals("SELECT CASE a WHEN 1 THEN 2 END - PUBLIC.MYSQL_INTEGER_DIVIDE(9 , 2) FROM t",
                rewrite("SELECT CASE a WHEN 1 THEN 2 END - 9 DIV 2 FROM t"));
    }
}
