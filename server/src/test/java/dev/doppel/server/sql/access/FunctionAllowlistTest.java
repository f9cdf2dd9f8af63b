package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which names followed by a parenthesis are calls, and which calls are MySQL's. */
class FunctionAllowlistTest {
    private static void check(String sql) {
        FunctionAllowlist.check(sql, Lexer.tokenize(sql), "d");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT CONCAT(a, 'x'), COUNT(*), IFNULL(b, 0), CAST(c AS DECIMAL(10, 2)), CONVERT(d USING utf8mb4) FROM t",
            "SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b), LAG(a) OVER w FROM t WINDOW w AS (ORDER BY a)",
            "INSERT INTO t (a, b) VALUES (1, 2) ON DUPLICATE KEY UPDATE b = VALUES(b)",
            "INSERT t(a) SELECT a FROM s WHERE a IN (1, 2) AND EXISTS (SELECT 1) AND b = ANY (SELECT 2)",
            "REPLACE INTO db.t (a) VALUES ROW(1)",
            "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT * FROM c",
            "SELECT * FROM (SELECT 1, 2) AS d (a, b) JOIN JSON_TABLE('[1]', '$[*]' COLUMNS (v INT PATH '$')) j",
            "SELECT * FROM t PARTITION (p0) FORCE INDEX (PRIMARY) LOCK IN SHARE MODE",
            "SELECT EXTRACT(YEAR FROM NOW()), TRIM(BOTH 'x' FROM UPPER(s)), SUBSTRING(s FROM LENGTH(s))",
            "SELECT POSITION('a' IN s), DATE_ADD(d, INTERVAL (1) DAY)",
            "SELECT MATCH (a) AGAINST ('x'), x MEMBER OF ('[1]'), GROUP_CONCAT(a SEPARATOR ',') FROM t",
            "CREATE OR REPLACE VIEW v (a) AS SELECT UPPER(a) FROM t",
            "SELECT `CONCAT`('a'), NOW(6), CURRENT_TIMESTAMP(), JSON_EXTRACT(j, '$.a') FROM t"})
    void mySqlsFunctionsAndTheGrammarsOtherParenthesesPass(String sql) {
        assertThatCode(() -> check(sql)).doesNotThrowAnyException();
    }

    @Test
    void aFunctionMySqlLacksDoesNotExist() {
        assertThatThrownBy(() -> check("SELECT DATABASE_PATH()")).isInstanceOf(MySqlException.class)
                .hasMessage("FUNCTION d.DATABASE_PATH does not exist");
        assertThatThrownBy(() -> check("SELECT PUBLIC.MYSQL_HEX(1)")).hasMessage("FUNCTION PUBLIC.MYSQL_HEX does not exist");
        assertThatThrownBy(() -> check("UPDATE t SET a = FILE_READ('/etc/passwd')"))
                .hasMessage("FUNCTION d.FILE_READ does not exist");
        assertThatThrownBy(() -> FunctionAllowlist.check("SELECT H2VERSION()", Lexer.tokenize("SELECT H2VERSION()"), null))
                .hasMessage("No database selected");
    }

    @Test
    void aTableFunctionOtherThanJsonTableIsASyntaxError() {
        assertThatThrownBy(() -> check("SELECT * FROM SYSTEM_RANGE(1, 10)"))
                .hasMessageContaining("near '(1, 10)'");
        assertThatThrownBy(() -> check("SELECT * FROM t JOIN TABLE(x INT = (1, 2))")).hasMessageContaining("near 'TABLE(");
    }
}
