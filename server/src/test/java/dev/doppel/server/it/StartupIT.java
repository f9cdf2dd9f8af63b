package dev.doppel.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup as mysqld does it: options and option files, the data directory (initialize, missing, unusable,
 * locked), the pid file, the ready line, and the ways a server stops; max_connections and wait_timeout.
 */
class StartupIT {
    private static final String JDBC_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final Pattern READY_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z 0"
            + " \\[System\\] \\[MY-010931\\] \\[Server\\] .*ready for connections\\. Version: '8\\.4\\.\\d+-doppel'"
            + "  socket: '([^']*)'  port: (\\d+).*$", Pattern.MULTILINE);
    private static final String ABORTING = "[ERROR] [MY-010119] [Server] Aborting";

    @TempDir
    static Path shared;
    /** A server started with --max-connections=2, for the connection-limit and idle-timeout cases. */
    private static DoppelProcess limited;

    @TempDir
    Path home;

    @BeforeAll
    static void startLimitedServer() throws Exception {
        limited = DoppelProcess.start(shared, "--max-connections=2");
    }

    @AfterAll
    static void stopLimitedServer() throws Exception {
        if (limited != null) {
            limited.stop();
        }
    }

    @Test
    void helpAndVersion() throws Exception {
        DoppelProcess.Result version = DoppelProcess.run(home, "--no-defaults", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).containsPattern("(?m)^\\S*doppeld\\s+Ver 8\\.4\\.\\d+-doppel for ");

        DoppelProcess.Result help = DoppelProcess.run(home, "--no-defaults", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: doppeld [OPTIONS]", "--verbose --help");

        DoppelProcess.Result verbose = DoppelProcess.run(home, "--no-defaults", "--verbose", "--help");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.output()).contains("Variables (--variable-name=value)")
                .containsPattern("(?m)^max-connections\\s+151$")
                .containsPattern("(?m)^port\\s+3306$")
                .containsPattern("(?m)^max-allowed-packet\\s+67108864$");
    }

    @Test
    void unknownOptionOnTheCommandLineAborts() throws Exception {
        DoppelProcess.Result option = DoppelProcess.run(home, "--no-defaults", "--no-such-option");
        assertThat(option.exitCode()).isEqualTo(1);
        assertAborted(option.output(), "[ERROR] [MY-000068] [Server] unknown option '--no-such-option'.");

        DoppelProcess.Result variable = DoppelProcess.run(home, "--no-defaults", "--no-such-variable=1");
        assertThat(variable.exitCode()).isEqualTo(1);
        assertAborted(variable.output(), "[ERROR] [MY-000067] [Server] unknown variable 'no-such-variable=1'.");
    }

    @Test
    void unknownOptionInAnOptionFileAborts() throws Exception {
        Path file = write(home.resolve("my.cnf"), "[mysqld]\nno_such_variable=1\n");
        DoppelProcess.Result result = DoppelProcess.run(home, "--defaults-file=" + file);
        assertThat(result.exitCode()).isEqualTo(1);
        assertAborted(result.output(), "[ERROR] [MY-000067] [Server] unknown variable 'no_such_variable=1'.");
    }

    @Test
    void badValueAborts() throws Exception {
        DoppelProcess.Result result = DoppelProcess.run(home, "--no-defaults", "--port=abc");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("'port'").contains(ABORTING);
    }

    /**
     * [mysqld] and [doppeld] groups, !include, loose- options in the file and on the command line, the command
     * line overriding the file; then the ready line, the pid file and SIGTERM.
     */
    @Test
    void optionFilesEndToEnd() throws Exception {
        DoppelProcess.start(home).stop();
        Path datadir = home.resolve("data");
        int port = freePort();
        Path log = home.resolve("server.log");
        Path pidFile = home.resolve("server.pid");
        Path included = write(home.resolve("included.cnf"), "[mysqld]\nwait_timeout=1234\n");
        Path file = write(home.resolve("my.cnf"), String.join("\n",
                "[mysqld]",
                "datadir=" + datadir,
                "port=" + port,
                "bind-address=127.0.0.1",
                "socket=" + home.resolve("server.sock"),
                "log-error=" + log,
                "pid-file=" + pidFile,
                "max_connections=77",
                "loose-no-such-in-file=1",
                "[client]",
                "no-such-client-option=1",
                "[doppeld]",
                "max-allowed-packet=2M",
                "connect_timeout=7",
                "!include " + included,
                ""));
        List<String> command = new ArrayList<>(List.of("bash",
                DoppelProcess.distribution().resolve("bin/doppeld").toString(), "--defaults-file=" + file,
                "--max-connections=88", "--loose-no-such-on-command-line"));
        command.addAll(DoppelProcess.userOption());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile()).start();
        try {
            String text = awaitReady(process, log);
            Matcher ready = READY_LINE.matcher(text);
            assertThat(ready.find()).as("ready line in%n%s", text).isTrue();
            assertThat(ready.group(1)).isEqualTo(home.resolve("server.sock").toString());
            assertThat(Integer.parseInt(ready.group(2))).isEqualTo(port);
            assertThat(text).contains("[Warning] [MY-000067] [Server] unknown variable 'loose-no-such-in-file=1'.",
                    "[Warning] [MY-000068] [Server] unknown option '--loose-no-such-on-command-line'.");

            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?"
                    + JDBC_OPTIONS, "root", "")) {
                assertThat(queryLong(connection, "SELECT @@max_connections")).as("command line over file")
                        .isEqualTo(88);
                assertThat(queryLong(connection, "SELECT @@global.max_allowed_packet")).as("[doppeld] group")
                        .isEqualTo(2 * 1024 * 1024);
                assertThat(queryLong(connection, "SELECT @@connect_timeout")).isEqualTo(7);
                assertThat(queryLong(connection, "SELECT @@global.wait_timeout")).as("!include").isEqualTo(1234);
            }

            assertThat(pidFile).exists();
            assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(process.pid()));

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit code after SIGTERM").isZero();
            assertThat(Files.readString(log)).containsPattern("\\[System\\] \\[MY-010910\\] \\[Server\\] .*Shutdown"
                    + " complete");
            assertThat(pidFile).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void initializeRefusesANonEmptyDirectory() throws Exception {
        Path datadir = Files.createDirectories(home.resolve("data"));
        write(datadir.resolve("keep.txt"), "precious\n");
        Map<String, String> before = snapshot(datadir);
        Path log = home.resolve("init.log");
        DoppelProcess.Result result = DoppelProcess.run(home, "--no-defaults", "--initialize",
                "--datadir=" + datadir, "--log-error=" + log);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("[ERROR] [MY-010457] [Server] --initialize specified but the data"
                + " directory has files in it.").contains(ABORTING);
        assertThat(snapshot(datadir)).isEqualTo(before);
    }

    /** --initialize logs a temporary root password; the account is expired until ALTER USER (1820 before). */
    @Test
    void initializeWithTemporaryPassword() throws Exception {
        Path datadir = home.resolve("data");
        Path initLog = home.resolve("init.log");
        DoppelProcess.Result init = DoppelProcess.run(home, "--no-defaults", "--initialize", "--datadir=" + datadir,
                "--log-error=" + initLog);
        assertThat(init.exitCode()).isZero();
        Matcher generated = Pattern.compile("\\[Note\\] \\[MY-010454\\] \\[Server\\] A temporary password is"
                + " generated for root@localhost: (\\S+)$", Pattern.MULTILINE).matcher(Files.readString(initLog));
        assertThat(generated.find()).as("temporary password line in init.log").isTrue();
        String password = generated.group(1);

        try (DoppelProcess server = launchOn(home)) {
            String tcp = "-P" + server.port();
            MysqlCli.Result refused = MysqlCli.run(null, "-h127.0.0.1", tcp, "-uroot", "-p" + password,
                    "-e", "SELECT 1");
            assertThat(refused.stderr()).as("a client that cannot handle expired passwords").contains(
                    "ERROR 1862 (HY000): Your password has expired. To log in you must change it using a client that"
                            + " supports expired passwords.");
            MysqlCli.Result sandboxed = MysqlCli.run(null, "-h127.0.0.1", tcp, "-uroot", "-p" + password,
                    "--connect-expired-password", "-e", "SELECT 1");
            assertThat(sandboxed.stderr()).as("statements before ALTER USER").contains("ERROR 1820 (HY000)",
                    "You must reset your password using ALTER USER statement before executing this statement.");

            MysqlCli.Result altered = MysqlCli.run(null, "-h127.0.0.1", tcp, "-uroot", "-p" + password,
                    "--connect-expired-password", "-e", "ALTER USER USER() IDENTIFIED BY 'n3w-Secret'");
            assertThat(altered.exitCode()).as(altered.stderr()).isZero();
            MysqlCli.Result after = MysqlCli.run(null, "-h127.0.0.1", tcp, "-uroot", "-pn3w-Secret", "-N",
                    "-e", "SELECT 1");
            assertThat(after.exitCode()).as(after.stderr()).isZero();
            assertThat(after.stdout().trim()).isEqualTo("1");
        }
    }

    @Test
    void missingDataDirectory() throws Exception {
        Path log = home.resolve("error.log");
        DoppelProcess.Result result = DoppelProcess.run(home, "--no-defaults", "--datadir=" + home.resolve("absent"),
                "--port=0", "--log-error=" + log);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("[ERROR] [MY-013276] [Server] Failed to set datadir to '"
                + home.resolve("absent") + "/'").contains(ABORTING);
        assertThat(home.resolve("absent")).doesNotExist();
    }

    @Test
    void uninitializedDataDirectories() throws Exception {
        Path empty = Files.createDirectories(home.resolve("empty"));
        Path random = Files.createDirectories(home.resolve("random"));
        write(random.resolve("notes.txt"), "not a data directory\n");
        write(Files.createDirectories(random.resolve("sub")).resolve("x.bin"), "\u0001\u0002");
        for (Path datadir : List.of(empty, random)) {
            Map<String, String> before = snapshot(datadir);
            Path log = home.resolve(datadir.getFileName() + ".log");
            DoppelProcess.Result result = DoppelProcess.run(home, "--no-defaults", "--datadir=" + datadir,
                    "--port=0", "--socket=" + home.resolve("unused.sock"), "--log-error=" + log);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("[ERROR] [MY-013236] [Server] The designated data directory "
                    + datadir + "/ is unusable.").contains(ABORTING);
            assertThat(snapshot(datadir)).as("%s untouched", datadir).isEqualTo(before);
        }
    }

    /** A second server on the same data directory stops at the lock; the first keeps its data and serves. */
    @Test
    void secondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
        try (DoppelProcess first = DoppelProcess.start(home); Connection connection = connect(first)) {
            execute(connection, "CREATE DATABASE kept");
            execute(connection, "CREATE TABLE kept.t (id INT PRIMARY KEY, v VARCHAR(10))");
            execute(connection, "INSERT INTO kept.t VALUES (1, 'one'), (2, 'two')");

            Path secondLog = home.resolve("second.log");
            DoppelProcess.Result second = DoppelProcess.run(home, "--no-defaults", "--datadir=" + first.datadir(),
                    "--port=0", "--bind-address=127.0.0.1", "--socket=" + home.resolve("second.sock"),
                    "--pid-file=" + home.resolve("second.pid"), "--log-error=" + secondLog);
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(Files.readString(secondLog)).contains("[ERROR] [MY-012574] [Server] Unable to lock "
                    + first.datadir().resolve("doppel.lock") + " error: 11.").contains(ABORTING);
            assertThat(home.resolve("doppel.pid")).exists();

            assertThat(queryLong(connection, "SELECT COUNT(*) FROM kept.t")).isEqualTo(2);
            try (Connection another = connect(first)) {
                assertThat(queryLong(another, "SELECT SUM(id) FROM kept.t")).isEqualTo(3);
            }
        }
    }

    /** SHUTDOWN needs the SHUTDOWN privilege (1227); root's SHUTDOWN stops the server with exit code 0. */
    @Test
    void shutdownStatement() throws Exception {
        try (DoppelProcess server = DoppelProcess.start(home)) {
            String port = "-P" + server.port();
            MysqlCli.Result created = MysqlCli.run(null, "-h127.0.0.1", port, "-uroot",
                    "-e", "CREATE USER 'u'@'%' IDENTIFIED BY 'p'");
            assertThat(created.exitCode()).as(created.stderr()).isZero();

            MysqlCli.Result denied = MysqlCli.run(null, "-h127.0.0.1", port, "-uu", "-pp", "-e", "SHUTDOWN");
            assertThat(denied.exitCode()).isEqualTo(1);
            assertThat(denied.stderr()).contains("ERROR 1227 (42000)", "Access denied; you need (at least one of) the"
                    + " SHUTDOWN privilege(s) for this operation");
            assertThat(server.process().isAlive()).isTrue();

            MysqlCli.Result shutdown = MysqlCli.run(null, "-h127.0.0.1", port, "-uroot", "-e", "SHUTDOWN");
            assertThat(shutdown.exitCode()).as(shutdown.stderr()).isZero();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue()).isZero();
            String log = server.log();
            assertThat(log).contains("[System] [MY-013172] [Server] Received SHUTDOWN from user root.")
                    .containsPattern("\\[MY-010910\\] \\[Server\\] .*Shutdown complete")
                    .doesNotContain("Aborted connection");
            assertThat(home.resolve("doppel.pid")).doesNotExist();
        }
    }

    /** Without --datadir the server initializes and uses <basedir>/data, like --initialize-insecure. */
    @Test
    void defaultDataDirectoryUnderBasedir() throws Exception {
        Path basedir = Files.createDirectories(home.resolve("base"));
        Path log = home.resolve("error.log");
        List<String> command = new ArrayList<>(List.of("bash",
                DoppelProcess.distribution().resolve("bin/doppeld").toString(), "--no-defaults", "--basedir=" + basedir,
                "--port=0", "--bind-address=127.0.0.1", "--socket=" + home.resolve("server.sock"),
                "--pid-file=" + home.resolve("server.pid"), "--log-error=" + log));
        command.addAll(DoppelProcess.userOption());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile())
                .start();
        try {
            String text = awaitReady(process, log);
            assertThat(text).contains("[Warning] [MY-010453] [Server] root@localhost is created with an empty password"
                    + " ! Please consider switching off the --initialize-insecure option.");
            assertThat(basedir.resolve("data/auto.cnf")).exists();
            Matcher ready = READY_LINE.matcher(text);
            assertThat(ready.find()).isTrue();
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + ready.group(2) + "/?"
                    + JDBC_OPTIONS, "root", "")) {
                String datadir = queryString(connection, "SELECT @@datadir");
                assertThat(Path.of(datadir)).isEqualTo(basedir.resolve("data"));
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    /**
     * root has CONNECTION_ADMIN, so like mysqld the server admits max_connections + 1 of its connections; the next
     * gets 1040.
     */
    @Test
    void maxConnections() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(connect(limited));
            }
            SQLException refused = catchThrowableOfType(SQLException.class, () -> open.add(connect(limited)));
            assertThat((Throwable) refused).as("connection 4 with max_connections=2").isNotNull();
            assertThat(refused.getErrorCode()).isEqualTo(1040);
            assertThat(refused.getSQLState()).isEqualTo("08004");
            assertThat(refused.getMessage()).contains("Too many connections");

            open.remove(0).close();
            Connection replacement = awaitConnect(limited);
            open.add(replacement);
            assertThat(queryLong(replacement, "SELECT 1")).isEqualTo(1);
        } finally {
            for (Connection each : open) {
                each.close();
            }
        }
    }

    @Test
    void idleSessionIsClosedAfterWaitTimeout() throws Exception {
        try (Connection connection = awaitConnect(limited)) {
            long id = queryLong(connection, "SELECT CONNECTION_ID()");
            execute(connection, "SET SESSION wait_timeout = 1");
            Thread.sleep(2500);
            assertThatThrownBy(() -> queryLong(connection, "SELECT 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
            assertThat(limited.log()).containsPattern("\\[Warning\\] \\[MY-010914\\] \\[Server\\] Aborted connection "
                    + id + " to db: 'unconnected' user: 'root' host: 'localhost' \\(Got timeout reading communication"
                    + " packets\\)");
        }
    }

    private static void assertAborted(String output, String error) {
        assertThat(output).contains(error);
        assertThat(output.indexOf(ABORTING)).as("Aborting after the error in%n%s", output)
                .isGreaterThan(output.indexOf(error));
        assertThat(output.split(Pattern.quote(ABORTING), -1)).as("one Aborting line in%n%s", output).hasSize(2);
    }

    /** Starts a server on the already-initialized {@code home}/data. */
    private static DoppelProcess launchOn(Path home) throws Exception {
        return DoppelProcess.startInitialized(home);
    }

    private static String awaitReady(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("ready for connections")) {
                return text;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ": " + text);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server not ready in 30 s");
    }

    /** Connects, retrying briefly while the server has not yet seen a closed connection go. */
    private static Connection awaitConnect(DoppelProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return connect(server);
            } catch (SQLException e) {
                if (e.getErrorCode() != 1040 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static Connection connect(DoppelProcess server) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", JDBC_OPTIONS), "root", "");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Every file under {@code directory} with its content, to prove a failed start left it untouched. */
    private static Map<String, String> snapshot(Path directory) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path each : files.toList()) {
                result.put(directory.relativize(each).toString(), Files.isRegularFile(each)
                        ? new String(Files.readAllBytes(each), StandardCharsets.ISO_8859_1) : "<dir>");
            }
        }
        return result;
    }
}
