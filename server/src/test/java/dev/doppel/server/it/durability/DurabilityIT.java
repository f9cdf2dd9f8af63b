package dev.doppel.server.it.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit acknowledged to the client survives kill -9 of the server ({@link CommitRound}): the server process is
 * killed with SIGKILL at a random moment while writers commit, started again on the same data directory, and every
 * commit a writer saw acknowledged must be there. Rounds 1 and 3 use single-row autocommit INSERTs; round 2 uses
 * BEGIN, 3 INSERTs, COMMIT. {@link PowerLossIT} does the same with power cuts.
 */
class DurabilityIT {
    private static final int ROUNDS = 3;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void acknowledgedCommitsSurviveKill9() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("DurabilityIT seed " + seed);
        DoppelProcess server = DoppelProcess.start(home);
        try {
            CommitRound.createTable(server);
            for (int round = 1; round <= ROUNDS; round++) {
                boolean transactions = round == 2;
                long killAfterMillis = 300 + random.nextInt(1201);
                CommitRound.Outcome outcome = CommitRound.run(server, round, transactions, killAfterMillis,
                        CommitRound::kill);
                System.out.printf("DurabilityIT round %d (%s): kill -9 after %d ms, %d acknowledged commits"
                        + " (%.0f commits/s with %d writers), %d unacknowledged commits present after restart%n", round,
                        transactions ? "BEGIN; 3 INSERTs; COMMIT" : "single-row autocommit", killAfterMillis,
                        outcome.acknowledged(), outcome.acknowledged() / outcome.seconds(), CommitRound.WRITERS,
                        outcome.unacknowledgedPresent());
                assertThat(outcome.problems()).as("round %d after kill -9 at %d ms", round, killAfterMillis).isEmpty();
            }
        } finally {
            server.stop();
        }
    }

    /**
     * The case the writer loops cannot see: a single commit after a restart, with nothing after it, then kill -9
     * (H2 wrote such a commit into reused space that its recovery did not find; see H2Engine).
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLoneCommitAfterARestartSurvivesKill9() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        try {
            try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE lone");
                statement.execute("CREATE TABLE lone.t (id INT PRIMARY KEY)");
            }
            for (int i = 1; i <= 5; i++) {
                server.process().destroyForcibly().waitFor();
                server.launch();
                try (Connection connection = CommitRound.connect(server, "lone"); Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO t VALUES (" + i + ")");
                }
            }
            server.process().destroyForcibly().waitFor();
            server.launch();
            try (Connection connection = CommitRound.connect(server, "lone"); Statement statement = connection.createStatement();
                 java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(5);
            }
            try (Connection connection = CommitRound.connect(server, "lone"); Statement statement = connection.createStatement()) {
                long before = fsyncs(statement);
                statement.executeUpdate("INSERT INTO t VALUES (6)");
                assertThat(fsyncs(statement)).as("a commit syncs (Innodb_os_log_fsyncs)").isGreaterThan(before);
            }
        } finally {
            server.stop();
        }
    }

    /**
     * The file is compacted while the server runs (H2SpaceReclaimer): rewriting one row's 5 MB payload over and
     * over grows it past the reclaimer's 64 MB mark, then it must shrink again while the writes go on, and the
     * commits acknowledged right after that (the last one alone) must survive kill -9. A payload that size is too
     * large for a redo record, so each commit writes the store (small ones are logged, and the store file grows
     * only at checkpoints).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theFileShrinksWhileRunningAndCommitsAfterThatSurviveKill9() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        Path file = server.datadir().resolve("doppel.mv.db");
        long peak = 0;
        try {
            try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE churn");
                statement.execute("CREATE TABLE churn.t (id INT PRIMARY KEY, payload LONGTEXT)");
                statement.execute("INSERT INTO churn.t VALUES (1, '')");
            }
            String payload = "x".repeat(5_000_000);
            long shrunkAt = 0;
            int updates = 0;
            try (Connection connection = CommitRound.connect(server, "churn");
                    PreparedStatement update = connection.prepareStatement("UPDATE t SET payload = ? WHERE id = 1")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline) {
                    update.setString(1, payload.substring(updates % 10) + updates);
                    update.executeUpdate();
                    updates++;
                    long size = java.nio.file.Files.size(file);
                    peak = Math.max(peak, size);
                    if (peak > (64L << 20) && size < peak / 2) {
                        shrunkAt = updates;
                        break;
                    }
                }
            }
            System.out.printf("DurabilityIT reclaim: %d updates, file peaked at %d MB, shrank to %d MB%n", updates,
                    peak >> 20, java.nio.file.Files.size(file) >> 20);
            assertThat(shrunkAt).as("the file shrank while the server ran (peak %d bytes)", peak).isPositive();
            try (Connection connection = CommitRound.connect(server, "churn"); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (2, 'after the reclaim')");
            }
            server.process().destroyForcibly().waitFor();
            server.launch();
            try (Connection connection = CommitRound.connect(server, "churn"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id, payload FROM t ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).endsWith(Integer.toString(updates - 1));
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("after the reclaim");
            }
        } finally {
            server.stop();
        }
    }

    private static long fsyncs(Statement statement) throws java.sql.SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_os_log_fsyncs'")) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(2);
        }
    }
}
