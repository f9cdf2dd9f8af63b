package dev.doppel.server.engine;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2RollbackMarkTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aWriterWaitsForTheRowOfATransactionWithAFailedStatementAndTimesOut() throws Exception {
        try (H2Engine engine = H2Engine.create(dir); Connection holder = engine.connect();
             Connection waiter = engine.connect(); Statement setup = holder.createStatement()) {
            setup.execute("CREATE SCHEMA db");
            setup.execute("CREATE TABLE db.t(id INT PRIMARY KEY, d DATE, v INT)");
            setup.execute("INSERT INTO db.t VALUES (1, NULL, 0)");
            holder.setAutoCommit(false);
            setup.execute("UPDATE db.t SET v = 1 WHERE id = 1");
            // the engine rolls the failed statement back to its start, which marks the transaction
            assertThatThrownBy(() -> setup.execute("UPDATE db.t SET d = '2024-02-30' WHERE id = 1"))
                    .isInstanceOf(SQLException.class);
            engine.statementsEnded(holder);
            engine.lockTimeout(waiter, 300);
            CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = waiter.createStatement()) {
                    return statement.executeUpdate("UPDATE db.t SET v = 2 WHERE id = 1");
                } catch (SQLException e) {
                    return e.getErrorCode();
                }
            });
            try {
                assertThat(update.get(10, TimeUnit.SECONDS)).isEqualTo(ErrorCode.LOCK_TIMEOUT_1);
            } finally {
                holder.rollback(); // ends a waiter that loops, should the mark still be there
            }
        }
    }
}
