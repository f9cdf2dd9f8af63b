package dev.doppel.server.sql.access;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tables a statement needs which privileges on (the parse behind the 1142 checks). */
class TableAccessTest {
    private static List<String> needs(String sql) {
        return TableAccess.needs(Lexer.tokenize(sql), "d").stream()
                .map(each -> String.join(",", new TreeSet<>(each.privileges())) + " "
                        + each.database() + (each.table() == null ? "" : "." + each.table()))
                .toList();
    }

    @Test
    void selectsReadEveryTableOfJoinsSubqueriesAndDerivedTables() {
        assertThat(needs("SELECT * FROM a")).containsExactly("SELECT d.a");
        assertThat(needs("SELECT * FROM a x JOIN s.b AS y ON x.id = y.id LEFT JOIN c USING (id), e"))
                .containsExactly("SELECT d.a", "SELECT s.b", "SELECT d.c", "SELECT d.e");
        assertThat(needs("SELECT (SELECT MAX(id) FROM b) FROM a WHERE id IN (SELECT id FROM c WHERE x > 1)"))
                .containsExactly("SELECT d.b", "SELECT d.a", "SELECT d.c");
        assertThat(needs("SELECT * FROM (SELECT id FROM a) AS t, b")).containsExactly("SELECT d.a", "SELECT d.b");
        assertThat(needs("SELECT * FROM (a JOIN b ON a.id = b.id)")).containsExactly("SELECT d.a", "SELECT d.b");
        assertThat(needs("(SELECT id FROM a) UNION (SELECT id FROM b)")).containsExactly("SELECT d.a", "SELECT d.b");
    }

    @Test
    void subqueriesInsideFunctionArgumentsReadTheirTables() {
        assertThat(needs("SELECT COALESCE((SELECT s FROM o.secret), 'x')")).containsExactly("SELECT o.secret");
        assertThat(needs("SELECT CONCAT('a', TRIM(BOTH ' ' FROM (SELECT s FROM b)))")).containsExactly("SELECT d.b");
        assertThat(needs("SELECT IF(EXISTS(SELECT 1 FROM b), 1, 0) FROM a")).containsExactly("SELECT d.b",
                "SELECT d.a");
    }

    @Test
    void functionsWithFromAndCommonTableExpressionsAreNotTables() {
        assertThat(needs("SELECT EXTRACT(YEAR FROM d), TRIM(LEADING 'x' FROM s), SUBSTRING(s FROM 2) FROM a"))
                .containsExactly("SELECT d.a");
        assertThat(needs("WITH c AS (SELECT * FROM a), e (x) AS (SELECT 1) SELECT * FROM c JOIN e JOIN b"))
                .containsExactly("SELECT d.a", "SELECT d.b");
        assertThat(needs("SELECT 1 FROM DUAL")).isEmpty();
        assertThat(needs("SELECT 1")).isEmpty();
        assertThat(needs("TABLE s.a")).containsExactly("SELECT s.a");
        assertThat(needs("INSERT INTO a TABLE b")).containsExactly("INSERT d.a", "SELECT d.b");
        assertThat(needs("SELECT ROW_NUMBER() OVER (PARTITION BY x ORDER BY y), CAST(z AS CHAR) FROM a PARTITION (p0)"
                + " JOIN JSON_TABLE('[]', '$[*]' COLUMNS (v INT PATH '$')) AS j"))
                .containsExactly("SELECT d.a");
        assertThat(needs("EXPLAIN FORMAT=JSON SELECT * FROM a JOIN b")).containsExactly("SELECT d.a", "SELECT d.b");
        assertThat(needs("EXPLAIN DELETE FROM a")).containsExactly("DELETE d.a");
    }

    @Test
    void writesNeedTheirPrivilegeOnTheTargetAndSelectOnSources() {
        assertThat(needs("INSERT INTO a (x, y) SELECT x, y FROM b JOIN c")).containsExactly("INSERT d.a",
                "SELECT d.b", "SELECT d.c");
        assertThat(needs("INSERT IGNORE a VALUES (1), ((SELECT MAX(x) FROM b))")).containsExactly("INSERT d.a",
                "SELECT d.b");
        assertThat(needs("REPLACE INTO s.a VALUES (1)")).containsExactly("DELETE,INSERT s.a");
        assertThat(needs("INSERT INTO a VALUES (1) ON DUPLICATE KEY UPDATE x = 2")).containsExactly("INSERT,UPDATE d.a");
        assertThat(needs("UPDATE a SET x = (SELECT MAX(y) FROM b) WHERE id = 1")).containsExactly("UPDATE d.a",
                "SELECT d.b");
        assertThat(needs("UPDATE a x JOIN b y ON x.id = y.id SET x.v = y.v")).containsExactly("UPDATE d.a",
                "SELECT d.b");
        assertThat(needs("DELETE FROM a WHERE id IN (SELECT id FROM b)")).containsExactly("DELETE d.a", "SELECT d.b");
        assertThat(needs("DELETE x FROM a x JOIN b ON x.id = b.id")).containsExactly("SELECT d.a", "SELECT d.b",
                "DELETE d.a");
        assertThat(needs("DELETE FROM a.*, b USING a JOIN b JOIN c")).containsExactly("SELECT d.a", "SELECT d.b",
                "SELECT d.c", "DELETE d.a", "DELETE d.b");
    }

    @Test
    void ddlNeedsTheDdlPrivilegeOfTheTable() {
        assertThat(needs("CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY, v VARCHAR(10) DEFAULT 'FROM x')"))
                .containsExactly("CREATE d.a");
        assertThat(needs("CREATE TABLE a AS SELECT * FROM s.b")).containsExactly("CREATE,INSERT d.a", "SELECT s.b");
        assertThat(needs("CREATE TABLE a LIKE b")).containsExactly("CREATE d.a", "SELECT d.b");
        assertThat(needs("CREATE TEMPORARY TABLE a (id INT)")).containsExactly("CREATE TEMPORARY TABLES d");
        assertThat(needs("CREATE UNIQUE INDEX i ON a (x)")).containsExactly("INDEX d.a");
        assertThat(needs("DROP INDEX i ON s.a")).containsExactly("INDEX s.a");
        assertThat(needs("DROP TABLE IF EXISTS a, s.b")).containsExactly("DROP d.a", "DROP s.b");
        assertThat(needs("TRUNCATE TABLE a")).containsExactly("DROP d.a");
        assertThat(needs("TRUNCATE a")).containsExactly("DROP d.a");
        assertThat(needs("ALTER TABLE a ADD COLUMN b INT")).containsExactly("ALTER d.a");
        assertThat(needs("ALTER TABLE a RENAME TO b")).containsExactly("ALTER,DROP d.a", "CREATE,INSERT d.b");
        assertThat(needs("ALTER TABLE a RENAME COLUMN x TO y")).containsExactly("ALTER d.a");
        assertThat(needs("RENAME TABLE a TO b, s.c TO s.e")).containsExactly("ALTER,DROP d.a", "CREATE,INSERT d.b",
                "ALTER,DROP s.c", "CREATE,INSERT s.e");
        assertThat(needs("CREATE OR REPLACE VIEW v AS SELECT * FROM a")).containsExactly("CREATE VIEW,DROP d.v",
                "SELECT d.a");
    }
}
