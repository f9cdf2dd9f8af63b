package dev.doppel.server.it.tools;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow query log (issue 17): statements over long_query_time in MySQL's file format, with Slow_queries, passwords
 * as {@code <secret>}, administrative statements only with log_slow_admin_statements, FLUSH SLOW LOGS after a rotation,
 * and pt-query-digest (Debian's percona-toolkit; that check skips where it is not installed) reading the file.
 */
class SlowQueryLogIT {
    private static final String PT_QUERY_DIGEST = "/usr/bin/pt-query-digest";

    @TempDir
    Path home;

    @Test
    void slowStatementsAreCountedAndLoggedAsMySqlLogsThem() throws Exception {
        try (DoppelProcess server = DoppelProcess.start(Files.createDirectories(home.resolve("server")))) {
            Path file = home.resolve("slow.log");
            long slowQueries;
            try (Connection root = connect(server, ""); Statement statement = root.createStatement()) {
                statement.execute("CREATE DATABASE shop");
                statement.execute("CREATE TABLE shop.items (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO shop.items VALUES (1), (2)");
                statement.execute("SET GLOBAL slow_query_log_file = '" + file + "'");
                statement.execute("SET GLOBAL slow_query_log = ON");
                // far above what a quick statement takes even on a loaded machine
                statement.execute("SET GLOBAL long_query_time = 1");
            }
            try (Connection connection = connect(server, "&useServerPrepStmts=true");
                    Statement statement = connection.createStatement();
                    PreparedStatement prepared = connection.prepareStatement("SELECT SLEEP(?), ?")) {
                statement.execute("USE shop");
                statement.executeQuery("SELECT SLEEP(0.6), id FROM items").close();
                statement.executeQuery("SELECT 'quick'").close();
                prepared.setDouble(1, 1.1);
                prepared.setString(2, "it's");
                prepared.executeQuery().close();
                statement.execute("SET long_query_time = 0");
                statement.execute("CREATE USER 'slow'@'%' IDENTIFIED BY 'never-logged'");
                statement.execute("ALTER TABLE items ADD COLUMN note INT");
                statement.execute("SET GLOBAL log_slow_admin_statements = ON");
                statement.execute("ALTER TABLE items ADD COLUMN other INT");
                statement.execute("SET GLOBAL log_slow_admin_statements = OFF");
                try (ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE 'Slow_queries'")) {
                    assertThat(rows.next()).isTrue();
                    slowQueries = rows.getLong(2);
                }
            }
            String log = Files.readString(file, StandardCharsets.UTF_8);
            // every statement counted is logged: the two SLEEPs, then with long_query_time 0 everything but the first
            // ALTER TABLE (an administrative statement), Connector/J's own SELECT @@session.transaction_read_only too;
            // the SHOW that read the count is counted when it ends, after it answered
            long entries = log.lines().filter(line -> line.startsWith("# Time: ")).count();
            assertThat(slowQueries).as(log).isEqualTo(entries - 1).isGreaterThanOrEqualTo(7);
            assertThat(log).startsWith("/").contains(", Version: 8.4.", "Time                 Id Command    Argument\n",
                    "SELECT SLEEP(0.6), id FROM items;\n", "SELECT SLEEP(1.1), 'it\\'s';\n",
                    "CREATE USER 'slow'@'%' IDENTIFIED BY <secret>;\n", "ALTER TABLE items ADD COLUMN other INT;\n")
                    .containsPattern("# Time: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\\n"
                            + "# User@Host: root\\[root] @ localhost \\[127\\.0\\.0\\.1]  Id: +\\d+\\n"
                            + "# Query_time: [1-9]\\.\\d{6}  Lock_time: 0\\.000000 Rows_sent: 2  Rows_examined: 0\\n"
                            + "use shop;\\nSET timestamp=\\d+;\\nSELECT SLEEP\\(0\\.6\\), id FROM items;\\n")
                    .doesNotContain("quick", "never-logged", "ADD COLUMN note");
            if (Files.isExecutable(Path.of(PT_QUERY_DIGEST))) {
                Process digest = new ProcessBuilder(PT_QUERY_DIGEST, file.toString()).redirectErrorStream(true).start();
                String report = new String(digest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(digest.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(digest.exitValue()).as(report).isZero();
                assertThat(report).contains("# Overall: " + entries + " total", "SELECT items", "# Databases    shop");
            }
            Files.move(file, home.resolve("slow.log.1"));
            try (Connection root = connect(server, ""); Statement statement = root.createStatement()) {
                statement.execute("SET SESSION long_query_time = 0");
                statement.execute("FLUSH SLOW LOGS");
                statement.execute("SELECT 'after the rotation'");
            }
            assertThat(Files.readString(file)).contains("SELECT 'after the rotation';\n");
        }
    }

    private static Connection connect(DoppelProcess server, String options) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true" + options),
                "root", "");
    }
}
