package dev.doppel.server.sql;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickReadsTest {
    private static boolean plain(String sql) {
        return QuickReads.isPlainSelect(Lexer.tokenize(sql));
    }

    @Test
    void assertPlainSelects() {
        assertThat(plain("SELECT c FROM sbtest1 WHERE id=?")).isTrue();
        assertThat(plain("select sum(k) from t where id between 1 and 100")).isTrue();
        assertThat(plain("SELECT c FROM t WHERE id = 1 FOR UPDATE")).isFalse();
        assertThat(plain("SELECT c FROM t WHERE id = 1 LOCK IN SHARE MODE")).isFalse();
        assertThat(plain("SELECT SLEEP(10)")).isFalse();
        assertThat(plain("SELECT GET_LOCK('a', 10)")).isFalse();
        assertThat(plain("SELECT c INTO @x FROM t")).isFalse();
        assertThat(plain("SELECT @x := 1")).isFalse();
        assertThat(plain("SELECT * FROM information_schema.processlist")).isFalse();
        assertThat(plain("SELECT * FROM `performance_schema`.threads")).isFalse();
        assertThat(plain("SELECT 1; SELECT 2")).isFalse();
        assertThat(plain("UPDATE t SET a = 1")).isFalse();
    }

    @Test
    void assertShapeIgnoresLiteralsOnly() {
        String shape = QuickReads.shape(Lexer.tokenize("SELECT c FROM sbtest1 WHERE id=42"));
        assertThat(QuickReads.shape(Lexer.tokenize("SELECT c FROM sbtest1 WHERE id=7"))).isEqualTo(shape);
        assertThat(QuickReads.shape(Lexer.tokenize("SELECT c FROM sbtest1 WHERE id='7'"))).isEqualTo(shape);
        assertThat(QuickReads.shape(Lexer.tokenize("SELECT c FROM sbtest2 WHERE id=7"))).isNotEqualTo(shape);
        assertThat(QuickReads.shape(Lexer.tokenize("SELECT pad FROM sbtest1 WHERE id=7"))).isNotEqualTo(shape);
    }

    @Test
    void assertInlineOnlyAfterAQuickRunAndUntilThreeSlowOnes() {
        QuickReads history = new QuickReads();
        assertThat(history.mayRunInline()).isFalse();
        long now = System.nanoTime();
        history.record(now, QuickReads.UNMEASURED);
        assertThat(history.mayRunInline()).isTrue();
        long longAgo = now - QuickReads.WAITED_NANOS - 1;
        history.record(longAgo, QuickReads.UNMEASURED);
        history.record(longAgo, QuickReads.UNMEASURED);
        assertThat(history.mayRunInline()).isTrue();
        history.record(longAgo, QuickReads.UNMEASURED);
        assertThat(history.mayRunInline()).isFalse();
        history.record(System.nanoTime(), QuickReads.UNMEASURED);
        assertThat(history.mayRunInline()).isFalse();
    }

    @Test
    void assertARunSlowOnlyByTheClockIsJudgedByTheNextRunsCpuTime() {
        QuickReads history = new QuickReads();
        assertThat(history.startCpu()).isEqualTo(QuickReads.UNMEASURED);
        // 3 ms on the wall clock: slow, or preempted; it counts neither way
        history.record(System.nanoTime() - 3_000_000, history.startCpu());
        assertThat(history.mayRunInline()).isFalse();
        long cpu = history.startCpu();
        assertThat(cpu).isNotEqualTo(QuickReads.UNMEASURED);
        // the same wall time, but hardly any CPU: quick
        history.record(System.nanoTime() - 3_000_000, cpu);
        assertThat(history.mayRunInline()).isTrue();
        assertThat(history.startCpu()).isEqualTo(QuickReads.UNMEASURED);
    }
}
