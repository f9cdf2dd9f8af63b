package dev.doppel.server.sql.results;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelectLabelsTest {
    private static List<String> labels(String sql) {
        return SelectLabels.of(sql, Lexer.tokenize(sql));
    }

    @Test
    void assertExpressionsAreLabelledAsTyped() {
        assertThat(labels("SELECT @@version, 1+1, COUNT(*) FROM t"))
                .containsExactly("@@version", "1+1", "COUNT(*)");
    }

    @Test
    void assertAliasesWin() {
        assertThat(labels("SELECT @@session.auto_increment_increment AS auto_increment_increment, 2 two, 'x' `Q`"))
                .containsExactly("auto_increment_increment", "two", "Q");
    }

    @Test
    void assertStringLiteralsAreLabelledByTheirValue() {
        assertThat(labels("SELECT 'x', 'x' 'y', _utf8mb4'abc', N'n', 'a' AS b, 1 'c', '', 'it''s'"))
                .containsExactly("x", "x", "abc", "n", "b", "c", "", "it's");
    }

    @Test
    void assertAStringAfterAnOperatorWordIsNoAlias() {
        assertThat(labels("SELECT tx LIKE 'a%', tx NOT LIKE 'b', tx REGEXP 'c', 'x' LIKE 'x', NULL 'n' FROM t"))
                .containsExactly("tx LIKE 'a%'", "tx NOT LIKE 'b'", "tx REGEXP 'c'", "'x' LIKE 'x'", "n");
        assertThat(labels("SELECT 'abc' = X'616263', 1 + _utf8mb4'2'")).containsExactly("'abc' = X'616263'",
                "1 + _utf8mb4'2'");
    }

    @Test
    void assertColumnReferencesKeepEngineNames() {
        assertThat(labels("SELECT a, t.b, NULL FROM t")).isEqualTo(Arrays.asList(null, null, "NULL"));
    }

    @Test
    void assertStarDisablesLabels() {
        assertThat(labels("SELECT *, 1 FROM t")).isNull();
        assertThat(labels("SELECT t.* FROM t")).isNull();
        assertThat(labels("SELECT 2 * 3")).containsExactly("2 * 3");
        assertThat(labels("SELECT t.a * t.b FROM t")).containsExactly("t.a * t.b");
    }

    @Test
    void assertNotASelect() {
        assertThat(labels("SHOW TABLES")).isNull();
    }
}
