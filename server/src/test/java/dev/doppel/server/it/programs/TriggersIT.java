package dev.doppel.server.it.programs;

import static dev.doppel.server.it.programs.ProgramsSql.assertError;
import static dev.doppel.server.it.programs.ProgramsSql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers against a real server: BEFORE and AFTER on each event with NEW and OLD, SET NEW.col, their order
 * (FOLLOWS, PRECEDES), a trigger's error undoing the whole statement, the statements that fire them as MySQL fires
 * them, MySQL's errors and privileges, and their life with their table (RENAME, DROP) and across a restart and a dump.
 */
class TriggersIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE bank", "CREATE TABLE bank.accounts (id INT PRIMARY KEY,"
                + " balance DECIMAL(10,2), owner VARCHAR(20), changes INT DEFAULT 0)",
                "CREATE TABLE bank.audit (n INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(60))",
                "CREATE USER teller@'%' IDENTIFIED BY 'pw'", "GRANT SELECT, INSERT, UPDATE ON bank.* TO teller@'%'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void triggersSeeAndChangeTheRowsAndRunInTheirOrder() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("CREATE TRIGGER accounts_bi BEFORE INSERT ON accounts FOR EACH ROW BEGIN"
                    + " IF NEW.balance < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative balance'; END IF;"
                    + " SET NEW.owner = UPPER(NEW.owner); END");
            statement.execute("CREATE TRIGGER accounts_ai AFTER INSERT ON accounts FOR EACH ROW"
                    + " INSERT INTO audit (what) VALUES (CONCAT('opened ', NEW.id, ' for ', NEW.owner))");
            statement.execute("CREATE TRIGGER accounts_first AFTER INSERT ON accounts FOR EACH ROW PRECEDES accounts_ai"
                    + " INSERT INTO audit (what) VALUES ('first')");
            statement.execute("CREATE TRIGGER accounts_bu BEFORE UPDATE ON accounts FOR EACH ROW"
                    + " SET NEW.changes = OLD.changes + 1");
            statement.execute("CREATE TRIGGER accounts_ad AFTER DELETE ON accounts FOR EACH ROW"
                    + " INSERT INTO audit (what) VALUES (CONCAT('closed ', OLD.id))");
            statement.execute("INSERT INTO accounts (id, balance, owner) VALUES (1, 10, 'ann'), (2, 20, 'bob')");
            assertError(statement, "INSERT INTO accounts (id, balance, owner) VALUES (3, 5, 'cy'), (4, -1, 'eve')", 1644,
                    "45000", "negative balance");
            statement.execute("UPDATE accounts SET balance = balance + 1");
            statement.execute("INSERT INTO accounts (id, balance, owner) VALUES (1, 0, 'x') ON DUPLICATE KEY UPDATE"
                    + " balance = 50");
            statement.execute("DELETE FROM accounts WHERE id = 2");
            assertThat(rows(statement, "SELECT id, balance, owner, changes FROM accounts ORDER BY id"))
                    .containsExactly("1|50.00|ANN|2");
            assertThat(rows(statement, "SELECT what FROM audit ORDER BY n")).as("the failed INSERT left nothing")
                    .containsExactly("first", "opened 1 for ANN", "first", "opened 2 for BOB", "closed 2");
            // REPLACE of an existing row deletes it and inserts the new one, and fires as that: no UPDATE triggers
            statement.execute("REPLACE INTO accounts (id, balance, owner) VALUES (1, 7, 'amy')");
            assertThat(rows(statement, "SELECT id, balance, owner, changes FROM accounts ORDER BY id"))
                    .containsExactly("1|7.00|AMY|0");
            assertThat(rows(statement, "SELECT what FROM audit ORDER BY n DESC LIMIT 3"))
                    .containsExactly("opened 1 for AMY", "first", "closed 1");
            assertThat(rows(statement, "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER FROM"
                    + " information_schema.TRIGGERS WHERE EVENT_OBJECT_TABLE = 'accounts' ORDER BY 1"))
                    .containsExactly("accounts_ad|AFTER|DELETE|1", "accounts_ai|AFTER|INSERT|2",
                            "accounts_bi|BEFORE|INSERT|1", "accounts_bu|BEFORE|UPDATE|1",
                            "accounts_first|AFTER|INSERT|1");
            assertThat(rows(statement, "SHOW CREATE TRIGGER accounts_bu").get(0)).contains("CREATE DEFINER=`root`@"
                    + "`localhost` TRIGGER `accounts_bu` BEFORE UPDATE ON `accounts` FOR EACH ROW SET NEW.changes ="
                    + " OLD.changes + 1");
        }
    }

    @Test
    void badTriggersGetMySqlsErrors() throws Exception {
        server.executeAsRoot("CREATE TABLE bank.notes (id INT PRIMARY KEY, txt VARCHAR(20))");
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            assertError(statement, "CREATE TRIGGER t1 AFTER INSERT ON notes FOR EACH ROW SET NEW.txt = 'x'", 1362,
                    "HY000", "Updating of NEW row is not allowed in after trigger");
            assertError(statement, "CREATE TRIGGER t2 BEFORE UPDATE ON notes FOR EACH ROW SET OLD.txt = 'x'", 1362,
                    "HY000", "Updating of OLD row is not allowed in trigger");
            assertError(statement, "CREATE TRIGGER t3 BEFORE INSERT ON notes FOR EACH ROW SET @x = OLD.id", 1363,
                    "HY000", "There is no OLD row in on INSERT trigger");
            assertError(statement, "CREATE TRIGGER t4 BEFORE INSERT ON nowhere FOR EACH ROW SET @x = 1", 1146, "42S02",
                    "Table 'bank.nowhere' doesn't exist");
            assertError(statement, "CREATE TRIGGER t5 BEFORE INSERT ON notes FOR EACH ROW SELECT 1", 1415, "0A000",
                    "Not allowed to return a result set from a trigger");
            assertError(statement, "CREATE TRIGGER t6 BEFORE INSERT ON notes FOR EACH ROW FOLLOWS nothing SET @x = 1",
                    3011, "HY000", "Referenced trigger 'nothing' for the given action time and event type does not exist.");
            statement.execute("CREATE TRIGGER notes_bi BEFORE INSERT ON notes FOR EACH ROW SET NEW.txt = TRIM(NEW.txt)");
            assertError(statement, "CREATE TRIGGER notes_bi BEFORE INSERT ON notes FOR EACH ROW SET @x = 1", 1359,
                    "HY000", "Trigger already exists");
            assertError(statement, "DROP TRIGGER nothing", 1360, "HY000", "Trigger does not exist");
            statement.execute("CREATE TRIGGER notes_loop AFTER INSERT ON notes FOR EACH ROW"
                    + " INSERT INTO notes VALUES (NEW.id + 100, 'again')");
            assertError(statement, "INSERT INTO notes VALUES (1, 'x')", 1442, "HY000", "Can't update table 'notes' in"
                    + " stored function/trigger because it is already used by statement which invoked this stored"
                    + " function/trigger.");
            statement.execute("DROP TRIGGER notes_loop");
            statement.execute("INSERT INTO notes VALUES (1, '  padded  ')");
            assertThat(rows(statement, "SELECT txt FROM notes")).containsExactly("padded");
        }
        try (Connection teller = connect("teller"); Statement statement = teller.createStatement()) {
            assertError(statement, "CREATE TRIGGER notes_bu BEFORE UPDATE ON notes FOR EACH ROW SET NEW.id = OLD.id",
                    1142, "42000", "TRIGGER command denied to user 'teller'@'localhost' for table 'notes'");
        }
    }

    @Test
    void triggersFollowTheirTableSurviveARestartAndADump() throws Exception {
        server.executeAsRoot("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TRIGGER shop.items_bi BEFORE INSERT ON shop.items FOR EACH ROW SET NEW.name = LOWER(NEW.name)",
                "RENAME TABLE shop.items TO shop.goods");
        server.stop();
        server = DoppelProcess.startInitialized(home);
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("INSERT INTO shop.goods VALUES (1, 'APPLE')");
            assertThat(rows(statement, "SELECT name FROM shop.goods")).containsExactly("apple");
            assertThat(rows(statement, "SHOW TRIGGERS FROM shop").get(0)).startsWith("items_bi|INSERT|goods|");
        }
        MysqlCli.Result dump = dump("--databases", "shop");
        assertThat(dump.stdout()).contains("TRIGGER `items_bi` BEFORE INSERT ON `goods` FOR EACH ROW");
        server.executeAsRoot("DROP DATABASE shop");
        MysqlCli.Result reload = MysqlCli.run(dump.stdout(), "-h127.0.0.1", "-P" + server.port(), "-uroot");
        assertThat(reload.stderr()).isEmpty();
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("INSERT INTO shop.goods VALUES (2, 'PEAR')");
            assertThat(rows(statement, "SELECT name FROM shop.goods ORDER BY id")).containsExactly("apple", "pear");
            statement.execute("DROP TABLE shop.goods");
            assertThat(rows(statement, "SHOW TRIGGERS FROM shop")).isEmpty();
        }
    }

    private static MysqlCli.Result dump(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-h127.0.0.1",
                "-P" + server.port(), "-uroot"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return new MysqlCli.Result(0, out, err);
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/bank?" + OPTIONS, user,
                user.equals("root") ? "" : "pw");
    }
}
