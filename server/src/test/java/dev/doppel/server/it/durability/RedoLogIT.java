package dev.doppel.server.it.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redo log (docs/durability.md): commits acknowledged after only their log record was synced come back after
 * kill -9 through the log's replay, whatever shape their changes had, and the tables work as before afterwards.
 */
class RedoLogIT {
    private static final String REPLAYED = "redo log put ";

    @TempDir
    Path home;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void commitsOfEveryShapeComeBackFromTheLog() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        try {
            List<String> before;
            try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE r");
                statement.execute("CREATE TABLE r.keyed (id INT PRIMARY KEY AUTO_INCREMENT, u VARCHAR(40) UNIQUE,"
                        + " k INT, b VARBINARY(10), KEY (k))");
                statement.execute("CREATE TABLE r.heap (v INT, t TEXT)");
                // the DDL is stored; what follows is only in the log until a checkpoint
                for (int i = 1; i <= 200; i++) {
                    statement.executeUpdate("INSERT INTO r.keyed (u, k, b) VALUES ('u" + i + "', " + (i % 7)
                            + ", X'00FF" + String.format("%02x", i % 256) + "')");
                    statement.executeUpdate("INSERT INTO r.heap VALUES (" + i + ", REPEAT('x', " + i + "))");
                }
                statement.executeUpdate("UPDATE r.keyed SET k = k + 100 WHERE id % 3 = 0");
                statement.executeUpdate("UPDATE r.keyed SET u = CONCAT(u, '-moved') WHERE id % 10 = 0");
                statement.executeUpdate("DELETE FROM r.keyed WHERE id % 11 = 0");
                statement.executeUpdate("DELETE FROM r.heap WHERE v % 13 = 0");
                statement.execute("BEGIN");
                statement.executeUpdate("INSERT INTO r.keyed (u, k) VALUES ('in-tx', 1)");
                statement.execute("SAVEPOINT s");
                statement.executeUpdate("INSERT INTO r.keyed (u, k) VALUES ('rolled-back-to-savepoint', 1)");
                statement.execute("ROLLBACK TO SAVEPOINT s");
                statement.executeUpdate("UPDATE r.heap SET t = 'changed in tx' WHERE v = 1");
                statement.execute("COMMIT");
                statement.execute("BEGIN");
                statement.executeUpdate("INSERT INTO r.keyed (u, k) VALUES ('rolled-back', 1)");
                statement.execute("ROLLBACK");
                before = contents(statement);
            }
            CommitRound.kill(server);
            assertThat(logFiles(server)).as("segments left by kill -9").isNotEmpty();
            server.launch();
            assertThat(server.log()).contains(REPLAYED);
            try (Connection connection = CommitRound.connect(server, "r"); Statement statement = connection.createStatement()) {
                assertThat(contents(statement)).isEqualTo(before);
                // the tables work on after the replay: new row ids, unique keys, indexes
                statement.executeUpdate("INSERT INTO heap VALUES (-1, 'after')");
                statement.executeUpdate("INSERT INTO keyed (u, k) VALUES ('after', 5)");
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO keyed (u, k) VALUES ('u1', 5)"))
                        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode())
                        .isEqualTo(1062);
                assertThat(count(statement, "SELECT COUNT(*) FROM heap")).isEqualTo(200 - 15 + 1);
                assertThat(count(statement, "SELECT COUNT(*) FROM keyed WHERE k = 5")).isEqualTo(
                        count(statement, "SELECT COUNT(*) FROM keyed WHERE k + 0 = 5"));
            }
            // a clean shutdown leaves nothing to replay
            assertThat(server.stop()).isZero();
            server.launch();
            assertThat(server.log().split(REPLAYED, -1)).hasSize(2);
        } finally {
            server.stop();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void changesTheLogDoesNotHoldAreNotUndoneByIt() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        try {
            List<String> statements = new ArrayList<>(List.of("CREATE DATABASE r", "CREATE TABLE r.t (id INT PRIMARY KEY, v INT)"));
            for (int i = 1; i <= 50; i++) {
                statements.add("INSERT INTO r.t VALUES (" + i + ", " + i + ")");
            }
            // stored, not logged: the logged inserts before it must not come back over it
            statements.addAll(List.of("TRUNCATE TABLE r.t", "INSERT INTO r.t VALUES (1000, 1)",
                    "ALTER TABLE r.t ADD COLUMN w INT DEFAULT 7", "INSERT INTO r.t VALUES (1001, 2, 8)",
                    "UPDATE r.t SET w = 9 WHERE id = 1000"));
            runThenKillAndRestart(server, statements);
            try (Connection connection = CommitRound.connect(server, "r"); Statement statement = connection.createStatement()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT id, v, w FROM t ORDER BY id")) {
                    while (result.next()) {
                        rows.add(result.getInt(1) + "," + result.getInt(2) + "," + result.getInt(3));
                    }
                }
                assertThat(rows).containsExactly("1000,1,9", "1001,2,8");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aTransactionTooLargeForARecordAndCommitsAtSetting2SurviveKill9() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        try {
            List<String> statements = new ArrayList<>(List.of("CREATE DATABASE r",
                    "CREATE TABLE r.digits (d INT PRIMARY KEY)",
                    "INSERT INTO r.digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)",
                    "CREATE TABLE r.big (id INT PRIMARY KEY, v INT, KEY (v))",
                    // 60,000 rows and as many index entries: more changes than a record takes, so the store holds them
                    "INSERT INTO r.big SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d, a.d"
                            + " FROM r.digits a, r.digits b, r.digits c, r.digits e, r.digits f WHERE f.d < 6",
                    "UPDATE r.big SET v = v + 1 WHERE id < 10",
                    "SET GLOBAL innodb_flush_log_at_trx_commit = 2"));
            for (int i = 0; i < 100; i++) {
                statements.add("UPDATE r.big SET v = " + (1000 + i) + " WHERE id = " + i);
            }
            runThenKillAndRestart(server, statements);
            try (Connection connection = CommitRound.connect(server, "r"); Statement statement = connection.createStatement()) {
                assertThat(count(statement, "SELECT COUNT(*) FROM big")).isEqualTo(60_000);
                assertThat(count(statement, "SELECT COUNT(*) FROM big WHERE v >= 1000")).isEqualTo(100);
                assertThat(count(statement, "SELECT SUM(v) FROM big WHERE id < 100")).isEqualTo(
                        java.util.stream.IntStream.range(0, 100).map(i -> 1000 + i).sum());
            }
        } finally {
            server.stop();
        }
    }

    private static void runThenKillAndRestart(DoppelProcess server, List<String> statements) throws Exception {
        try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
        CommitRound.kill(server);
        server.launch();
    }

    private static List<String> logFiles(DoppelProcess server) throws Exception {
        try (Stream<Path> files = Files.list(server.datadir().resolve("#redo"))) {
            return files.map(each -> each.getFileName().toString()).filter(name -> name.matches("redo\\.\\d+")).toList();
        }
    }

    private static List<String> contents(Statement statement) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT id, u, k, HEX(b) FROM r.keyed ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "|" + result.getString(2) + "|" + result.getInt(3) + "|" + result.getString(4));
            }
        }
        try (ResultSet result = statement.executeQuery("SELECT v, t FROM r.heap ORDER BY v")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "|" + result.getString(2));
            }
        }
        return rows;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
