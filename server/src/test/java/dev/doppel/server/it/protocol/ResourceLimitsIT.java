package dev.doppel.server.it.protocol;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One client cannot hurt the others: a runaway SELECT ends at max_execution_time (3024) or KILL QUERY (1317), and
 * thousands of clients may hold open transactions at once (the engine allowed 255).
 */
class ResourceLimitsIT {
    private static final int OPEN_TRANSACTIONS = 4000;

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.start(home, "--max-connections=" + (OPEN_TRANSACTIONS + 50));
        server.executeAsRoot("CREATE DATABASE r", "CREATE TABLE r.n (i INT PRIMARY KEY)",
                "INSERT INTO r.n WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)"
                        + " SELECT i FROM c",
                "CREATE TABLE r.tx (i INT PRIMARY KEY)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void maxExecutionTimeEndsASelectWith3024AndTheSessionGoesOn() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION max_execution_time = 200");
            long started = System.nanoTime();
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM r.n a, r.n b, r.n c"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("Query execution was interrupted, maximum statement execution time exceeded")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(3024));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
            // a statement that is not a SELECT is not bounded by it, nor is a SELECT once it is 0 again
            statement.execute("CREATE TABLE r.copy AS SELECT a.i FROM r.n a, r.n b WHERE b.i <= 300");
            statement.execute("SET SESSION max_execution_time = 0");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM r.copy")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(300_000);
            }
            statement.execute("DROP TABLE r.copy");
        }
    }

    /** The MAX_EXECUTION_TIME(N) optimizer hint bounds its SELECT alone, in text and server-side prepared statements. */
    @Test
    void theMaxExecutionTimeHintEndsItsSelectWith3024() throws Exception {
        String runaway = "SELECT /*+ BKA(a) MAX_EXECUTION_TIME(200) */ COUNT(*) FROM r.n a, r.n b, r.n c";
        try (Connection text = connect();
             Connection prepared = DriverManager.getConnection(server.url("mysql",
                     "sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true"), "root", "")) {
            assertThatThrownBy(() -> text.createStatement().executeQuery(runaway))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(3024));
            assertThatThrownBy(() -> prepared.prepareStatement(runaway).executeQuery())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(3024));
            // the hint is the statement's own: max_execution_time stays 0 for the next one, and a hint of 0 lifts it
            try (Statement statement = text.createStatement()) {
                statement.execute("SET SESSION max_execution_time = 1");
                try (ResultSet rows = statement.executeQuery("SELECT /*+ MAX_EXECUTION_TIME(0) */ COUNT(*)"
                        + " FROM r.n a, r.n b WHERE b.i <= 300")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(300_000);
                }
            }
        }
    }

    /**
     * SLEEP stops waiting at max_execution_time, as MySQL's does: alone in a query it returns 1 and the query no error;
     * inside a query over rows the query ends with 3024.
     */
    @Test
    void maxExecutionTimeEndsASleep() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION max_execution_time = 200");
            long started = System.nanoTime();
            try (ResultSet rows = statement.executeQuery("SELECT SLEEP(60)")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.executeQuery("SELECT i FROM r.n WHERE SLEEP(60) = 0"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(3024));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(30_000);
            statement.execute("SET SESSION max_execution_time = 0");
        }
    }

    /** GROUP_CONCAT stops at group_concat_max_len bytes (a character's start), with warning 1260 per cut row. */
    @Test
    void groupConcatIsCutAtGroupConcatMaxLen() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE concat_limit");
            statement.execute("CREATE TABLE concat_limit.t (g INT, v VARCHAR(10))");
            statement.execute("INSERT INTO concat_limit.t VALUES (1, 'abc'), (1, 'déf'), (1, 'ghi'), (2, 'x')");
            statement.execute("SET SESSION group_concat_max_len = 6");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT g, GROUP_CONCAT(v ORDER BY v) FROM concat_limit.t GROUP BY g ORDER BY g")) {
                assertThat(rows.next()).isTrue();
                // "abc,dé" is 7 bytes: the cut falls inside é, so it stops before it
                assertThat(rows.getString(2)).isEqualTo("abc,d");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("x");
                java.sql.SQLWarning warning = statement.getWarnings();
                assertThat((Object) warning).isNotNull();
                assertThat(warning.getErrorCode()).isEqualTo(1260);
                assertThat(warning.getMessage()).isEqualTo("Row 1 was cut by GROUP_CONCAT()");
                assertThat((Object) warning.getNextWarning()).isNull();
            }
            statement.execute("SET SESSION group_concat_max_len = DEFAULT");
            try (ResultSet rows = statement.executeQuery("SELECT GROUP_CONCAT(v ORDER BY v) FROM concat_limit.t")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("abc,déf,ghi,x");
            }
        }
    }

    @Test
    void killQueryEndsARunawaySelectAndAMultiTableUpdateOrDelete() throws Exception {
        try (Connection runner = connect(); Connection killer = connect();
             Statement statement = runner.createStatement()) {
            long id;
            try (ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
                rows.next();
                id = rows.getLong(1);
            }
            // the multi-table forms run as several engine statements of the server's (MultiTableDml)
            for (String runaway : List.of("SELECT COUNT(*) FROM r.n a, r.n b, r.n c, r.n d",
                    "UPDATE r.n t, r.n a, r.n b, r.n c SET t.i = t.i + 0 WHERE a.i + b.i + c.i < 0",
                    "DELETE t FROM r.n t, r.n a, r.n b, r.n c WHERE a.i + b.i + c.i < 0")) {
                CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        statement.execute(runaway);
                        return 0;
                    } catch (SQLException e) {
                        return e.getErrorCode();
                    }
                });
                Thread.sleep(500);
                try (Statement kill = killer.createStatement()) {
                    kill.execute("KILL QUERY " + id);
                }
                assertThat(running.get(30, TimeUnit.SECONDS)).as(runaway).isEqualTo(1317);
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM r.n")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(1000);
                }
            }
        }
    }

    @Test
    void thousandsOfOpenTransactionsAtOnce() throws Exception {
        List<RawMySqlSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < OPEN_TRANSACTIONS; i++) {
                RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port());
                clients.add(client);
                query(client, "SET autocommit = 0");
                query(client, "INSERT INTO r.tx VALUES (" + i + ")");
            }
            // every client holds an open transaction with a change; everyone else still works
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO r.tx VALUES (-1)");
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM r.tx")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            }
        } finally {
            for (RawMySqlSocket each : clients) {
                each.close();
            }
        }
    }

    @Test
    void aFloodOfSilentAndOversizedConnectionsPassesAndTheLimitsHold() throws Exception {
        Path floodHome = java.nio.file.Files.createDirectories(home.resolve("flood"));
        try (DoppelProcess flooded = DoppelProcess.start(floodHome, "--max-connections=20", "--connect-timeout=2",
                "--max-allowed-packet=65536")) {
            List<java.net.Socket> silent = new ArrayList<>();
            List<RawMySqlSocket> oversized = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    RawMySqlSocket client = RawMySqlSocket.loggedIn(flooded.port());
                    oversized.add(client);
                    client.writeRaw(RawMySqlSocket.header(65536 + 100, 0)); // announces more than max_allowed_packet
                    RawMySqlSocket.Packet reply = client.read();
                    assertThat(reply.isError() ? reply.errorCode() : 0).isEqualTo(1153);
                }
                for (int i = 0; i < 200; i++) {
                    // connects, never answers: past max_connections the server says 1040, the others time out
                    silent.add(new java.net.Socket("127.0.0.1", flooded.port()));
                }
                // connect_timeout ends the silent ones; then everyone gets in again and the server counts right
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                long connected = -1;
                while (System.nanoTime() < deadline) {
                    try (Connection root = DriverManager.getConnection(flooded.url("mysql",
                            "sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000"), "root", "");
                         Statement statement = root.createStatement();
                         ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
                        rows.next();
                        connected = rows.getLong(2);
                        if (connected == 1) {
                            break;
                        }
                    } catch (SQLException busy) {
                        // 1040 while the flood still holds the slots
                    }
                    Thread.sleep(250);
                }
                assertThat(connected).as("Threads_connected after the flood").isEqualTo(1);
                for (java.net.Socket each : silent) {
                    each.setSoTimeout(5000);
                    assertThat(each.getInputStream().read(new byte[1024])).as("a greeting or 1040, then the close")
                            .isPositive();
                }
            } finally {
                for (java.net.Socket each : silent) {
                    each.close();
                }
                for (RawMySqlSocket each : oversized) {
                    each.close();
                }
            }
        }
    }

    private static void query(RawMySqlSocket client, String sql) throws IOException {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = 0x03;
        System.arraycopy(text, 0, payload, 1, text.length);
        client.write(0, payload);
        RawMySqlSocket.Packet reply = client.read();
        if (!reply.isOk()) {
            throw new IllegalStateException(sql + ": " + (reply.isError() ? reply.errorCode() + " "
                    + reply.errorMessage() : "not OK"));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                "root", "");
    }
}
