package dev.doppel.server.sql.parse;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementParserTest {
    private static ParsedStatement parse(String sql) {
        return StatementParser.parse(sql, Lexer.tokenize(sql));
    }

    private static List<String> tables(String sql) {
        List<String> result = new ArrayList<>();
        for (ParsedStatement.TableUse each : parse(sql).tables()) {
            result.add((each.database() == null ? "" : each.database() + ".") + each.table() + ":" + each.use());
        }
        return result;
    }

    private static List<String> calls(String sql) {
        List<String> result = new ArrayList<>();
        for (ParsedStatement.FunctionCall each : parse(sql).calls()) {
            result.add((each.qualifier() == null ? "" : each.qualifier() + ".") + each.name());
        }
        return result;
    }

    @Test
    void readsMySqlQueries() {
        for (String sql : List.of(
                "SELECT 1",
                "SELECT DISTINCT a, b AS 'x y', c d, t.*, db.t.* FROM db.t AS t WHERE a = 1 AND b IS NOT NULL",
                "SELECT a FROM t1 LEFT JOIN t2 USING (id) RIGHT OUTER JOIN t3 ON t3.x = t1.x NATURAL JOIN t4",
                "SELECT * FROM t1 STRAIGHT_JOIN t2 ON t1.a = t2.a CROSS JOIN t3, (t4 JOIN t5 ON t4.i = t5.i)",
                "SELECT * FROM t FORCE INDEX (PRIMARY) USE KEY FOR ORDER BY (k1, k2) IGNORE INDEX ()",
                "SELECT a, COUNT(*), SUM(DISTINCT b), GROUP_CONCAT(DISTINCT c ORDER BY c DESC SEPARATOR ';') FROM t "
                        + "GROUP BY a WITH ROLLUP HAVING COUNT(*) > 1 ORDER BY 2 DESC LIMIT 10 OFFSET 5",
                "SELECT CAST(a AS SIGNED INTEGER), CAST(b AS CHAR(10) CHARACTER SET utf8mb4), CONVERT(c, DECIMAL(10, 2)), "
                        + "CONVERT(d USING latin1), CAST(e AS DATETIME(6)), CAST(f AS UNSIGNED)",
                "SELECT EXTRACT(YEAR FROM d), TRIM(LEADING 'x' FROM s), TRIM(s), TRIM('a' FROM s), SUBSTRING(s FROM 2 FOR 3), "
                        + "SUBSTRING(s, 1, 2), POSITION('a' IN s), TIMESTAMPDIFF(SECOND, a, b), GET_FORMAT(DATE, 'USA')",
                "SELECT d + INTERVAL 1 DAY, DATE_ADD(d, INTERVAL '1:2' HOUR_MINUTE), INTERVAL 2 MONTH + d, INTERVAL(5, 1, 10)",
                "SELECT CASE a WHEN 1 THEN 'one' ELSE 'other' END, CASE WHEN a > 1 THEN 2 END, IF(a, b, c), IFNULL(a, 0)",
                "SELECT x'4142', X'', b'01', N'abc', _utf8mb4'abc' COLLATE utf8mb4_bin, _binary 0x41, DATE '2024-01-01', "
                        + "TIMESTAMP '2024-01-01 10:00:00', 'a' 'b', -1, +2, ~3, !4, NOT 5, 1e5, .5, 0x41, @v, @@version, ?",
                "SELECT a FROM t WHERE a IN (1, 2) AND b NOT IN (SELECT b FROM u) AND c BETWEEN 1 AND 2 AND d NOT LIKE 'x%' "
                        + "ESCAPE '!' AND e REGEXP '^a' AND f SOUNDS LIKE 'g' AND EXISTS (SELECT 1) AND NOT EXISTS (SELECT 2) "
                        + "AND g = ANY (SELECT 1) AND h <=> NULL AND i IS TRUE AND 3 MEMBER OF ('[3]') AND (a, b) = (1, 2)",
                "SELECT j->'$.a', j->>'$.b', JSON_EXTRACT(j, '$.c') FROM t",
                "SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), "
                        + "SUM(x) OVER w, LAG(x, 1) OVER (ORDER BY d RANGE INTERVAL 1 DAY PRECEDING), "
                        + "NTH_VALUE(x, 2) FROM FIRST OVER w FROM t WINDOW w AS (PARTITION BY a)",
                "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT * FROM c",
                "WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b",
                "(SELECT a FROM t1) UNION DISTINCT (SELECT a FROM t2) ORDER BY a LIMIT 1",
                "SELECT a FROM t1 EXCEPT SELECT a FROM t2 INTERSECT SELECT a FROM t3",
                "TABLE t", "VALUES ROW(1, 2), ROW(3, 4)",
                "SELECT * FROM (SELECT 1 AS a) AS d (x), LATERAL (SELECT d.x) AS l",
                "SELECT * FROM JSON_TABLE('[1, 2]', '$[*]' COLUMNS (id FOR ORDINALITY, x INT PATH '$' DEFAULT '0' ON EMPTY, "
                        + "NESTED PATH '$.n' COLUMNS (y VARCHAR(10) CHARACTER SET utf8mb4 PATH '$'))) AS jt",
                "SELECT a FROM t WHERE id = 1 FOR UPDATE OF t NOWAIT",
                "SELECT a FROM t LOCK IN SHARE MODE",
                "SELECT a INTO @x FROM t LIMIT 1",
                "SELECT a FROM t INTO OUTFILE '/tmp/x' CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' ENCLOSED BY '\"' "
                        + "LINES TERMINATED BY '\\n'",
                "SELECT SQL_CALC_FOUND_ROWS a FROM t LIMIT 2",
                "SELECT MATCH (a, b) AGAINST ('x' IN BOOLEAN MODE) FROM t",
                "SELECT {d '2024-01-01'}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(3), CURRENT_USER, CURRENT_USER(), "
                        + "UTC_DATE(), DATABASE(), LEFT('abc', 1), REPLACE('a', 'b', 'c'), CHAR(65 USING utf8mb4)",
                "SELECT t.order, t.key FROM t",
                "SELECT @a := 1, a DIV 2, a MOD 3, a % 4, a ^ 5, a << 1, a | b & c",
                "SELECT COUNT(DISTINCT a, b), JSON_VALUE(j, '$.a' RETURNING DECIMAL(4, 2) NULL ON EMPTY)",
                // found by running MariaDB's own test statements through the parser and through MariaDB
                "SELECT HEX(_utf8mb4 X'41'), _binary B'01111110', NAME_CONST('v', _latin1'foo' COLLATE 'latin1_bin')",
                "SELECT ((SELECT 100) + t2.b) AS r FROM t2",
                "SELECT ROW(1, ROW(2, 3)) IN ((SELECT 1, 1), ROW(1, ROW(2, 3)))",
                "SELECT COUNT(*) FROM t1 WHERE MATCH a, b AGAINST ('x' IN BOOLEAN MODE)",
                "SELECT * FROM t1 LEFT JOIN t2 LEFT JOIN t3 ON t3.e = t2.d ON 1",
                "SELECT t1.*, t2.* FROM { OJ t2 LEFT OUTER JOIN t1 ON (t1.a = t2.a) }",
                "SELECT * FROM t10, t1 FORCE INDEX (mb3), t2 WHERE t1.mb3 = t2.mb4",
                "INSERT INTO t1 SELECT a FROM t2 JOIN t3 USING (a) ON DUPLICATE KEY UPDATE a = t1.a + 1",
                "INSERT INTO t1 (x, y) SELECT x, z FROM t2 ON DUPLICATE KEY UPDATE x = VALUES(x)")) {
            parse(sql);
        }
    }

    @Test
    void readsMySqlDataChanges() {
        for (String sql : List.of(
                "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)",
                "INSERT IGNORE t (a, b) VALUE (1, 2)",
                "INSERT INTO t () VALUES ()",
                "INSERT INTO t SET a = 1, b = DEFAULT",
                "INSERT INTO t (a) SELECT a FROM u WHERE a > 1",
                "INSERT INTO t (SELECT a FROM u)",
                "INSERT INTO t TABLE u",
                "INSERT INTO t (k, n) VALUES ('a', 1) AS new (kk, nn) ON DUPLICATE KEY UPDATE n = new.nn + VALUES(n)",
                "REPLACE INTO t (a) VALUES (1)",
                "UPDATE t SET a = a + 1 WHERE id = 1 ORDER BY id DESC LIMIT 1",
                "UPDATE LOW_PRIORITY IGNORE db.t AS x SET x.a = 1",
                "UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.b WHERE t2.c > 0",
                "DELETE FROM t WHERE id = 1 ORDER BY id LIMIT 1",
                "DELETE t1, t2.* FROM t1 JOIN t2 ON t1.id = t2.id",
                "DELETE FROM t1 USING t1 JOIN t2 ON t1.id = t2.id WHERE t2.x = 1",
                "WITH d AS (SELECT 1 AS id) DELETE FROM t WHERE id IN (SELECT id FROM d)",
                "WITH d AS (SELECT 1 AS id) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM d)")) {
            parse(sql);
        }
    }

    @Test
    void refusesWhatIsNotMySql() {
        for (String sql : List.of(
                "SELECT * FROM TABLE(x VARCHAR = (SELECT 1))",
                "SELECT * FROM SYSTEM_RANGE(1, 10)",
                "SELECT GROUP_CONCAT(a) OVER () FROM t",
                "SELECT ABS(a) OVER () FROM t",
                "SELECT * FROM CSVREAD('/etc/passwd')",
                "SELECT ARRAY[1, 2]",
                "SELECT CAST(x AS OTHER)",
                "SELECT CAST(x AS JAVA_OBJECT)",
                "SELECT NEXT VALUE FOR s",
                "SELECT 1 FROM t WHERE",
                "SELECT",
                "SELECT FROM t",
                "SELECT a FROM t t2 t3",
                "INSERT INTO t KEY (id) VALUES (1)",
                "UPDATE t SET",
                "DELETE t",
                "SELECT 1; DROP TABLE t",
                "SELECT a FROM t EXCEPT ALL CORRESPONDING SELECT b FROM u",
                "VALUES (1, 2)")) {
            assertThatThrownBy(() -> parse(sql)).as(sql).isInstanceOf(MySqlException.class)
                    .satisfies(e -> assertThat(((MySqlException) e).number()).isEqualTo(1064));
        }
    }

    @Test
    void findsEveryTableWithWhatTheStatementDoesToIt() {
        assertThat(tables("SELECT * FROM a JOIN db.b ON a.x = b.x WHERE a.y IN (SELECT y FROM c WHERE EXISTS "
                + "(SELECT 1 FROM d))")).containsExactly("a:READ", "db.b:READ", "c:READ", "d:READ");
        assertThat(tables("WITH x AS (SELECT * FROM a) SELECT * FROM x, b")).containsExactly("a:READ", "b:READ");
        assertThat(tables("WITH RECURSIVE r AS (SELECT 1 UNION SELECT n FROM r) SELECT * FROM r")).isEmpty();
        assertThat(tables("SELECT (SELECT MAX(v) FROM secret), @x := (SELECT 1 FROM other.t) FROM dual"))
                .containsExactly("secret:READ", "other.t:READ");
        assertThat(tables("INSERT INTO t (a) VALUES ((SELECT v FROM other.s))")).containsExactly("t:INSERT", "other.s:READ");
        assertThat(tables("INSERT INTO t SELECT * FROM u ON DUPLICATE KEY UPDATE a = 1"))
                .containsExactly("t:UPSERT", "u:READ");
        assertThat(tables("REPLACE t SELECT * FROM u")).containsExactly("t:REPLACE", "u:READ");
        assertThat(tables("UPDATE t SET a = (SELECT b FROM u)")).containsExactly("t:UPDATE", "u:READ");
        assertThat(tables("UPDATE t1 AS x JOIN t2 ON x.id = t2.id SET x.a = t2.b"))
                .containsExactly("t1:UPDATE", "t2:READ");
        assertThat(tables("UPDATE t1, t2 SET a = 1")).containsExactly("t1:UPDATE", "t2:UPDATE");
        assertThat(tables("DELETE FROM t WHERE id IN (SELECT id FROM u)")).containsExactly("t:DELETE", "u:READ");
        assertThat(tables("DELETE x FROM t1 AS x JOIN t2 ON x.id = t2.id"))
                .containsExactly("t1:READ", "t2:READ", "t1:DELETE");
        assertThat(tables("SELECT * FROM (SELECT * FROM hidden) AS d")).containsExactly("hidden:READ");
        assertThat(tables("SELECT * FROM t WHERE a = (SELECT MAX(a) FROM (SELECT a FROM deep.inner_t) AS d)"))
                .containsExactly("t:READ", "deep.inner_t:READ");
    }

    @Test
    void findsEveryCall() {
        assertThat(calls("SELECT DATABASE_PATH(), db.f(1), `concat`('a', 'b') FROM t WHERE x = LOWER(UPPER(y)) "
                + "ORDER BY H2VERSION()")).containsExactly("DATABASE_PATH", "db.f", "concat", "LOWER", "UPPER", "H2VERSION");
        assertThat(calls("SELECT * FROM JSON_TABLE(FILE_READ('x'), '$' COLUMNS (a INT PATH '$')) AS j"))
                .containsExactly("JSON_TABLE", "FILE_READ");
        assertThat(calls("SELECT CASE WHEN a THEN MEMORY_USED() END, CAST(DISK_SPACE_USED('t') AS SIGNED)"))
                .containsExactly("MEMORY_USED", "CAST", "DISK_SPACE_USED");
    }

    @Test
    void readsEveryQueryOfTheConformanceSuite() throws IOException, URISyntaxException {
        Path conformance = Path.of(getClass().getResource("/conformance").toURI());
        int parsed = 0;
        try (Stream<Path> files = Files.list(conformance)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                StringBuilder statement = new StringBuilder();
                boolean inResult = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty()) {
                        inResult = false;
                        statement.setLength(0);
                        continue;
                    }
                    if (inResult || line.startsWith("--")) {
                        continue;
                    }
                    if (line.startsWith("->")) {
                        inResult = true;
                        continue;
                    }
                    statement.append(statement.isEmpty() ? "" : " ").append(line);
                    if (!line.endsWith(";")) {
                        continue;
                    }
                    String sql = statement.substring(0, statement.length() - 1);
                    statement.setLength(0);
                    // 1064 and 1066 (two tables of one name in a query block) are the parser's own errors
                    boolean fails = i + 1 < lines.size() && (lines.get(i + 1).startsWith("-> error 1064")
                            || lines.get(i + 1).startsWith("-> error 1066"));
                    var tokens = Lexer.tokenize(sql);
                    if (!fails && StatementParser.parses(tokens)) {
                        StatementParser.parse(sql, tokens);
                        parsed++;
                    }
                }
            }
        }
        assertThat(parsed).isGreaterThan(200);
    }
}
