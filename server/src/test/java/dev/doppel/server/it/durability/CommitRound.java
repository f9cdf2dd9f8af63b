package dev.doppel.server.it.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;

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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One round of writers committing until a crash: {@value #WRITERS} writers commit over Connector/J in a loop into
 * {@code d.acked}, the crash happens while they write, the server is started again on what the crash left, and every
 * commit a writer saw acknowledged must be there, whole. The only rows allowed beyond the acknowledged ones are each
 * writer's one in-flight commit (sent, not acknowledged when the server died), and that one whole or not at all.
 */
final class CommitRound {
    static final int WRITERS = 4;
    private static final String JDBC_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final long ROUND_SPAN = 1_000_000_000L;
    private static final long WRITER_SPAN = 100_000_000L;

    /** What ends the round: kill -9, a power cut, ... The server process must be gone when it returns. */
    interface Crash {
        void happen(DoppelProcess server) throws Exception;
    }

    /** What the round found: the problems (empty when every acknowledged commit survived whole), and counts. */
    record Outcome(List<String> problems, long acknowledged, long unacknowledgedPresent, double seconds) {
    }

    private CommitRound() {
    }

    static void createTable(DoppelProcess server) throws SQLException {
        try (Connection connection = connect(server, ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE d");
            statement.execute("CREATE TABLE d.acked (id BIGINT PRIMARY KEY, writer INT, v VARCHAR(20))");
        }
    }

    /**
     * Rounds with {@code transactions} use BEGIN, 3 INSERTs, COMMIT (and no transaction may be present partially);
     * the others single-row autocommit INSERTs.
     */
    static Outcome run(DoppelProcess server, int round, boolean transactions, long crashAfterMillis, Crash crash)
            throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
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
            futures.add(pool.submit(() -> transactions ? writeTransactions(connection, number, base, crashed)
                    : writeRows(connection, number, base, crashed)));
        }
        Thread.sleep(crashAfterMillis);
        crashed.set(true);
        long crashedAt = System.nanoTime();
        crash.happen(server);
        List<WriterResult> results = new ArrayList<>();
        for (Future<WriterResult> each : futures) {
            results.add(each.get(30, TimeUnit.SECONDS));
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
        assertThat(restartLog).as("restart after the crash").doesNotContain("[ERROR]");

        long acknowledged = 0;
        long unacknowledgedPresent = 0;
        List<String> problems = new ArrayList<>();
        try (Connection connection = connect(server, "d")) {
            for (WriterResult result : results) {
                assertThat((Throwable) result.failureBeforeCrash()).as("writer %d failed before the crash",
                        result.writer()).isNull();
                assertThat(result.acknowledged()).as("writer %d acknowledged commits", result.writer()).isPositive();
                acknowledged += result.acknowledged();
                long base = round * ROUND_SPAN + result.writer() * WRITER_SPAN;
                int size = transactions ? 3 : 1;
                TreeMap<Long, Integer> rowsPerCommit = rowsPerCommit(connection, result.writer(), base, size, problems);
                // commits 0 .. acknowledged-1 were acknowledged; commit 'acknowledged' may have been in flight
                List<Long> lost = new ArrayList<>();
                for (long commit = 0; commit < result.acknowledged(); commit++) {
                    if (rowsPerCommit.getOrDefault(commit, 0) != size) {
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
        return new Outcome(problems, acknowledged, unacknowledgedPresent, (crashedAt - started) / 1e9);
    }

    private static TreeMap<Long, Integer> rowsPerCommit(Connection connection, int writer, long base, int size,
            List<String> problems) throws SQLException {
        TreeSet<Long> present = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, writer FROM acked WHERE id >= ? AND id < ? ORDER BY id")) {
            select.setLong(1, base);
            select.setLong(2, base + WRITER_SPAN);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getLong(1));
                    if (rows.getInt(2) != writer) {
                        problems.add("row " + rows.getLong(1) + " has writer " + rows.getInt(2));
                    }
                }
            }
        }
        TreeMap<Long, Integer> result = new TreeMap<>();
        for (long id : present) {
            result.merge((id - base) / size, 1, Integer::sum);
        }
        return result;
    }

    private static String rowsOf(Map<Long, Integer> rowsPerCommit, List<Long> commits) {
        List<Integer> rows = new ArrayList<>();
        for (long each : commits.subList(0, Math.min(20, commits.size()))) {
            rows.add(rowsPerCommit.getOrDefault(each, 0));
        }
        return rows.toString();
    }

    /** What one writer saw: how many commits were acknowledged (commit numbers 0 .. n-1). */
    private record WriterResult(int writer, long acknowledged, SQLException failureBeforeCrash) {
    }

    private static WriterResult writeRows(Connection connection, int writer, long base, AtomicBoolean crashed) {
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
            return new WriterResult(writer, acknowledged, crashed.get() ? null : e);
        }
    }

    private static WriterResult writeTransactions(Connection connection, int writer, long base,
            AtomicBoolean crashed) {
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
            return new WriterResult(writer, acknowledged, crashed.get() ? null : e);
        }
    }

    static Connection connect(DoppelProcess server, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "10000");
        properties.setProperty("socketTimeout", "30000");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?"
                + JDBC_OPTIONS, properties);
    }

    /** kill -9, and wait until the process is gone. */
    static void kill(DoppelProcess server) throws InterruptedException {
        server.process().destroyForcibly();
        assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).as("server gone after kill -9").isTrue();
    }
}
