package dev.doppel.server.it.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * A view reads its tables with its definer's privileges (SQL SECURITY DEFINER, the default) or the reader's (INVOKER),
 * checked whenever it is read, as in MySQL: 1356 when they lack SELECT on a table of the view, also through a nested
 * view; 1449 when the definer no longer exists; 1227 for DEFINER= someone else without SET_ANY_DEFINER.
 */
class ViewDefinersIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final String VIEW_INVALID = "View '%s' references invalid table(s) or column(s) or function(s) or"
            + " definer/invoker of view lack rights to use them";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE vault", "CREATE TABLE vault.secret (s VARCHAR(20))",
                "INSERT INTO vault.secret VALUES ('TOPSECRET')", "CREATE DATABASE shop",
                "CREATE TABLE shop.items (name VARCHAR(20))", "INSERT INTO shop.items VALUES ('apple')",
                "CREATE USER maker@'%' IDENTIFIED BY 'pw'", "CREATE USER reader@'%' IDENTIFIED BY 'pw'", "CREATE USER stranger@'%' IDENTIFIED BY 'pw'",
                "GRANT ALL ON shop.* TO maker@'%'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aDefinerViewStopsWorkingWhenItsDefinerLosesTheRights() throws Exception {
        try (Connection maker = connect("maker"); Statement statement = maker.createStatement()) {
            statement.execute("CREATE VIEW shop.item_names AS SELECT name FROM shop.items");
            assertThat(value(statement, "SELECT name FROM shop.item_names")).isEqualTo("apple");
        }
        server.executeAsRoot("GRANT SELECT ON shop.item_names TO reader@'%'");
        try (Connection reader = connect("reader"); Statement statement = reader.createStatement()) {
            assertThat(value(statement, "SELECT name FROM shop.item_names")).as("the definer's rights, not the reader's")
                    .isEqualTo("apple");
            assertThatThrownBy(() -> value(statement, "SELECT name FROM shop.items")).isInstanceOf(SQLException.class);
        }
        server.executeAsRoot("REVOKE ALL ON shop.* FROM maker@'%'", "GRANT SELECT ON shop.item_names TO reader@'%'");
        try (Connection reader = connect("reader"); Statement statement = reader.createStatement()) {
            assertError(statement, "SELECT name FROM shop.item_names", 1356, VIEW_INVALID.formatted("shop.item_names"));
        }
        try (Connection stranger = connect("stranger"); Statement statement = stranger.createStatement()) {
            // without a privilege on the view, its state is none of the account's business: 1142, not 1356
            assertError(statement, "SELECT name FROM shop.item_names", 1142,
                    "SELECT command denied to user 'stranger'@'localhost' for table 'item_names'");
        }
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            assertError(statement, "SELECT name FROM shop.item_names", 1356, VIEW_INVALID.formatted("shop.item_names"));
            statement.execute("GRANT SELECT ON shop.items TO maker@'%'");
            assertThat(value(statement, "SELECT name FROM shop.item_names")).isEqualTo("apple");
            statement.execute("DROP USER maker@'%'");
            assertError(statement, "SELECT name FROM shop.item_names", 1449,
                    "The user specified as a definer ('maker'@'%') does not exist");
            statement.execute("CREATE USER maker@'%' IDENTIFIED BY 'pw'");
            statement.execute("GRANT ALL ON shop.* TO maker@'%'");
        }
    }

    @Test
    void anInvokerViewReadsWithTheReadersRights() throws Exception {
        server.executeAsRoot("CREATE SQL SECURITY INVOKER VIEW vault.by_invoker AS SELECT s FROM vault.secret",
                "CREATE DEFINER = root@localhost SQL SECURITY DEFINER VIEW vault.by_root AS SELECT s FROM vault.secret",
                "CREATE VIEW vault.nested AS SELECT s FROM vault.by_invoker",
                "GRANT SELECT ON vault.by_invoker TO reader@'%'", "GRANT SELECT ON vault.by_root TO reader@'%'",
                "GRANT SELECT ON vault.nested TO reader@'%'");
        try (Connection reader = connect("reader"); Statement statement = reader.createStatement()) {
            assertError(statement, "SELECT s FROM vault.by_invoker", 1356, VIEW_INVALID.formatted("vault.by_invoker"));
            assertError(statement, "SELECT COUNT(*) FROM (SELECT s FROM vault.by_invoker) x", 1356,
                    VIEW_INVALID.formatted("vault.by_invoker"));
            assertThat(value(statement, "SELECT s FROM vault.by_root")).isEqualTo("TOPSECRET");
            // the nested view is root's (DEFINER), the view inside it INVOKER: root's rights reach the table
            assertThat(value(statement, "SELECT s FROM vault.nested")).isEqualTo("TOPSECRET");
        }
        server.executeAsRoot("GRANT SELECT ON vault.secret TO reader@'%'");
        try (Connection reader = connect("reader"); Statement statement = reader.createStatement()) {
            assertThat(value(statement, "SELECT s FROM vault.by_invoker")).isEqualTo("TOPSECRET");
        }
        server.executeAsRoot("REVOKE SELECT ON vault.secret FROM reader@'%'");
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            assertThat(value(statement, "SHOW CREATE VIEW vault.by_invoker")).isEqualTo("by_invoker");
            try (ResultSet rows = statement.executeQuery("SHOW CREATE VIEW vault.by_invoker")) {
                rows.next();
                assertThat(rows.getString(2)).isEqualTo("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost`"
                        + " SQL SECURITY INVOKER VIEW `by_invoker` AS SELECT s FROM vault.secret");
            }
        }
    }

    @Test
    void namingAnotherDefinerNeedsSetAnyDefiner() throws Exception {
        try (Connection maker = connect("maker"); Statement statement = maker.createStatement()) {
            assertError(statement, "CREATE DEFINER = root@localhost VIEW shop.as_root AS SELECT 1", 1227,
                    "Access denied; you need (at least one of) the SUPER or SET_ANY_DEFINER privilege(s) for this"
                            + " operation");
            statement.execute("CREATE DEFINER = CURRENT_USER SQL SECURITY DEFINER VIEW shop.mine AS SELECT 1 AS one");
            assertThat(value(statement, "SELECT one FROM shop.mine")).isEqualTo("1");
            statement.execute("ALTER SQL SECURITY INVOKER VIEW shop.mine AS SELECT 2 AS one");
            assertThat(value(statement, "SELECT one FROM shop.mine")).isEqualTo("2");
            assertThat(value(statement, "SELECT SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_NAME = 'mine'"))
                    .isEqualTo("INVOKER");
            assertError(statement, "ALTER VIEW shop.not_there AS SELECT 1", 1146, "Table 'shop.not_there' doesn't exist");
        }
    }

    /** The form mysqldump writes: the clauses in versioned comments. */
    @Test
    void aDumpedViewStatementReloads() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50013 DEFINER=`root`@`localhost` SQL SECURITY"
                    + " DEFINER */ /*!50001 VIEW `shop`.`dumped` AS select `shop`.`items`.`name` AS `name` from"
                    + " `shop`.`items` */");
            assertThat(value(statement, "SELECT name FROM shop.dumped")).isEqualTo("apple");
        }
    }

    private static void assertError(Statement statement, String sql, int number, String message) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(number);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/?" + OPTIONS, user,
                user.equals("root") ? "" : "pw");
    }
}
