package dev.doppel.server.sql;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterizedSelectsTest {
    private static ParameterizedSelects.Shape shape(String sql) {
        return ParameterizedSelects.of(sql, Lexer.tokenize(sql));
    }

    @Test
    void assertLiteralsComparedWithColumnsBecomeTypedParameters() {
        ParameterizedSelects.Shape shape = shape("SELECT c FROM sbtest1 WHERE id=42");
        assertThat(shape.sql()).isEqualTo("SELECT c FROM sbtest1 WHERE id=CAST(? AS INTEGER)");
        assertThat(shape.values()).containsExactly(42L);

        shape = shape("SELECT * FROM t WHERE t.code = 'it''s' AND big >= 5000000000 ORDER BY id LIMIT 10");
        assertThat(shape.sql()).isEqualTo(
                "SELECT * FROM t WHERE t.code = CAST(? AS VARCHAR) AND big >= CAST(? AS BIGINT) ORDER BY id LIMIT 10");
        assertThat(shape.values()).containsExactly("it's", 5000000000L);
    }

    @Test
    void assertOtherLiteralsStayInTheText() {
        assertThat(shape("SELECT c FROM t")).isNull();
        assertThat(shape("SELECT c FROM t WHERE id = -5")).isNull();
        assertThat(shape("SELECT c FROM t WHERE id = 1.5")).isNull();
        assertThat(shape("SELECT c FROM t WHERE id = 0x1F")).isNull();
        assertThat(shape("SELECT c FROM t WHERE c = 'a' COLLATE utf8mb4_bin")).isNull();
        assertThat(shape("SELECT c FROM t WHERE c = 'a' 'b'")).isNull();
        assertThat(shape("SELECT c FROM t WHERE LENGTH(c) = 3")).isNull();
        assertThat(shape("SELECT c FROM t WHERE id IN (1, 2)")).isNull();
        assertThat(shape("SELECT c FROM t WHERE id = 12345678901234567890")).isNull();
    }

    @Test
    void assertOnlyTheStatementsOwnTextInAMultiStatementQuery() {
        String text = "SELECT 1; SELECT c FROM t WHERE id = 7";
        List<Token> all = Lexer.tokenize(text);
        List<Token> second = all.subList(3, all.size());
        String prefix = text.substring(0, second.get(second.size() - 1).end());
        ParameterizedSelects.Shape shape = ParameterizedSelects.of(prefix, second);
        assertThat(shape.sql()).isEqualTo("SELECT c FROM t WHERE id = CAST(? AS INTEGER)");
        assertThat(shape.values()).containsExactly(7L);
    }
}
