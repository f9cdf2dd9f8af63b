package dev.doppel.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

class StatementDigestTest {
    private static String text(String sql) {
        return StatementDigest.of(Lexer.tokenize(sql)).text();
    }

    @Test
    void literalsBecomeQuestionMarksAndNamesAreQuoted() {
        assertThat(text("SELECT * FROM orders WHERE customer_id=10 AND quantity>5"))
                .isEqualTo("SELECT * FROM `orders` WHERE `customer_id` = ? AND `quantity` > ?");
        assertThat(text("select c from sbtest1 where id = 'x' /* a comment */ and k = _utf8mb4'y';"))
                .isEqualTo("SELECT `c` FROM `sbtest1` WHERE `id` = ? AND `k` = ?");
        assertThat(text("SELECT SUM(k), COUNT(*), concat(a, 'b') FROM db.t"))
                .isEqualTo("SELECT SUM ( `k` ) , COUNT ( * ) , `concat` ( `a` , ? ) FROM `db` . `t`");
    }

    @Test
    void signsAreTheLiteralsUnlessTheyFollowAValue() {
        assertThat(text("SELECT a - 1, -2, b + -3 FROM t WHERE x = -4"))
                .isEqualTo("SELECT `a` - ? , ? , `b` + ? FROM `t` WHERE `x` = ?");
    }

    @Test
    void listsAndRowsOfValuesAreReduced() {
        assertThat(text("SELECT * FROM t WHERE a IN (1, 2, 3) AND b IN (4)"))
                .isEqualTo("SELECT * FROM `t` WHERE `a` IN (...) AND `b` IN (?)");
        assertThat(text("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')"))
                .isEqualTo("INSERT INTO `t` VALUES (...) /* , ... */");
        assertThat(text("INSERT INTO t (a) VALUES (1), (2)")).isEqualTo("INSERT INTO `t` ( `a` ) VALUES (?) /* , ... */");
    }

    @Test
    void nullIsAValueExceptAfterIs() {
        assertThat(text("SELECT NULL FROM t WHERE a IS NULL AND b IS NOT NULL AND c = NULL"))
                .isEqualTo("SELECT ? FROM `t` WHERE `a` IS NULL AND `b` IS NOT NULL AND `c` = ?");
    }

    @Test
    void aLongInsertReadsAsItsFirstRowAndTheTextStopsAt1024Bytes() {
        StringBuilder insert = new StringBuilder("INSERT INTO t VALUES (0, 0)");
        for (int i = 1; i < 5000; i++) {
            insert.append(", (").append(i).append(", ").append(i).append(')');
        }
        assertThat(text(insert.toString())).isEqualTo("INSERT INTO `t` VALUES (...) /* , ... */");
        String longSelect = "SELECT " + "a + ".repeat(400) + "b FROM t";
        assertThat(text(longSelect)).hasSizeLessThanOrEqualTo(1024).endsWith("...");
    }

    @Test
    void theHashIsTheSameForTheSameShape() {
        StatementDigest first = StatementDigest.of(Lexer.tokenize("SELECT c FROM t WHERE id = 1"));
        StatementDigest second = StatementDigest.of(Lexer.tokenize("select c from t where id = 2"));
        assertThat(first.hash()).hasSize(64).isEqualTo(second.hash());
        assertThat(StatementDigest.of(Lexer.tokenize("SELECT c FROM u WHERE id = 1")).hash()).isNotEqualTo(first.hash());
    }
}
