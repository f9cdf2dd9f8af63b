package dev.doppel.server.sql.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

/** {@code x + INTERVAL n unit} in the engine's spelling (DateArithmetic), which reads only a quoted number there. */
class OperatorIntervalsTest {
    private static String rewrite(String sql) {
        return EngineSql.rewrite(sql, Lexer.tokenize(sql), null);
    }

    @Test
    void theIntervalBecomesAProductWithTheEnginesUnit() {
        assertEquals("SELECT d + ( 1 ) * INTERVAL '1' DAY FROM t", rewrite("SELECT d + INTERVAL 1 DAY FROM t"));
        assertEquals("SELECT d - ( n + 1 ) * INTERVAL '7' DAY FROM t", rewrite("SELECT d - INTERVAL n + 1 WEEK FROM t"));
        assertEquals("SELECT ( 2 ) * INTERVAL '1' MONTH + d FROM t", rewrite("SELECT INTERVAL 2 MONTH + d FROM t"));
        assertEquals("SELECT CAST('2024-01-31' AS DATE) + ( 1 ) * INTERVAL '1' MONTH",
                rewrite("SELECT '2024-01-31' + INTERVAL 1 MONTH"));
        assertEquals("SELECT CAST( '2024-01-31' AS TIMESTAMP(0)) - ( 2 ) * INTERVAL '1' HOUR",
                rewrite("SELECT DATE '2024-01-31' - INTERVAL 2 HOUR"));
        // a DATE column plus hours is a DATETIME, as in MySQL
        assertEquals("SELECT COALESCE((d), CAST(NULL AS TIMESTAMP(0))) + ( 1 ) * INTERVAL '1' HOUR FROM t",
                rewrite("SELECT d + INTERVAL 1 HOUR FROM t"));
        assertEquals("SELECT a + d + ( 1 ) * INTERVAL '1' HOUR FROM t", rewrite("SELECT a + d + INTERVAL 1 HOUR FROM t"));
    }

    @Test
    void otherIntervalsStay() {
        // the function INTERVAL(n, n1, ...) is the server's
        assertEquals("SELECT PUBLIC.MYSQL_INTERVAL(5, 1, 10)", rewrite("SELECT INTERVAL(5, 1, 10)"));
        // a compound unit's parts are read from a quoted value only
        assertEquals("SELECT d + INTERVAL x DAY_HOUR FROM t", rewrite("SELECT d + INTERVAL x DAY_HOUR FROM t"));
        assertEquals("SELECT INTERVAL '1:2' DAY_HOUR + d FROM t", rewrite("SELECT INTERVAL '1:2' DAY_HOUR + d FROM t"));
    }

    @Test
    void aQuotedCompoundIntervalBecomesItsParts() {
        assertEquals("SELECT COALESCE((d), CAST(NULL AS TIMESTAMP(0))) + ( 0 ) * INTERVAL '1' DAY + 1 * INTERVAL '1' DAY"
                + " + 2 * INTERVAL '1' HOUR FROM t",
                rewrite("SELECT d + INTERVAL '1:2' DAY_HOUR FROM t"));
        assertEquals("SELECT d - ( 0 ) * INTERVAL '1' DAY - 14 * INTERVAL '1' MONTH FROM t",
                rewrite("SELECT d - INTERVAL '1-2' YEAR_MONTH FROM t"));
        assertEquals("SELECT d + ( 2 ) * INTERVAL '1' DAY FROM t", rewrite("SELECT d + INTERVAL '2' DAY FROM t"));
    }
}
