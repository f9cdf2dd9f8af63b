package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePipelineTest {
    private static String rewrite(String sql) {
        return EnginePipeline.mysqlForms(SqlText.of(sql)).sql();
    }

    @Test
    void schedulingModifiersGo() {
        assertThat(rewrite("INSERT LOW_PRIORITY IGNORE INTO t VALUES (1)")).isEqualTo("INSERT  IGNORE INTO t VALUES (1)");
        assertThat(rewrite("DELETE LOW_PRIORITY QUICK IGNORE FROM t")).isEqualTo("DELETE   IGNORE FROM t");
        assertThat(rewrite("INSERT DELAYED INTO t VALUES (1)")).isEqualTo("INSERT DELAYED INTO t VALUES (1)");
        // a table named like a modifier stays
        assertThat(rewrite("UPDATE `quick` SET a = 1")).isEqualTo("UPDATE `quick` SET a = 1");
    }

    @Test
    void stringAliasesBecomeQuotedIdentifiers() {
        assertThat(rewrite("SELECT routine_name AS 'N', COUNT(*) \"total\", a 'x`y' FROM t"))
                .isEqualTo("SELECT routine_name AS `N`, COUNT(*) `total`, a `x``y` FROM t");
        assertThat(rewrite("SELECT (SELECT b 'inner' FROM u) AS 'outer' FROM t"))
                .isEqualTo("SELECT (SELECT b `inner` FROM u) AS `outer` FROM t");
        // literals, not aliases
        String literals = "SELECT 'a' 'b', DATE '2020-01-01', N'n', _latin1'l', x'41', a LIKE 'p', 'v' FROM t"
                + " WHERE c = 'w' AND d IN ('x', 'y') ORDER BY e";
        assertThat(rewrite(literals)).isEqualTo(literals);
        assertThat(rewrite("INSERT INTO t VALUES (1, 'a')")).isEqualTo("INSERT INTO t VALUES (1, 'a')");
    }

    @Test
    void assertCastTypes() {
        assertThat(rewrite("SELECT CAST(x AS SIGNED), CONVERT(y, UNSIGNED INTEGER) FROM t"))
                .isEqualTo("SELECT CAST(x AS BIGINT), CONVERT(y, BIGINT) FROM t");
        assertThat(rewrite("SELECT CAST(x AS CHAR), CONVERT(y, CHAR), CAST(z AS CHAR CHARACTER SET utf8mb4) FROM t"))
                .isEqualTo("SELECT CAST(x AS VARCHAR), CONVERT(y, VARCHAR), CAST(z AS VARCHAR) FROM t");
        assertThat(rewrite("SELECT CAST(x AS CHAR(3)) FROM t")).isEqualTo("SELECT CAST(x AS CHAR(3)) FROM t");
        assertThat(rewrite("SELECT CONVERT('abc' USING utf8mb4), CONVERT(f(a, b) USING latin1) FROM t"))
                .isEqualTo("SELECT CONVERT('abc' , VARCHAR), CONVERT(f(a, b) , VARCHAR) FROM t");
        assertThat(rewrite("SELECT a FROM t JOIN u USING (id)")).isEqualTo("SELECT a FROM t JOIN u USING (id)");
    }

    @Test
    void assertInsertRowAlias() {
        assertThat(rewrite("INSERT INTO t (k, n) VALUES ('a', 1), ('b', 2) AS new ON DUPLICATE KEY UPDATE n = new.n + t.n"))
                .isEqualTo("INSERT INTO t (k, n) VALUES ('a', 1), ('b', 2) ON DUPLICATE KEY UPDATE n = VALUES(`n`) + t.n");
        assertThat(rewrite("INSERT INTO t (k, n) VALUES ('a', 1) AS r (kk, nn) ON DUPLICATE KEY UPDATE n = r.nn"))
                .isEqualTo("INSERT INTO t (k, n) VALUES ('a', 1) ON DUPLICATE KEY UPDATE n = VALUES(`n`)");
        String plain = "INSERT INTO t (k, n) VALUES ('a', 1) ON DUPLICATE KEY UPDATE n = VALUES(n)";
        assertThat(rewrite(plain)).isEqualTo(plain);
    }

    @Test
    void assertBitOperatorsBecomeCallsWithMySqlPrecedence() {
        assertThat(rewrite("SELECT a & b FROM t")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_AND(a , b) FROM t");
        assertThat(rewrite("SELECT 1 | 2 & 3")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_OR(1 , PUBLIC.MYSQL_BIT_AND(2 , 3))");
        assertThat(rewrite("SELECT 1&2|3")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_OR(PUBLIC.MYSQL_BIT_AND(1,2),3)");
        assertThat(rewrite("SELECT a&b&c")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_AND(PUBLIC.MYSQL_BIT_AND(a,b),c)");
        assertThat(rewrite("SELECT 2 * 3 ^ 2")).isEqualTo("SELECT 2 * PUBLIC.MYSQL_BIT_XOR(3 , 2)");
        assertThat(rewrite("SELECT 1 + 2 << x.y")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_SHIFT_LEFT(1 + 2 , x.y)");
        assertThat(rewrite("SELECT ~a, -~b")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_NOT(a), -PUBLIC.MYSQL_BIT_NOT(b)");
        assertThat(rewrite("SELECT 1&~1")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_AND(1,PUBLIC.MYSQL_BIT_NOT(1))");
        assertThat(rewrite("SELECT f(a >> 1) + 1 FROM t WHERE (c & 4) <> 0 AND d = 1"))
                .isEqualTo("SELECT f(PUBLIC.MYSQL_BIT_SHIFT_RIGHT(a , 1)) + 1 FROM t WHERE (PUBLIC.MYSQL_BIT_AND(c , 4)) <> 0"
                        + " AND d = 1");
        assertThat(rewrite("UPDATE t SET f = f | 8 WHERE id = 2"))
                .isEqualTo("UPDATE t SET f = PUBLIC.MYSQL_BIT_OR(f , 8) WHERE id = 2");
        String untouched = "SELECT a || b, a && b, 'x & y' FROM t";
        assertThat(rewrite(untouched)).isEqualTo(untouched);
    }

    @Test
    void assertUpdateAssignmentsRunFromLeftToRight() {
        assertThat(rewrite("UPDATE t SET x = 3, x = 4 WHERE id = 1")).isEqualTo("UPDATE t SET x = 4 WHERE id = 1");
        assertThat(rewrite("UPDATE t SET a = a + 1, b = a * 2 WHERE id = 1"))
                .isEqualTo("UPDATE t SET a = a + 1, b = (a + 1) * 2 WHERE id = 1");
        assertThat(rewrite("UPDATE t SET x = x + 1, x = x * 2")).isEqualTo("UPDATE t SET x = (x + 1) * 2");
        assertThat(rewrite("UPDATE t u SET u.a = b, b = u.a, c = f(a) ORDER BY id LIMIT 1"))
                .startsWith("UPDATE t u SET a = b, b = (b), c = f((b))");
        String plain = "UPDATE t SET a = 1, b = b + 1 WHERE a = 2";
        assertThat(rewrite(plain)).isEqualTo(plain);
        String subquery = "UPDATE t SET a = 1, b = (SELECT a FROM u)";
        assertThat(rewrite(subquery)).isEqualTo(subquery);
    }

    @Test
    void assertHexAndBitLiteralsAreNumbersInNumericContext() {
        assertThat(rewrite("SELECT X'41' + 1, 0x41 = 65, 65 = 0x41, -0x10, 2 * b'101'"))
                .isEqualTo("SELECT 65 + 1, 65 = 65, 65 = 65, -16, 2 * 5");
        assertThat(rewrite("SELECT b'101', B'1000000001', X'41', 0x41 = 'A', HEX(0x41)"))
                .isEqualTo("SELECT X'05', X'0201', X'41', 0x41 = 'A', HEX(0x41)");
        assertThat(rewrite("SELECT X'FF' & 15")).isEqualTo("SELECT PUBLIC.MYSQL_BIT_AND(X'FF' , 15)");
    }

    @Test
    void assertSharedLocksBecomeExclusive() {
        assertThat(rewrite("SELECT v FROM t WHERE id = 1 FOR SHARE")).isEqualTo("SELECT v FROM t WHERE id = 1 FOR UPDATE");
        assertThat(rewrite("SELECT v FROM t WHERE id = 1 LOCK IN SHARE MODE"))
                .isEqualTo("SELECT v FROM t WHERE id = 1 FOR UPDATE");
    }

    @Test
    void selectModifiersGoAndStraightJoinIsAJoin() {
        assertThat(rewrite("SELECT HIGH_PRIORITY STRAIGHT_JOIN SQL_BIG_RESULT DISTINCTROW a FROM t STRAIGHT_JOIN u"))
                .isEqualTo("SELECT    DISTINCT a FROM t JOIN u");
        assertThat(rewrite("SELECT DISTINCT SQL_CALC_FOUND_ROWS a FROM t")).isEqualTo("SELECT DISTINCT SQL_CALC_FOUND_ROWS a FROM t");
        // a column named like a modifier, after the select list started, stays
        assertThat(rewrite("SELECT a, `high_priority` FROM t")).isEqualTo("SELECT a, `high_priority` FROM t");
    }

    @Test
    void countOfSeveralDistinctValuesLeavesOutNulls() {
        assertThat(rewrite("SELECT COUNT(DISTINCT a, b + 1) FROM t"))
                .isEqualTo("SELECT COUNT(DISTINCT ( a, b + 1 ))  FILTER (WHERE (a) IS NOT NULL AND (b + 1) IS NOT NULL) FROM t");
        assertThat(rewrite("SELECT COUNT(DISTINCT a) FROM t")).isEqualTo("SELECT COUNT(DISTINCT a) FROM t");
    }

    @Test
    void havingNamesTheAliasBeforeTheColumn() {
        assertThat(rewrite("SELECT SUM(a) AS a FROM t GROUP BY b HAVING a > 1"))
                .isEqualTo("SELECT SUM(a) AS a FROM t GROUP BY b HAVING (SUM(a)) > 1");
        // grouped by that name and an aggregate: the column
        assertThat(rewrite("SELECT COUNT(a) AS b FROM t GROUP BY b HAVING b = 2"))
                .isEqualTo("SELECT COUNT(a) AS b FROM t GROUP BY b HAVING b = 2");
        // inside an aggregate a name is the column
        assertThat(rewrite("SELECT SUM(a) AS a FROM t GROUP BY b HAVING SUM(a) > 1"))
                .isEqualTo("SELECT SUM(a) AS a FROM t GROUP BY b HAVING SUM(a) > 1");
    }
}
