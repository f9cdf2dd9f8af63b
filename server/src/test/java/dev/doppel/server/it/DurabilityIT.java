package dev.doppel.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit acknowledged to the client survives kill -9 of the server: 4 writers commit over Connector/J in a
 * loop, the server process is killed with SIGKILL at a random moment while they write, the server is started
 * again on the same data directory, and every commit a writer saw acknowledged must be there. Rounds 1 and 3
 * use single-row autocommit INSERTs; round 2 uses BEGIN, 3 INSERTs, COMMIT and checks that no transaction
 * is present partially. The only rows allowed beyond the acknowledged ones are each writer's one in-flight
 * commit (sent, not acknowledged when the server died).
 */
class DurabilityIT {
    private static final String JDBC_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final int WRITERS = 4;
    private static final int ROUNDS = 3;
    private static final long ROUND_SPAN = 1_000_000_000L;
    private static final long WRITER_SPAN = 100_000_000L;

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
            try (Connection connection = connect(server, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE d");
                statement.execute("CREATE TABLE d.acked (id BIGINT PRIMARY KEY, writer INT, v VARCHAR(20))");
            }
            for (int round = 1; round <= ROUNDS; round++) {
                boolean transactions = round == 2;
                long killAfterMillis = 300 + random.nextInt(1201);
                runRound(server, round, transactions, killAfterMillis);
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
            try (Connection connection = connect(server, ""); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE lone");
                statement.execute("CREATE TABLE lone.t (id INT PRIMARY KEY)");
            }
            for (int i = 1; i <= 5; i++) {
                server.process().destroyForcibly().waitFor();
                server.launch();
                try (Connection connection = connect(server, "lone"); Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO t VALUES (" + i + ")");
                }
            }
            server.process().destroyForcibly().waitFor();
            server.launch();
            try (Connection connection = connect(server, "lone"); Statement statement = connection.createStatement();
                 java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                rows.next();
                org.assertj.core.api.Assertions.assertThat(rows.getInt(1)).isEqualTo(5);
            }
        } finally {
            server.stop();
        }
    }

    /**
     * The file is compacted while the server runs (H2SpaceReclaimer): rewriting one row's 16 kB payload over and
     * over grows it past the reclaimer's 64 MB mark, then it must shrink again while the writes go on, and the
     * commits acknowledged right after that (the last one alone) must survive kill -9.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theFileShrinksWhileRunningAndCommitsAfterThatSurviveKill9() throws Exception {
        DoppelProcess server = DoppelProcess.start(home);
        Path file = server.datadir().resolve("doppel.mv.db");
        long peak = 0;
        try {
            try (Connection connection = connect(server, ""); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE churn");
                statement.execute("CREATE TABLE churn.t (id INT PRIMARY KEY, payload LONGTEXT)");
                statement.execute("INSERT INTO churn.t VALUES (1, '')");
            }
            String payload = "x".repeat(16_000);
            long shrunkAt = 0;
            int updates = 0;
            try (Connection connection = connect(server, "churn");
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
            try (Connection connection = connect(server, "churn"); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (2, 'after the reclaim')");
            }
            server.process().destroyForcibly().waitFor();
            server.launch();
            try (Connection connection = connect(server, "churn"); Statement statement = connection.createStatement();
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

    private void runRound(DoppelProcess server, int round, boolean transactions, long killAfterMillis)
            throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<WriterResult>> futures = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            connections.add(connect(server, "d"));
        }
        long started = System.nanoTime();
        for (int writer = 0; writer < WRITERS; writer++) {
            Connection connection = connections.get(writer);
            long base = round * ROUND_SPAN + writer * WRITER_SPAN;
            int number = writer;
            futures.add(pool.submit(() -> transactions ? writeTransactions(connection, number, base, killed)
                    : writeRows(connection, number, base, killed)));
        }
        Thread.sleep(killAfterMillis);
        killed.set(true);
        long killedAt = System.nanoTime();
        server.process().destroyForcibly();
        assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).as("server gone after kill -9").isTrue();
        List<WriterResult> results = new ArrayList<>();
        for (Future<WriterResult> each : futures) {
            results.add(each.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();
        for (Connection each : connections) {
            try {
                each.close();
            } catch (SQLException ignored) {
                // the server is gone
            }
        }

        int logBefore = server.log().length();
        server.launch();
        String restartLog = server.log().substring(logBefore);
        assertThat(restartLog).as("restart after kill -9").doesNotContain("[ERROR]");

        long acknowledged = 0;
        long unacknowledgedPresent = 0;
        List<String> problems = new ArrayList<>();
        try (Connection connection = connect(server, "d")) {
            for (WriterResult result : results) {
                assertThat((Throwable) result.failureBeforeKill()).as("writer %d failed before the kill", result.writer()).isNull();
                assertThat(result.acknowledged()).as("writer %d acknowledged commits", result.writer()).isPositive();
                acknowledged += result.acknowledged();
                long base = round * ROUND_SPAN + result.writer() * WRITER_SPAN;
                TreeSet<Long> present = new TreeSet<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, writer FROM acked WHERE id >= ? AND id < ? ORDER BY id")) {
                    select.setLong(1, base);
                    select.setLong(2, base + WRITER_SPAN);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            present.add(rows.getLong(1));
                            if (rows.getInt(2) != result.writer()) {
                                problems.add("row " + rows.getLong(1) + " has writer " + rows.getInt(2));
                            }
                        }
                    }
                }
                int size = transactions ? 3 : 1;
                // commits 0 .. acknowledged-1 were acknowledged; commit 'acknowledged' may have been in flight
                TreeMap<Long, Integer> rowsPerCommit = new TreeMap<>();
                for (long id : present) {
                    rowsPerCommit.merge((id - base) / size, 1, Integer::sum);
                }
                List<Long> lost = new ArrayList<>();
                for (long commit = 0; commit < result.acknowledged(); commit++) {
                    int rows = rowsPerCommit.getOrDefault(commit, 0);
                    if (rows != size) {
                        lost.add(commit);
                    }
                }
                if (!lost.isEmpty()) {
                    problems.add("writer " + result.writer() + ": " + lost.size() + " of " + result.acknowledged()
                            + " acknowledged commits missing or partial, e.g. commit numbers "
                            + lost.subList(0, Math.min(20, lost.size())) + " (rows per commit "
                            + rowsOf(rowsPerCommit, lost) + ")");
                }
                for (Map.Entry<Long, Integer> each : rowsPerCommit.tailMap(result.acknowledged()).entrySet()) {
                    if (each.getKey() != result.acknowledged()) {
                        problems.add("writer " + result.writer() + ": commit " + each.getKey()
                                + " present but never sent (last acknowledged " + (result.acknowledged() - 1) + ")");
                    } else if (each.getValue() != size) {
                        problems.add("writer " + result.writer() + ": in-flight commit " + each.getKey()
                                + " present partially (" + each.getValue() + " of " + size + " rows)");
                    } else {
                        unacknowledgedPresent++;
                    }
                }
            }
        }
        double seconds = (killedAt - started) / 1e9;
        System.out.printf("DurabilityIT round %d (%s): kill -9 after %d ms, %d acknowledged commits"
                + " (%.0f commits/s with %d writers), %d unacknowledged commits present after restart%n", round,
                transactions ? "BEGIN; 3 INSERTs; COMMIT" : "single-row autocommit", killAfterMillis, acknowledged,
                acknowledged / seconds, WRITERS, unacknowledgedPresent);
        assertThat(problems).as("round %d after kill -9 at %d ms", round, killAfterMillis).isEmpty();
    }

    private static String rowsOf(Map<Long, Integer> rowsPerCommit, List<Long> commits) {
        List<Integer> rows = new ArrayList<>();
        for (long each : commits.subList(0, Math.min(20, commits.size()))) {
            rows.add(rowsPerCommit.getOrDefault(each, 0));
        }
        return rows.toString();
    }

    /** What one writer saw: how many commits were acknowledged (commit numbers 0 .. n-1). */
    private record WriterResult(int writer, long acknowledged, SQLException failureBeforeKill) {
    }

    private static WriterResult writeRows(Connection connection, int writer, long base, AtomicBoolean killed) {
        long acknowledged = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acked VALUES (?, ?, ?)")) {
            while (true) {
                long id = base + acknowledged;
                insert.setLong(1, id);
                insert.setInt(2, writer);
                insert.setString(3, "w" + writer + "-" + acknowledged);
                insert.executeUpdate();
                acknowledged++;
            }
        } catch (SQLException e) {
            return new WriterResult(writer, acknowledged, killed.get() ? null : e);
        }
    }

    private static WriterResult writeTransactions(Connection connection, int writer, long base,
            AtomicBoolean killed) {
        long acknowledged = 0;
        try (Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO acked VALUES (?, ?, ?)")) {
            while (true) {
                statement.execute("BEGIN");
                for (int row = 0; row < 3; row++) {
                    insert.setLong(1, base + acknowledged * 3 + row);
                    insert.setInt(2, writer);
                    insert.setString(3, "t" + acknowledged + "-" + row);
                    insert.executeUpdate();
                }
                statement.execute("COMMIT");
                acknowledged++;
            }
        } catch (SQLException e) {
            return new WriterResult(writer, acknowledged, killed.get() ? null : e);
        }
    }

    private static Connection connect(DoppelProcess server, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "10000");
        properties.setProperty("socketTimeout", "15000");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?"
                + JDBC_OPTIONS, properties);
    }
}
