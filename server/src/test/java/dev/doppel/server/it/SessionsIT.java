package dev.doppel.server.it;

import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions run independently; KILL, ping, reset, change user and the admin commands of mysqladmin. */
class SessionsIT {
    private static final String LONG_QUERY = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c"
            + " WHERE n < 500000000) SELECT COUNT(*) FROM c";

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = connect(); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'other'@'%' IDENTIFIED BY 'other-pw'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect() throws SQLException {
        return connect("root", "");
    }

    static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"), user,
                password);
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void assertSlowStatementDoesNotStallOthersAndKillQueryStopsIt() throws Exception {
        try (Connection slow = connect(); Connection other = connect()) {
            long id = connectionId(slow);
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = slow.createStatement()) {
                    // deeper than MySQL's default bound of 1000 iterations (3636), as long as it is not stopped
                    statement.execute("SET SESSION cte_max_recursion_depth = 4294967295");
                    statement.executeQuery(LONG_QUERY).close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            try (Statement statement = other.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
            assertThat(running).isNotDone();
            try (Statement statement = other.createStatement()) {
                statement.execute("KILL QUERY " + id);
            }
            Throwable failure = running.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1317);
                assertThat(e.getSQLState()).isEqualTo("70100");
                assertThat(e.getMessage()).isEqualTo("Query execution was interrupted");
            });
            try (Statement statement = slow.createStatement(); ResultSet rows = statement.executeQuery("SELECT 2")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aTemporaryTableBelongsToItsSession() throws Exception {
        try (Connection owner = connect(); Connection other = connect("other", "other-pw");
             Statement mine = owner.createStatement(); Statement theirs = other.createStatement()) {
            mine.execute("CREATE DATABASE IF NOT EXISTS temp_tables");
            mine.execute("GRANT ALL ON temp_tables.* TO 'other'@'%'");
            mine.execute("CREATE TEMPORARY TABLE temp_tables.scratch (secret VARCHAR(20))");
            mine.execute("INSERT INTO temp_tables.scratch VALUES ('mine alone')");
            assertThatThrownBy(() -> theirs.executeQuery("SELECT * FROM temp_tables.scratch"))
                    .hasMessageContaining("doesn't exist");
            // the same name in another session is another table
            theirs.execute("CREATE TEMPORARY TABLE temp_tables.scratch (secret VARCHAR(20))");
            try (ResultSet rows = theirs.executeQuery("SELECT COUNT(*) FROM temp_tables.scratch")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
            try (ResultSet rows = mine.executeQuery("SHOW TABLES FROM temp_tables")) {
                assertThat(rows.next()).as("SHOW TABLES leaves temporary tables out").isFalse();
            }
        }
        try (Connection later = connect(); Statement statement = later.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM temp_tables.scratch"))
                    .as("gone with its session").hasMessageContaining("doesn't exist");
        }
    }

    @Test
    void assertSleepWaitsAndKillQueryEndsIt() throws Exception {
        try (Connection sleeper = connect(); Connection other = connect()) {
            long id = connectionId(sleeper);
            long started = System.nanoTime();
            try (Statement statement = sleeper.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SLEEP(0.3)")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isZero();
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
            CompletableFuture<Throwable> sleeping = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = sleeper.createStatement()) {
                    statement.executeQuery("SELECT SLEEP(60)").close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            assertThat(sleeping).isNotDone();
            started = System.nanoTime();
            try (Statement statement = other.createStatement()) {
                statement.execute("KILL QUERY " + id);
            }
            Throwable failure = sleeping.get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
            assertThat(failure).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1317));
            try (Statement statement = sleeper.createStatement(); ResultSet rows = statement.executeQuery("SELECT 3")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void assertKillConnection() throws Exception {
        try (Connection victim = connect(); Connection killer = connect()) {
            long id = connectionId(victim);
            try (Statement statement = killer.createStatement()) {
                statement.execute("KILL " + id);
            }
            assertThatThrownBy(() -> victim.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> killer.createStatement().execute("KILL 987654"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1094);
                        assertThat(e.getMessage()).isEqualTo("Unknown thread id: 987654");
                    });
        }
    }

    @Test
    void assertKillingAnotherUsersSessionNeedsConnectionAdmin() throws Exception {
        try (Connection root = connect(); Connection other = connect("other", "other-pw")) {
            long rootId = connectionId(root);
            assertThatThrownBy(() -> other.createStatement().execute("KILL " + rootId))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1095);
                        assertThat(e.getMessage()).isEqualTo("You are not owner of thread " + rootId);
                    });
            try (ResultSet rows = root.createStatement().executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void assertPingResetAndChangeUser() throws Exception {
        try (Connection connection = connect()) {
            assertThat(connection.isValid(2)).isTrue();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET @kept = 1, SESSION wait_timeout = 77");
            }
            ((JdbcConnection) connection).resetServerState();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT @kept, @@session.wait_timeout")) {
                rows.next();
                assertThat(rows.getObject(1)).isNull();
                assertThat(rows.getLong(2)).isEqualTo(28800);
            }
            ((JdbcConnection) connection).changeUser("other", "other-pw");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("other@%");
            }
        }
    }

    @Test
    void assertMysqladminCommands() throws Exception {
        String admin = MysqlCli.binary().replace("mysql", "mysqladmin").replace("mariadb", "mariadb-admin");
        Process status = new ProcessBuilder(admin, "--no-defaults", "-h127.0.0.1", "-P" + server.port(), "-uroot",
                "status").redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes());
        assertThat(status.waitFor()).isZero();
        assertThat(output).startsWith("Uptime: ").contains("Threads: ").contains("Questions: ");
        Process ping = new ProcessBuilder(admin, "--no-defaults", "-S", server.socket().toString(), "-uroot", "ping")
                .redirectErrorStream(true).start();
        assertThat(new String(ping.getInputStream().readAllBytes())).contains("mysqld is alive");
        assertThat(ping.waitFor()).isZero();
    }

    /** mysqladmin's flush commands and refresh (COM_REFRESH) work (1235 before); FLUSH LOGS reopens a rotated log. */
    @Test
    void flushCommandsWorkAndNeedReload() throws Exception {
        String admin = MysqlCli.binary().replace("mysql", "mysqladmin").replace("mariadb", "mariadb-admin");
        Process flush = new ProcessBuilder(admin, "--no-defaults", "-h127.0.0.1", "-P" + server.port(), "-uroot",
                "flush-tables", "flush-logs", "flush-privileges", "flush-status", "refresh").redirectErrorStream(true)
                .start();
        assertThat(new String(flush.getInputStream().readAllBytes())).isEmpty();
        assertThat(flush.waitFor()).isZero();
        Path log = server.home().resolve("error.log");
        Files.move(log, server.home().resolve("error.log.1"));
        try (Connection root = connect(); Statement statement = root.createStatement()) {
            statement.execute("FLUSH LOCAL ERROR LOGS, STATUS, RELAY LOGS FOR CHANNEL c, BINARY LOGS");
            assertThat(log).as("reopened under its name").exists();
            statement.execute("FLUSH TABLES meta.t, other");
            assertThatThrownBy(() -> statement.execute("FLUSH STATUS,")).extracting(e -> ((SQLException) e).getErrorCode())
                    .isEqualTo(1064);
            assertThatThrownBy(() -> statement.execute("FLUSH TABLES, STATUS"))
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(1064);
            assertThatThrownBy(() -> statement.execute("FLUSH TABLES meta.t WITH READ LOCK"))
                    .hasMessage("This version of MySQL doesn't yet support 'FLUSH TABLES tbl_name WITH READ LOCK'");
        }
        try (Connection other = connect("other", "other-pw"); Statement statement = other.createStatement()) {
            assertThatThrownBy(() -> statement.execute("FLUSH TABLES"))
                    .hasMessage("Access denied; you need (at least one of) the RELOAD privilege(s) for this operation");
            // mysqladmin password sets it first; its session value is an administrator's to set, as in MySQL
            assertThatThrownBy(() -> statement.execute("SET sql_log_off = 1")).hasMessage("Access denied; you need"
                    + " (at least one of) the SUPER, SYSTEM_VARIABLES_ADMIN or SESSION_VARIABLES_ADMIN privilege(s) for"
                    + " this operation");
        }
        try (Connection root = connect(); Statement statement = root.createStatement()) {
            statement.execute("SET sql_log_off = 1");
        }
        Process refused = new ProcessBuilder(admin, "--no-defaults", "-h127.0.0.1", "-P" + server.port(), "-uother",
                "-pother-pw", "refresh").redirectErrorStream(true).start();
        assertThat(new String(refused.getInputStream().readAllBytes())).contains("RELOAD privilege");
        assertThat(refused.waitFor()).isNotZero();
    }

    /**
     * The general query log: connections, refused ones, queries with passwords replaced, executed prepared statements
     * with their values, Quit; nothing of a session with sql_log_off; FLUSH LOGS starts a rotated file anew.
     */
    @Test
    void theGeneralLogWritesWhatMySqlWrites() throws Exception {
        Path file = server.home().resolve("general.log");
        try (Connection root = connect(); Statement statement = root.createStatement()) {
            statement.execute("SET GLOBAL general_log_file = '" + file + "'");
            statement.execute("SET GLOBAL general_log = ON");
        }
        try {
            try (Connection logged = DriverManager.getConnection(server.url("mysql",
                    "sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true"), "root", "");
                    Statement statement = logged.createStatement();
                    java.sql.PreparedStatement prepared = logged.prepareStatement("SELECT ? + 1, CONCAT(?, '')")) {
                statement.execute("CREATE USER 'glog'@'%' IDENTIFIED BY 'never-logged'");
                statement.execute("DROP USER 'glog'@'%'");
                prepared.setInt(1, 41);
                prepared.setString(2, "it's");
                prepared.executeQuery().close();
                statement.execute("SET sql_log_off = ON");
                statement.execute("SELECT 'not in the log'");
            }
            assertThatThrownBy(() -> connect("other", "wrong-pw")).isInstanceOf(SQLException.class);
            // bytes that are no UTF-8 go into the log as they came (the line broke off there before)
            Path script = server.home().resolve("raw.sql");
            byte[] prefix = "SELECT _binary'".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] rawStatement = java.util.Arrays.copyOf(prefix, prefix.length + 5);
            System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xFE, '\'', ';', '\n'}, 0, rawStatement, prefix.length, 5);
            Files.write(script, rawStatement);
            Process raw = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(), "-uroot")
                    .redirectInput(script.toFile()).redirectErrorStream(true).start();
            raw.getInputStream().readAllBytes();
            assertThat(raw.waitFor()).isZero();
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains(" Query\tSELECT _binary'\u00ff\u00fe'\n");
            String log = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(log).startsWith("/").contains(
                    ", Version: 8.4.", "Time                 Id Command    Argument\n",
                     " Query\tCREATE USER 'glog'@'%' IDENTIFIED BY <secret>\n",
                    " Prepare\tSELECT ? + 1, CONCAT(?, '')\n", " Execute\tSELECT 41 + 1, CONCAT('it\\'s', '')\n", " Quit\t\n",
                    " Connect\tAccess denied for user 'other'@'localhost' (using password: YES)\n")
                    .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\\t +\\d+ Connect\\troot@localhost on (mysql)? using TCP/IP\\n")
                    .doesNotContain("never-logged", "not in the log");
            Files.move(file, server.home().resolve("general.log.1"));
            try (Connection root = connect(); Statement statement = root.createStatement()) {
                statement.execute("FLUSH LOGS");
                statement.execute("SELECT 'after the rotation'");
            }
            assertThat(Files.readString(file)).contains(" Query\tSELECT 'after the rotation'\n");
        } finally {
            try (Connection root = connect(); Statement statement = root.createStatement()) {
                statement.execute("SET GLOBAL general_log = OFF");
            }
        }
    }

    /** SHOW WARNINGS with LIMIT in MySQL's three spellings (the whole list before); an INTERVAL's unit is no alias. */
    @Test
    void showWarningsTakesALimit() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1/0, 'x' + 1, 2/0").close();
            List<String> codes = new ArrayList<>();
            for (String limit : List.of("LIMIT 1", "LIMIT 1, 1", "LIMIT 1 OFFSET 2", "LIMIT 0")) {
                StringBuilder seen = new StringBuilder(limit + ":");
                try (ResultSet rows = statement.executeQuery("SHOW WARNINGS " + limit)) {
                    while (rows.next()) {
                        seen.append(' ').append(rows.getInt("Code"));
                    }
                }
                codes.add(seen.toString());
            }
            assertThat(codes).containsExactly("LIMIT 1: 1365", "LIMIT 1, 1: 1292", "LIMIT 1 OFFSET 2: 1365", "LIMIT 0:");
            assertThatThrownBy(() -> statement.executeQuery("SHOW WARNINGS LIMIT 1 2"))
                    .hasMessageContaining("near '2'");
            // the unit of an INTERVAL is no alias: the item's text names the column
            try (ResultSet rows = statement.executeQuery("SELECT DATE('2024-01-01') + INTERVAL 1 DAY, 2 y")) {
                assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("DATE('2024-01-01') + INTERVAL 1 DAY");
                assertThat(rows.getMetaData().getColumnLabel(2)).isEqualTo("y");
            }
        }
    }

    /** CREATE/ALTER USER ... WITH resource limits (1064 before); MAX_USER_CONNECTIONS (1226) and max_user_connections (1203). */
    @Test
    void anAccountsConnectionsAreLimited() throws Exception {
        try (Connection root = connect(); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'limited'@'%' IDENTIFIED BY 'limited-pw' WITH MAX_USER_CONNECTIONS 2"
                    + " MAX_QUERIES_PER_HOUR 1000");
            try (ResultSet rows = statement.executeQuery("SELECT max_user_connections, max_questions, max_updates"
                    + " FROM mysql.user WHERE user = 'limited'")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3))).containsExactly(2L, 1000L, 0L);
            }
            try (Connection first = connect("limited", "limited-pw"); Connection second = connect("limited", "limited-pw")) {
                assertThatThrownBy(() -> connect("limited", "limited-pw")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("User 'limited' has exceeded the 'max_user_connections' resource (current value: 2)");
                statement.execute("ALTER USER 'limited'@'%' WITH MAX_USER_CONNECTIONS 0");
                statement.execute("SET GLOBAL max_user_connections = 2");
                try {
                    assertThatThrownBy(() -> connect("limited", "limited-pw")).isInstanceOf(SQLException.class)
                            .hasMessageContaining("User limited already has more than 'max_user_connections' active connections");
                } finally {
                    statement.execute("SET GLOBAL max_user_connections = 0");
                }
                connect("limited", "limited-pw").close();
            } finally {
                statement.execute("DROP USER 'limited'@'%'");
            }
            statement.execute("CREATE USER 'hourly'@'%' IDENTIFIED BY 'hourly-pw' WITH MAX_QUERIES_PER_HOUR 10"
                    + " MAX_UPDATES_PER_HOUR 1 MAX_CONNECTIONS_PER_HOUR 2");
            statement.execute("GRANT ALL ON hourly.* TO 'hourly'@'%'");
            statement.execute("CREATE DATABASE hourly");
            statement.execute("CREATE TABLE hourly.t (a INT)");
            try (Connection hourly = connect("hourly", "hourly-pw"); Statement limited = hourly.createStatement()) {
                // Connector/J's own queries count too, as with MySQL: some of the twelve are refused
                int refused = 0;
                for (int i = 0; i < 12; i++) {
                    try {
                        limited.execute("SELECT 1");
                    } catch (SQLException e) {
                        refused++;
                        assertThat(e.getErrorCode()).isEqualTo(1226);
                        assertThat(e.getMessage()).isEqualTo(
                                "User 'hourly' has exceeded the 'max_questions' resource (current value: 10)");
                    }
                }
                assertThat(refused).isPositive();
                statement.execute("FLUSH USER_RESOURCES");
                limited.execute("INSERT INTO hourly.t VALUES (1)");
                assertThatThrownBy(() -> limited.execute("INSERT INTO hourly.t VALUES (2)"))
                        .hasMessage("User 'hourly' has exceeded the 'max_updates' resource (current value: 1)");
            }
            // FLUSH USER_RESOURCES started the count again: two more connections, not three
            connect("hourly", "hourly-pw").close();
            connect("hourly", "hourly-pw").close();
            assertThatThrownBy(() -> connect("hourly", "hourly-pw"))
                    .hasMessageContaining("User 'hourly' has exceeded the 'max_connections_per_hour' resource (current value: 2)");
            statement.execute("DROP USER 'hourly'@'%'");
            statement.execute("DROP DATABASE hourly");
            assertThatThrownBy(() -> statement.execute("CREATE USER 'x'@'%' WITH MAX_USER_CONNECTIONS"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("near 'MAX_USER_CONNECTIONS'");
        }
    }

    @Test
    void assertProcessList() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW FULL PROCESSLIST")) {
            assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("Id");
            boolean sawSelf = false;
            while (rows.next()) {
                if (rows.getString("Info") != null && rows.getString("Info").equals("SHOW FULL PROCESSLIST")) {
                    sawSelf = rows.getString("Command").equals("Query");
                }
            }
            assertThat(sawSelf).isTrue();
        }
    }
}
