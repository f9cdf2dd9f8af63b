package dev.doppel.server.it.programs;

import static dev.doppel.server.it.programs.ProgramsSql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored programs are data: all four kinds survive kill -9, come with a clone and with a mariadb-dump reloaded into a
 * fresh server. And what clients see of them: three result sets of one CALL through both JDBC drivers and the mysql
 * client, Connector/J's getProcedures and getProcedureColumns.
 */
class StoredProgramsLifecycleIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final String[] DEFINITIONS = {
        "CREATE DATABASE app", "CREATE TABLE app.items (id INT PRIMARY KEY, name VARCHAR(20))",
        "INSERT INTO app.items VALUES (1, 'apple'), (2, 'pear')",
        "CREATE PROCEDURE app.three_results(IN prefix VARCHAR(5), OUT total INT) BEGIN"
                + " SELECT COUNT(*) INTO total FROM app.items; SELECT id FROM app.items ORDER BY id;"
                + " SELECT CONCAT(prefix, name) AS named FROM app.items ORDER BY id; SELECT total; END",
        "CREATE FUNCTION app.shout(s VARCHAR(20)) RETURNS VARCHAR(20) DETERMINISTIC RETURN UPPER(s)",
        "CREATE TRIGGER app.items_bi BEFORE INSERT ON app.items FOR EACH ROW SET NEW.name = LOWER(NEW.name)",
        "CREATE EVENT app.nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM app.items WHERE id > 100"};

    @TempDir
    Path home;

    @Test
    void threeResultSetsThroughEveryClientAndConnectorJsMetadata() throws Exception {
        try (DoppelProcess server = DoppelProcess.start(java.nio.file.Files.createDirectories(home.resolve("one")))) {
            server.executeAsRoot(DEFINITIONS);
            for (String url : List.of("jdbc:mysql://127.0.0.1:" + server.port() + "/app?" + OPTIONS,
                    "jdbc:mariadb://127.0.0.1:" + server.port() + "/app")) {
                try (Connection connection = DriverManager.getConnection(url, "root", "");
                     Statement statement = connection.createStatement()) {
                    assertThat(statement.execute("CALL three_results('x-', @t)")).as(url).isTrue();
                    List<String> results = new ArrayList<>();
                    do {
                        try (ResultSet rows = statement.getResultSet()) {
                            StringBuilder text = new StringBuilder();
                            while (rows.next()) {
                                text.append(rows.getString(1)).append(' ');
                            }
                            results.add(text.toString().trim());
                        }
                    } while (statement.getMoreResults());
                    assertThat(results).as(url).containsExactly("1 2", "x-apple x-pear", "2");
                }
            }
            MysqlCli.Result cli = MysqlCli.run("CALL three_results('y-', @t);\n", "-h127.0.0.1",
                    "-P" + server.port(), "-uroot", "--batch", "app");
            assertThat(cli.stderr()).isEmpty();
            assertThat(cli.stdout()).isEqualTo("id\n1\n2\nnamed\ny-apple\ny-pear\ntotal\n2\n");
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/app?" + OPTIONS, "root", "")) {
                DatabaseMetaData metadata = connection.getMetaData();
                List<String> procedures = new ArrayList<>();
                try (ResultSet rows = metadata.getProcedures("app", null, "%")) {
                    while (rows.next()) {
                        procedures.add(rows.getString("PROCEDURE_NAME") + "/" + rows.getInt("PROCEDURE_TYPE"));
                    }
                }
                assertThat(procedures).contains("three_results/" + DatabaseMetaData.procedureNoResult);
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = metadata.getProcedureColumns("app", null, "three_results", "%")) {
                    while (rows.next()) {
                        columns.add(rows.getString("COLUMN_NAME") + "/" + rows.getInt("COLUMN_TYPE") + "/"
                                + rows.getString("TYPE_NAME"));
                    }
                }
                assertThat(columns).containsExactly("prefix/" + DatabaseMetaData.procedureColumnIn + "/VARCHAR",
                        "total/" + DatabaseMetaData.procedureColumnOut + "/INT");
            }
        }
    }

    @Test
    void allFourKindsSurviveKillNineComeWithACloneAndWithADump() throws Exception {
        Path donorHome = java.nio.file.Files.createDirectories(home.resolve("donor"));
        DoppelProcess donor = DoppelProcess.start(donorHome);
        try {
            donor.executeAsRoot(DEFINITIONS);
            donor.process().destroyForcibly();
            assertThat(donor.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            donor = DoppelProcess.startInitialized(donorHome);
            assertAllFour(donor, "after kill -9");

            Path copyHome = java.nio.file.Files.createDirectories(home.resolve("copy"));
            donor.executeAsRoot("INSTALL PLUGIN clone SONAME 'mysql_clone.so'",
                    "CLONE LOCAL DATA DIRECTORY = '" + copyHome.resolve("data") + "'");
            try (DoppelProcess copy = DoppelProcess.startInitialized(copyHome)) {
                assertAllFour(copy, "in the clone");
            }

            Process dump = new ProcessBuilder("mariadb-dump", "--no-defaults", "-h127.0.0.1", "-P" + donor.port(),
                    "-uroot", "--routines", "--triggers", "--events", "--databases", "app").start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump.waitFor()).as(errors).isZero();
            try (DoppelProcess fresh = DoppelProcess.start(java.nio.file.Files.createDirectories(home.resolve("fresh")))) {
                MysqlCli.Result reload = MysqlCli.run(text, "-h127.0.0.1", "-P" + fresh.port(), "-uroot");
                assertThat(reload.stderr()).isEmpty();
                assertAllFour(fresh, "reloaded from a dump");
            }
        } finally {
            donor.stop();
        }
    }

    private static void assertAllFour(DoppelProcess server, String where) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/app?"
                + OPTIONS, "root", ""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = 'app' ORDER BY 1")).as(where)
                    .containsExactly("shout|FUNCTION", "three_results|PROCEDURE");
            assertThat(rows(statement, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = 'app'")).as(where).containsExactly("items_bi");
            assertThat(rows(statement, "SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS"
                    + " WHERE EVENT_SCHEMA = 'app'")).as(where).containsExactly("nightly|DISABLED");
            statement.execute("INSERT INTO items VALUES (3, 'PLUM')");
            assertThat(rows(statement, "SELECT shout(name) FROM items WHERE id = 3")).as(where).containsExactly("PLUM");
            assertThat(rows(statement, "SELECT name FROM items WHERE id = 3")).as(where).containsExactly("plum");
            statement.execute("DELETE FROM items WHERE id = 3");
        }
    }
}
