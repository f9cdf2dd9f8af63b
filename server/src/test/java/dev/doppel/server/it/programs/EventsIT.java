package dev.doppel.server.it.programs;

import static dev.doppel.server.it.programs.ProgramsSql.assertError;
import static dev.doppel.server.it.programs.ProgramsSql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events against a real server: the scheduler runs EVERY and AT events as their definer, ON COMPLETION [NOT]
 * PRESERVE, event_scheduler OFF stops it, failures go to the error log, and MySQL's errors and privilege.
 */
class EventsIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE cron", "CREATE TABLE cron.runs (n INT AUTO_INCREMENT PRIMARY KEY,"
                + " what VARCHAR(20))", "CREATE USER planner@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT ON cron.* TO planner@'%'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theSchedulerRunsEventsAsTheySay() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("CREATE EVENT ticking ON SCHEDULE EVERY 1 SECOND"
                    + " DO INSERT INTO runs (what) VALUES ('tick')");
            statement.execute("CREATE EVENT once_kept ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND"
                    + " ON COMPLETION PRESERVE DO BEGIN INSERT INTO runs (what) VALUES ('kept'); END");
            statement.execute("CREATE EVENT once_dropped ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND"
                    + " DO INSERT INTO runs (what) VALUES ('dropped')");
            statement.execute("CREATE EVENT broken ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND"
                    + " DO INSERT INTO nowhere VALUES (1)");
            long deadline = System.currentTimeMillis() + 15_000;
            while (count(statement, "SELECT COUNT(*) FROM runs WHERE what = 'tick'") < 2
                    || count(statement, "SELECT COUNT(*) FROM runs WHERE what <> 'tick'") < 2) {
                assertThat(System.currentTimeMillis()).as("events ran").isLessThan(deadline);
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            assertThat(rows(statement, "SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS"
                    + " WHERE EVENT_SCHEMA = 'cron' ORDER BY 1")).as("NOT PRESERVE dropped, PRESERVE disabled")
                    .containsExactly("once_kept|DISABLED", "ticking|ENABLED");
            statement.execute("SET GLOBAL event_scheduler = OFF");
            Thread.sleep(1200);
            long ticks = count(statement, "SELECT COUNT(*) FROM runs WHERE what = 'tick'");
            Thread.sleep(2200);
            assertThat(count(statement, "SELECT COUNT(*) FROM runs WHERE what = 'tick'")).isEqualTo(ticks);
            statement.execute("SET GLOBAL event_scheduler = ON");
            statement.execute("DROP EVENT ticking");
        }
        assertThat(server.log()).contains("[ERROR] [MY-010045] [Server] Event Scheduler: [root@localhost]"
                + "[cron.broken] Table 'cron.nowhere' doesn't exist");
    }

    @Test
    void badEventsGetMySqlsErrors() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("CREATE EVENT later ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs");
            assertError(statement, "CREATE EVENT later ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs", 1537, "HY000",
                    "Event 'later' already exists");
            assertError(statement, "CREATE EVENT zero ON SCHEDULE EVERY 0 HOUR DO DELETE FROM runs", 1542, "HY000",
                    "INTERVAL is either not positive or too big");
            assertError(statement, "CREATE EVENT wrong ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01' ENDS '2029-01-01'"
                    + " DO DELETE FROM runs", 1521, "HY000", "ENDS is either invalid or before STARTS");
            assertError(statement, "DROP EVENT nothing", 1539, "HY000", "Unknown event 'nothing'");
            assertError(statement, "SET GLOBAL event_scheduler = DISABLED", 1231, "42000",
                    "Variable 'event_scheduler' can't be set to the value of 'DISABLED'");
            statement.execute("CREATE EVENT past ON SCHEDULE AT '2001-01-01 00:00:00' DO DELETE FROM runs");
            assertThat(rows(statement, "SHOW WARNINGS")).containsExactly("Note|1588|Event execution time is in the past"
                    + " and ON COMPLETION NOT PRESERVE is set. The event was dropped immediately after creation.");
            statement.execute("ALTER EVENT later RENAME TO much_later DISABLE COMMENT 'not now'");
            assertThat(rows(statement, "SHOW EVENTS LIKE 'much%'").get(0))
                    .startsWith("cron|much_later|root@localhost|");
            statement.execute("DROP EVENT much_later");
        }
        try (Connection planner = connect("planner"); Statement statement = planner.createStatement()) {
            assertError(statement, "CREATE EVENT mine ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs", 1044, "42000",
                    "Access denied for user 'planner'@'localhost' to database 'cron'");
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/cron?" + OPTIONS, user,
                user.equals("root") ? "" : "pw");
    }
}
