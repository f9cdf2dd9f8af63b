package dev.doppel.clone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void keepsTheRateAndLetsTheFirstBlockGoAtOnce() throws Exception {
        Throttle throttle = new Throttle(1_000_000);
        long start = System.nanoTime();
        throttle.acquire(100_000, () -> false);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200);
        for (int i = 0; i < 3; i++) {
            throttle.acquire(100_000, () -> false);
        }
        // the fourth block may start once three have had their 0.1 s each
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void returnsAtOnceWhenStopped() throws Exception {
        Throttle throttle = new Throttle(1000);
        throttle.acquire(1000, () -> false);
        long start = System.nanoTime();
        throttle.acquire(1000, () -> true);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200);
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        Throttle throttle = new Throttle(0);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            throttle.acquire(1 << 30, () -> false);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200);
    }
}
