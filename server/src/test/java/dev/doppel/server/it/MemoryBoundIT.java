package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-statement memory bound (docs/security.md): on a server with a small heap, a statement whose working set
 * would fill the heap fails alone with 1041, while other sessions go on undisturbed, its own session and
 * transaction go on, and a statement that allocates much but holds little is left alone.
 */
class MemoryBoundIT {
    @TempDir
    static Path home;
    private static DoppelProcess server;
    private static final long SMALL_PACKET = 16L << 20;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.prepare(home).environment("DOPPEL_JAVA_OPTS", "-Xmx192m");
        server.initialize();
        server.launch();
        server.executeAsRoot("CREATE DATABASE m", "CREATE TABLE m.n (i INT PRIMARY KEY)",
                "INSERT INTO m.n WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)"
                        + " SELECT i FROM c",
                "CREATE TABLE m.kept (i INT PRIMARY KEY)", "CREATE TABLE m.others (i INT PRIMARY KEY)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aGroupByOverABillionDistinctValuesFailsAloneWith1041() throws Exception {
        AtomicBoolean hogRunning = new AtomicBoolean(true);
        AtomicInteger othersServed = new AtomicInteger();
        CompletableFuture<List<String>> others = CompletableFuture.supplyAsync(() -> othersWork(hogRunning,
                othersServed));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO m.kept VALUES (1)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT a.i * 1000000 + b.i * 1000 + c.i AS k, COUNT(*)"
                    + " FROM m.n a, m.n b, m.n c GROUP BY k ORDER BY 2 DESC LIMIT 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("Out of memory; check if mysqld or some other process uses all available")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1041));
            hogRunning.set(false);
            statement.execute("INSERT INTO m.kept VALUES (2)");
            connection.commit();
            assertThat(count(statement, "SELECT COUNT(*) FROM m.kept")).isEqualTo(2);
        } finally {
            hogRunning.set(false);
        }
        assertThat(others.get(60, TimeUnit.SECONDS)).isEmpty();
        assertThat(othersServed.get()).isPositive();
        assertThat(server.process().isAlive()).isTrue();
        assertThat(server.log()).contains("A statement was stopped with error 1041: it had allocated");
    }

    @Test
    void aCountDistinctAndAWindowOverAHugePartitionFailWith1041() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String hog : List.of(
                    "SELECT COUNT(DISTINCT a.i * 1000000 + b.i * 1000 + c.i) FROM m.n a, m.n b, m.n c",
                    "SELECT MAX(w) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY a.i % 2 ORDER BY a.i, b.i, c.i) AS w"
                            + " FROM m.n a, m.n b, m.n c) AS q")) {
                assertThatThrownBy(() -> statement.executeQuery(hog))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(hog).isEqualTo(1041));
                assertThat(count(statement, "SELECT COUNT(*) FROM m.n")).isEqualTo(1000);
            }
        }
        assertThat(server.process().isAlive()).isTrue();
    }

    /**
     * The engine's GROUP_CONCAT joined the whole list in one allocation before cutting it, and this query, a 100 MB
     * list, stopped the server. The server's own keeps what the result can show: group_concat_max_len, bounded by
     * max_allowed_packet (16 MB here, so that the result itself fits the small heap many times over).
     */
    @Test
    void aGroupConcatOfAHundredMegabytesKeepsOnlyWhatItShows() throws Exception {
        try (Connection connection = connectWithSmallPackets(); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT LENGTH(GROUP_CONCAT(REPEAT('x', 1000))) FROM m.n a, m.n b"
                    + " WHERE b.i <= 100")).isEqualTo(1024);
            assertThat(count(statement, "SELECT LENGTH(GROUP_CONCAT(REPEAT('x', 1000) ORDER BY a.i DESC, b.i"
                    + " SEPARATOR '') ) FROM m.n a, m.n b")).isEqualTo(1024);
            try (ResultSet rows = statement.executeQuery("SELECT GROUP_CONCAT(a.i * 1000 + b.i ORDER BY a.i DESC,"
                    + " b.i DESC) FROM m.n a, m.n b")) {
                rows.next();
                assertThat(rows.getString(1)).startsWith("1001000,1000999,1000998,").hasSize(1024);
            }
            statement.execute("SET SESSION group_concat_max_len = 4294967295");
            assertThat(count(statement, "SELECT LENGTH(GROUP_CONCAT(REPEAT('x', 1000))) FROM m.n a, m.n b"))
                    .isEqualTo(SMALL_PACKET);
            assertThat(statement.getWarnings().getErrorCode()).isEqualTo(1260);
        } finally {
            server.executeAsRoot("SET GLOBAL max_allowed_packet = DEFAULT");
        }
        assertThat(server.process().isAlive()).isTrue();
    }

    /**
     * Functions whose result outgrows their arguments give NULL with warning 1301 past max_allowed_packet, as MySQL's
     * do. Each of these, scaled to the default 64 MB packet, stopped the server before: the engine's own functions
     * built any length, and nesting doubles a value at each level.
     */
    @Test
    void aStringFunctionThatWouldOutgrowThePacketGivesNullWith1301() throws Exception {
        try (Connection connection = connectWithSmallPackets(); Statement statement = connection.createStatement()) {
            for (String[] call : new String[][] {
                    {"replace", "REPLACE(REPEAT('x', 10000000), 'x', 'yy')"},
                    {"hex", "HEX(HEX(REPEAT('x', 5000000)))"},
                    {"json_quote", "JSON_QUOTE(JSON_QUOTE(JSON_QUOTE(REPEAT('\"', 2500000))))"},
                    {"insert", "INSERT(INSERT(REPEAT('x', 6000000), 1, 0, REPEAT('x', 6000000)), 1, 0,"
                            + " REPEAT('x', 6000000))"},
                    {"concat_ws", "CONCAT_WS(REPEAT('x', 5000000), 'a', 'b', 'c', 'd', 'e')"},
                    {"regexp_replace", "REGEXP_REPLACE(REPEAT('x', 100000), 'x', REPEAT('y', 200))"},
                    {"json_array", "JSON_ARRAY(REPEAT('x', 6000000), REPEAT('x', 6000000), REPEAT('x', 6000000))"}}) {
                try (ResultSet rows = statement.executeQuery("SELECT LENGTH(" + call[1] + ")")) {
                    rows.next();
                    assertThat(rows.getObject(1)).as(call[1]).isNull();
                }
                java.sql.SQLWarning warning = statement.getWarnings();
                assertThat((Object) warning).as(call[1]).isNotNull();
                assertThat(warning.getErrorCode()).isEqualTo(1301);
                assertThat(warning.getMessage()).isEqualTo("Result of " + call[0]
                        + "() was larger than max_allowed_packet (" + SMALL_PACKET + ") - truncated");
            }
            assertThat(count(statement, "SELECT LENGTH(REPLACE(REPEAT('x', 10000000), 'x', 'y'))"))
                    .isEqualTo(10_000_000);
        } finally {
            server.executeAsRoot("SET GLOBAL max_allowed_packet = DEFAULT");
        }
        assertThat(server.process().isAlive()).isTrue();
    }

    @Test
    void aHeapOfFewerThanSixteenPacketsIsNamedInTheErrorLog() throws Exception {
        assertThat(server.log()).contains("[Warning]").contains(
                "MB) is less than 16 times max_allowed_packet (64 MB): one statement's values can exhaust it.");
    }

    /** A session of a server whose max_allowed_packet is {@link #SMALL_PACKET}; the caller sets it back. */
    private static Connection connectWithSmallPackets() throws Exception {
        server.executeAsRoot("SET GLOBAL max_allowed_packet = " + SMALL_PACKET);
        return connect();
    }

    @Test
    void aLongStreamThatHoldsLittleIsNotStopped() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.url("mysql",
                "sslMode=DISABLED&allowPublicKeyRetrieval=true&useCursorFetch=false"), "root", "");
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(Integer.MIN_VALUE);
            long rows = 0;
            long bytes = 0;
            try (ResultSet result = statement.executeQuery("SELECT a.i, b.i, REPEAT('y', 300) FROM m.n a, m.n b")) {
                while (result.next()) {
                    rows++;
                    bytes += result.getString(3).length();
                }
            }
            assertThat(rows).isEqualTo(1_000_000);
            assertThat(bytes).isEqualTo(300_000_000L);
        }
        assertThat(server.process().isAlive()).isTrue();
    }

    /** Point reads and writes from another session while the hog runs; what failed, as text. */
    private static List<String> othersWork(AtomicBoolean hogRunning, AtomicInteger served) {
        List<String> failures = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            int next = 0;
            while (hogRunning.get()) {
                next++;
                statement.execute("INSERT INTO m.others VALUES (" + next + ")");
                if (count(statement, "SELECT COUNT(*) FROM m.others WHERE i = " + next) != 1) {
                    failures.add("row " + next + " not found");
                }
                served.incrementAndGet();
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            failures.add(e.toString());
        }
        return failures;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                "root", "");
    }
}
