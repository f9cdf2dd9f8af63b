package dev.doppel.server.instance;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.engine.UserLockService;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserLocksTest {
    private final UserLocks locks = new UserLocks();
    private final AtomicBoolean secondKilled = new AtomicBoolean();
    private final UserLockService first = locks.forSession(1, () -> false);
    private final UserLockService second = locks.forSession(2, secondKilled::get);

    @Test
    void assertTakenAgainByItsHolderAndReleasedAsOften() {
        assertThat(first.getLock("a", 0)).isEqualTo(1);
        assertThat(first.getLock("A", 0)).isEqualTo(1);
        assertThat(second.getLock("a", 0)).isZero();
        assertThat(first.releaseLock("a")).isEqualTo(1);
        assertThat(second.isUsedLock("a")).isEqualTo(1);
        assertThat(first.releaseLock("a")).isEqualTo(1);
        assertThat(second.isFreeLock("a")).isEqualTo(1);
        assertThat(second.isUsedLock("a")).isNull();
        assertThat(first.releaseLock("a")).isNull();
    }

    @Test
    void assertWaiterWakesWhenReleasedAndStopsWhenKilled() throws Exception {
        first.getLock("a", 0);
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> second.getLock("a", 30));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        first.releaseLock("a");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(first.getLock("a", 0.05)).isZero();
        assertThat(second.getLock("c", 0)).isEqualTo(1);
        CompletableFuture<Long> waitingForC = CompletableFuture.supplyAsync(() -> first.getLock("c", -1));
        Thread.sleep(100);
        assertThat(waitingForC).isNotDone();
        assertThat(second.releaseAllLocks()).isEqualTo(2); // "a" and "c"
        assertThat(waitingForC.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        first.getLock("b", 0);
        secondKilled.set(true);
        assertThat(second.getLock("b", -1)).isNull();
    }

    @Test
    void assertSessionEndReleasesItsLocks() {
        first.getLock("a", 0);
        first.getLock("a", 0);
        first.getLock("b", 0);
        assertThat(locks.releaseAll(1)).isEqualTo(3);
        assertThat(second.getLock("a", 0)).isEqualTo(1);
    }

    @Test
    void assertNamesUpTo64Characters() {
        assertThat(first.getLock("x".repeat(64), 0)).isEqualTo(1);
        assertThatThrownBy(() -> first.getLock("x".repeat(65), 0)).isInstanceOfSatisfying(MySqlException.class,
                e -> assertThat(e.number()).isEqualTo(3057));
        assertThatThrownBy(() -> first.getLock("", 0)).isInstanceOf(MySqlException.class);
        assertThatThrownBy(() -> first.releaseLock(null)).isInstanceOf(MySqlException.class);
    }
}
