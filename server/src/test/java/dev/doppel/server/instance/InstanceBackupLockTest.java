package dev.doppel.server.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.MySqlException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InstanceBackupLockTest {
    private final InstanceBackupLock lock = new InstanceBackupLock();

    @Test
    void backupsShareTheLockAndDdlWaitsForThemThenTimesOut() throws Exception {
        BackupLock.Holder first = lock.acquire(Duration.ZERO);
        BackupLock.Holder second = lock.acquire(Duration.ZERO);
        assertThatThrownBy(() -> lock.enterDdl(0)).isInstanceOfSatisfying(MySqlException.class,
                e -> assertThat(e.number()).isEqualTo(1205));
        first.close();
        first.close();
        CompletableFuture<Void> ddl = CompletableFuture.runAsync(() -> {
            try {
                lock.enterDdl(30);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        assertThat(ddl).isNotDone();
        second.close();
        ddl.get(5, TimeUnit.SECONDS);
        lock.exitDdl();
    }

    @Test
    void aBackupWaitsForRunningDdlAndKeepsNewDdlOut() throws Exception {
        lock.enterDdl(0);
        lock.enterDdl(0);
        assertThatThrownBy(() -> lock.acquire(Duration.ofMillis(50))).isInstanceOfSatisfying(MySqlException.class,
                e -> assertThat(e.number()).isEqualTo(1205));
        CompletableFuture<BackupLock.Holder> backup = CompletableFuture.supplyAsync(() -> {
            try {
                return lock.acquire(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        // a waiting backup keeps new DDL out
        assertThatThrownBy(() -> lock.enterDdl(0)).isInstanceOf(MySqlException.class);
        lock.exitDdl();
        assertThat(backup).isNotDone();
        lock.exitDdl();
        backup.get(5, TimeUnit.SECONDS).close();
        lock.enterDdl(0);
        lock.exitDdl();
    }
}
