package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Lock waits between sessions, as InnoDB's: a writer waits for the row's holder, up to innodb_lock_wait_timeout
 * (1205, which ends only the statement), a deadlock rolls its victim back (1213), readers never wait for row
 * locks, and DDL waits for the transactions that changed its table; and MySQL's user-level locks (GET_LOCK). The
 * cases run with text queries and with server-side prepared statements.
 */
class LockWaitsIT {
    private static final String TEXT = "";
    private static final String PREPARED = "&useServerPrepStmts=true&cachePrepStmts=true";

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = connect(TEXT, ""); Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE locks");
            statement.execute("CREATE TABLE locks.t (id INT PRIMARY KEY, v INT NOT NULL)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetRows() throws SQLException {
        try (Connection root = connect(TEXT, "locks"); Statement statement = root.createStatement()) {
            statement.execute("DELETE FROM t");
            statement.execute("INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)");
        }
    }

    static Connection connect(String mode, String database) throws SQLException {
        return DriverManager.getConnection(
                server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true" + mode).replace("/?", "/" + database + "?"),
                "root", "");
    }

    private static int update(Connection connection, String sql, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, id);
            return statement.executeUpdate();
        }
    }

    private static int value(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT v FROM t WHERE id = ?")) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TEXT, PREPARED})
    void assertWriterWaitsForTheRowUntilItsHolderCommits(String mode) throws Exception {
        try (Connection holder = connect(mode, "locks"); Connection waiter = connect(mode, "locks");
             Connection reader = connect(mode, "locks")) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            // the waiter's transaction has changes of its own, which the wait must not disturb
            for (int i = 0; i < 3; i++) {
                assertThat(update(waiter, "UPDATE t SET v = v + 10 WHERE id = ?", 3)).isEqualTo(1);
                assertThat(value(reader, 1)).isZero();
            }
            assertThat(update(holder, "UPDATE t SET v = v + 1 WHERE id = ?", 1)).isEqualTo(1);
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return update(waiter, "UPDATE t SET v = v + 10 WHERE id = ?", 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2500); // longer than the engine's own default bound (2 s): innodb_lock_wait_timeout (50) holds
            assertThat(waiting).isNotDone();
            long started = System.nanoTime();
            assertThat(value(reader, 1)).isZero(); // the committed value, without waiting for the lock
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(500);
            holder.commit();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            waiter.commit();
            assertThat(value(reader, 1)).isEqualTo(11);
            assertThat(value(reader, 3)).isEqualTo(30);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TEXT, PREPARED})
    void assertLockWaitTimeoutEndsOnlyTheStatement(String mode) throws Exception {
        try (Connection holder = connect(mode, "locks"); Connection waiter = connect(mode, "locks")) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            execute(waiter, "SET SESSION innodb_lock_wait_timeout = 1");
            for (int i = 0; i < 3; i++) {
                assertThat(update(waiter, "UPDATE t SET v = v + 1 WHERE id = ?", 3)).isEqualTo(1);
            }
            assertThat(update(holder, "UPDATE t SET v = 100 WHERE id = ?", 2)).isEqualTo(1);
            long started = System.nanoTime();
            SQLException timeout = catchThrowableOfType(SQLException.class,
                    () -> update(waiter, "UPDATE t SET v = v + 1 WHERE id = ?", 2));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat((Object) timeout).isNotNull();
            assertThat(timeout.getErrorCode()).isEqualTo(1205);
            assertThat(timeout.getMessage()).isEqualTo("Lock wait timeout exceeded; try restarting transaction");
            assertThat(waited).isBetween(900L, 1800L);
            // the transaction goes on: its earlier changes stay and commit
            waiter.commit();
            holder.rollback();
            assertThat(value(holder, 3)).isEqualTo(3);
            assertThat(value(holder, 2)).isZero();
        }
    }

    @Test
    void assertDeadlockRollsBackOneTransaction() throws Exception {
        try (Connection first = connect(PREPARED, "locks"); Connection second = connect(PREPARED, "locks")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(update(first, "UPDATE t SET v = v + 1 WHERE id = ?", 1)).isEqualTo(1);
            assertThat(update(second, "UPDATE t SET v = v + 10 WHERE id = ?", 2)).isEqualTo(1);
            CompletableFuture<SQLException> firstWaits = CompletableFuture.supplyAsync(() -> {
                try {
                    update(first, "UPDATE t SET v = v + 1 WHERE id = ?", 2);
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            SQLException secondFailed = null;
            try {
                update(second, "UPDATE t SET v = v + 10 WHERE id = ?", 1);
            } catch (SQLException e) {
                secondFailed = e;
            }
            SQLException firstFailed = firstWaits.get(60, TimeUnit.SECONDS);
            List<SQLException> failures = new ArrayList<>();
            if (firstFailed != null) {
                failures.add(firstFailed);
            }
            if (secondFailed != null) {
                failures.add(secondFailed);
            }
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).getErrorCode()).isEqualTo(1213);
            assertThat(failures.get(0).getSQLState()).isEqualTo("40001");
            assertThat(failures.get(0).getMessage())
                    .isEqualTo("Deadlock found when trying to get lock; try restarting transaction");
            Connection survivor = firstFailed == null ? first : second;
            Connection victim = firstFailed == null ? second : first;
            survivor.commit();
            victim.commit(); // nothing left to commit: the victim's whole transaction was rolled back
            boolean firstWon = survivor == first;
            assertThat(value(survivor, 1)).isEqualTo(firstWon ? 1 : 10);
            assertThat(value(survivor, 2)).isEqualTo(firstWon ? 1 : 10);
        }
    }

    @Test
    void assertDdlWaitsForATransactionThatChangedTheTable() throws Exception {
        try (Connection holder = connect(TEXT, "locks"); Connection ddl = connect(TEXT, "locks")) {
            holder.setAutoCommit(false);
            assertThat(update(holder, "UPDATE t SET v = 5 WHERE id = ?", 1)).isEqualTo(1);
            execute(ddl, "SET SESSION innodb_lock_wait_timeout = 1");
            long started = System.nanoTime();
            SQLException timeout = catchThrowableOfType(SQLException.class,
                    () -> execute(ddl, "ALTER TABLE t ADD COLUMN extra INT"));
            assertThat((Object) timeout).isNotNull();
            assertThat(timeout.getErrorCode()).isEqualTo(1205);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 1800L);
            holder.commit();
            execute(ddl, "ALTER TABLE t ADD COLUMN extra INT");
            execute(ddl, "ALTER TABLE t DROP COLUMN extra");
            assertThat(value(ddl, 1)).isEqualTo(5);
        }
    }

    @Test
    void assertUserLevelLocksBetweenSessions() throws Exception {
        try (Connection first = connect(PREPARED, "locks"); Connection second = connect(TEXT, "locks")) {
            long firstId = scalar(first, "SELECT CONNECTION_ID()");
            assertThat(scalar(first, "SELECT GET_LOCK('Migration', 0)")).isEqualTo(1);
            assertThat(scalar(first, "SELECT GET_LOCK('migration', 0)")).isEqualTo(1); // the same lock, taken again
            assertThat(scalar(second, "SELECT GET_LOCK('MIGRATION', 0)")).isZero();
            assertThat(scalar(second, "SELECT IS_FREE_LOCK('migration')")).isZero();
            assertThat(scalar(second, "SELECT IS_USED_LOCK('migration')")).isEqualTo(firstId);
            assertThat(scalar(second, "SELECT RELEASE_LOCK('migration')")).isZero(); // not its lock
            long started = System.nanoTime();
            assertThat(scalar(second, "SELECT GET_LOCK('migration', 1)")).isZero();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 3000L);
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return scalar(second, "SELECT GET_LOCK('migration', 30)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            assertThat(scalar(first, "SELECT RELEASE_LOCK('migration')")).isEqualTo(1);
            Thread.sleep(200);
            assertThat(waiting).isNotDone(); // taken twice, released once
            assertThat(scalar(first, "SELECT RELEASE_LOCK('migration')")).isEqualTo(1);
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(scalar(first, "SELECT RELEASE_LOCK('migration')")).isZero();
            assertThat(scalar(first, "SELECT RELEASE_LOCK('nobody') IS NULL")).isEqualTo(1);
            assertThat(scalar(second, "SELECT GET_LOCK('other', 0) + GET_LOCK('other', 0)")).isEqualTo(2);
            assertThat(scalar(second, "SELECT RELEASE_ALL_LOCKS()")).isEqualTo(3);
            assertThat(scalar(first, "SELECT IS_FREE_LOCK('migration') + IS_FREE_LOCK('other')")).isEqualTo(2);
            SQLException badName = catchThrowableOfType(SQLException.class,
                    () -> scalar(first, "SELECT GET_LOCK(REPEAT('x', 65), 0)"));
            assertThat((Object) badName).isNotNull();
            assertThat(badName.getErrorCode()).isEqualTo(3057);
            assertThat(badName.getMessage()).isEqualTo("Incorrect user-level lock name '" + "x".repeat(65) + "'.");
            assertThat(scalar(second, "SELECT GET_LOCK('kept', 0)")).isEqualTo(1);
            second.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (scalar(first, "SELECT IS_FREE_LOCK('kept')") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(scalar(first, "SELECT IS_FREE_LOCK('kept')")).isEqualTo(1); // released with its session
        }
    }

    /** Through a PreparedStatement: server-side prepared on a PREPARED connection. */
    private static long scalar(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    @Test
    void assertLockWaitTimeoutVariable() throws Exception {
        try (Connection connection = connect(TEXT, "locks"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT @@innodb_lock_wait_timeout, @@global.innodb_lock_wait_timeout")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(50);
            assertThat(rows.getLong(2)).isEqualTo(50);
        }
    }

    /**
     * FLUSH TABLES WITH READ LOCK (mariadb-dump --lock-all-tables; 1235 before): the holder reads and may not write
     * (1223); other sessions' writes, DDL and commits of changes wait for UNLOCK TABLES or the holder's end, up to
     * lock_wait_timeout (1205); it needs RELOAD.
     */
    @Test
    void theGlobalReadLockKeepsWritesOutUntilUnlock() throws Exception {
        try (Connection holder = connect(TEXT, "locks"); Statement locked = holder.createStatement();
                Connection other = connect(TEXT, "locks"); Statement writer = other.createStatement();
                Connection open = connect(TEXT, "locks"); Statement transaction = open.createStatement()) {
            transaction.execute("BEGIN");
            transaction.execute("UPDATE t SET v = 5 WHERE id = 3");
            locked.execute("FLUSH TABLES WITH READ LOCK");
            try (ResultSet rows = locked.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(3);
            }
            SQLException own = catchThrowableOfType(SQLException.class, () -> locked.execute("UPDATE t SET v = 1"));
            assertThat(own.getErrorCode()).isEqualTo(1223);
            assertThat(own.getMessage()).isEqualTo("Can't execute the query because you have a conflicting read lock");

            writer.execute("SET lock_wait_timeout = 1");
            for (String write : List.of("UPDATE t SET v = 1 WHERE id = 1", "CREATE TABLE t2 (a INT)")) {
                long started = System.nanoTime();
                SQLException waited = catchThrowableOfType(SQLException.class, () -> writer.execute(write));
                assertThat(waited.getErrorCode()).as(write).isEqualTo(1205);
                assertThat(System.nanoTime() - started).as(write).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
            }
            transaction.execute("SET lock_wait_timeout = 1");
            assertThat(catchThrowableOfType(SQLException.class, () -> transaction.execute("COMMIT")).getErrorCode())
                    .as("a commit of changes waits too").isEqualTo(1205);

            writer.execute("SET lock_wait_timeout = 30");
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return writer.executeUpdate("UPDATE t SET v = 7 WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(blocked).as("waits while the lock is held").isNotDone();
            locked.execute("UNLOCK TABLES");
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            transaction.execute("COMMIT");
        }
        try (Connection holder = connect(TEXT, "locks"); Statement locked = holder.createStatement()) {
            locked.execute("FLUSH TABLES WITH READ LOCK");
        }
        try (Connection other = connect(TEXT, "locks"); Statement writer = other.createStatement()) {
            writer.execute("SET lock_wait_timeout = 5");
            assertThat(writer.executeUpdate("UPDATE t SET v = 8 WHERE id = 2")).as("the holder's end released it").isEqualTo(1);
            writer.execute("CREATE USER 'noreload'@'%'");
            try (Connection plain = DriverManager.getConnection(server.url("mysql",
                    "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "noreload", "");
                    Statement statement = plain.createStatement()) {
                assertThat(catchThrowableOfType(SQLException.class, () -> statement.execute("FLUSH TABLES WITH READ LOCK"))
                        .getErrorCode()).isEqualTo(1227);
            } finally {
                writer.execute("DROP USER 'noreload'@'%'");
            }
        }
    }
}
