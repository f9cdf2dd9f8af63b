package dev.doppel.server.it.protocol;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every failure inside a command answers with an ERR packet (MySQL's number where it has one), and the session goes
 * on: its transaction and row locks stay as MySQL keeps them, until it commits or rolls back.
 */
class CommandFailuresIT {
    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.start(home, "--innodb-lock-wait-timeout=2");
        server.executeAsRoot("CREATE DATABASE f",
                "CREATE TABLE f.t (id INT PRIMARY KEY, d DATE, tm TIME, n DECIMAL(10,2), v INT)",
                "INSERT INTO f.t (id, v) VALUES (1, 0)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void nestingDeeperThanTheStackGets1436AndTheTransactionGoesOn() throws Exception {
        String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("UPDATE f.t SET v = 7 WHERE id = 1");
            assertThatThrownBy(() -> statement.executeQuery(deep)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1436))
                    .hasMessageStartingWith("Thread stack overrun:");
            connection.commit();
        }
        assertThat(value()).isEqualTo(7);
    }

    @Test
    void badParametersOfAServerPreparedStatementAnswerAndLocksFollowTheTransaction() throws Exception {
        try (Connection holder = connect(true)) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("UPDATE f.t SET v = 8 WHERE id = 1");
            }
            String[][] cases = {{"d", "0000-00-00"}, {"d", "2024-02-30"}, {"tm", "25:61:00"}, {"n", "abc"}};
            for (String[] each : cases) {
                try (PreparedStatement update = holder.prepareStatement("UPDATE f.t SET " + each[0] + " = ? WHERE id = 1")) {
                    update.setString(1, each[1]);
                    assertThatThrownBy(update::executeUpdate).as(each[0] + " = " + each[1])
                            .isInstanceOf(SQLException.class);
                }
            }
            // the transaction still holds its row lock: another session waits, then gives up (1205)
            try (Connection other = connect(false); Statement statement = other.createStatement()) {
                assertThatThrownBy(() -> statement.execute("UPDATE f.t SET v = 9 WHERE id = 1"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1205));
            }
            holder.rollback();
        }
        try (Connection other = connect(false); Statement statement = other.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE f.t SET v = 9 WHERE id = 1")).isEqualTo(1);
        }
        assertThat(value()).isEqualTo(9);
    }

    @Test
    void aPluginNameWithANulEndsThereAsInMysqld() throws Exception {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSTALL PLUGIN x SONAME 'a\0b.so'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1126))
                    .hasMessageContaining("/a'");
            assertThat(selectOne(statement)).isEqualTo(1);
        }
    }

    @Test
    void noStackTraceReachesTheErrorLog() throws Exception {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000)))
                    .isInstanceOf(SQLException.class);
            assertThat(selectOne(statement)).isEqualTo(1);
        }
        assertThat(server.log()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static int value() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM f.t WHERE id = 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int selectOne(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&socketTimeout=20000" + (serverPrepared ? "&useServerPrepStmts=true" : "")), "root", "");
    }
}
