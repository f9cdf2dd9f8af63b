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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GRANT, REVOKE, SHOW GRANTS and the privilege checks, with MySQL 8.4's error numbers, SQLSTATEs and texts. */
class PrivilegesIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        root("CREATE DATABASE shop", "CREATE DATABASE secret", "CREATE TABLE shop.items (id INT PRIMARY KEY)",
                "INSERT INTO shop.items VALUES (1)", "CREATE TABLE secret.codes (id INT)");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect(String user, String database) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true")
                .replace("/?", "/" + database + "?"), user, "pw-" + user);
    }

    private static Connection connectRoot() throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                "root", "");
    }

    private static void root(String... statements) throws SQLException {
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
    }

    private static void createUser(String user) throws SQLException {
        root("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw-" + user + "'");
    }

    private static List<String> grants(Statement statement, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }

    private static String host(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT USER()")) {
            rows.next();
            String user = rows.getString(1);
            return user.substring(user.indexOf('@') + 1);
        }
    }

    private static void assertError(Statement statement, String sql, int number, String sqlState, String message) {
        SQLException error = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
        assertThat((Object) error).as(sql).isNotNull();
        assertThat(error.getErrorCode()).as(sql).isEqualTo(number);
        assertThat(error.getSQLState()).as(sql).isEqualTo(sqlState);
        // MariaDB Connector/J puts "(conn=N) " before the server's text
        assertThat(error.getMessage().replaceFirst("^\\(conn=\\d+\\) ", "")).as(sql).isEqualTo(message);
    }

    @Test
    void showGrantsPrintsEachLevelAsMySql() throws Exception {
        createUser("fmt");
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            assertThat(grants(statement, "SHOW GRANTS FOR 'fmt'@'%'")).containsExactly("GRANT USAGE ON *.* TO `fmt`@`%`");
            try (ResultSet rows = statement.executeQuery("SHOW GRANTS FOR fmt")) {
                assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("Grants for fmt@%");
            }
            statement.execute("GRANT INSERT, SELECT, CREATE USER ON *.* TO 'fmt'@'%'");
            statement.execute("GRANT CLONE_ADMIN, BACKUP_ADMIN ON *.* TO 'fmt'@'%'");
            statement.execute("GRANT SYSTEM_VARIABLES_ADMIN ON *.* TO 'fmt'@'%' WITH GRANT OPTION");
            statement.execute("GRANT SELECT, UPDATE ON shop.* TO 'fmt'@'%'");
            statement.execute("GRANT ALL PRIVILEGES ON secret.* TO 'fmt'@'%'");
            statement.execute("GRANT DELETE ON shop.items TO 'fmt'@'%' WITH GRANT OPTION");
            assertThat(grants(statement, "SHOW GRANTS FOR 'fmt'@'%'")).containsExactly(
                    "GRANT SELECT, INSERT, CREATE USER ON *.* TO `fmt`@`%` WITH GRANT OPTION",
                    "GRANT BACKUP_ADMIN,CLONE_ADMIN ON *.* TO `fmt`@`%`",
                    "GRANT SYSTEM_VARIABLES_ADMIN ON *.* TO `fmt`@`%` WITH GRANT OPTION",
                    "GRANT ALL PRIVILEGES ON `secret`.* TO `fmt`@`%`",
                    "GRANT SELECT, UPDATE ON `shop`.* TO `fmt`@`%`",
                    "GRANT DELETE ON `shop`.`items` TO `fmt`@`%` WITH GRANT OPTION");

            statement.execute("REVOKE INSERT, GRANT OPTION ON *.* FROM 'fmt'@'%'");
            statement.execute("REVOKE BACKUP_ADMIN ON *.* FROM 'fmt'@'%'");
            statement.execute("REVOKE UPDATE ON shop.* FROM 'fmt'@'%'");
            statement.execute("REVOKE DELETE ON shop.items FROM 'fmt'@'%'");
            assertThat(grants(statement, "SHOW GRANTS FOR 'fmt'@'%'")).containsExactly(
                    "GRANT SELECT, CREATE USER ON *.* TO `fmt`@`%`",
                    "GRANT CLONE_ADMIN,SYSTEM_VARIABLES_ADMIN ON *.* TO `fmt`@`%`",
                    "GRANT ALL PRIVILEGES ON `secret`.* TO `fmt`@`%`",
                    "GRANT SELECT ON `shop`.* TO `fmt`@`%`",
                    "GRANT USAGE ON `shop`.`items` TO `fmt`@`%` WITH GRANT OPTION");
            assertThat(grants(statement, "SELECT Db FROM mysql.db WHERE User = 'fmt'"
                    + " ORDER BY Db")).containsExactly("secret", "shop");

            statement.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'fmt'@'%'");
            assertThat(grants(statement, "SHOW GRANTS FOR 'fmt'@'%'")).containsExactly("GRANT USAGE ON *.* TO `fmt`@`%`");
        }
    }

    @Test
    void grantAndRevokeErrorsAsMySql() throws Exception {
        createUser("errs");
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            assertError(statement, "GRANT SELECT ON *.* TO 'nobody'@'%'", 1410, "42000",
                    "You are not allowed to create a user with GRANT");
            assertError(statement, "REVOKE SELECT ON shop.* FROM 'errs'@'%'", 1141, "42000",
                    "There is no such grant defined for user 'errs' on host '%'");
            assertError(statement, "REVOKE SELECT ON shop.items FROM 'errs'@'%'", 1147, "42000",
                    "There is no such grant defined for user 'errs' on host '%' on table 'items'");
            assertError(statement, "REVOKE SELECT ON *.* FROM 'nobody'@'%'", 1141, "42000",
                    "There is no such grant defined for user 'nobody' on host '%'");
            assertError(statement, "SHOW GRANTS FOR 'nobody'@'%'", 1141, "42000",
                    "There is no such grant defined for user 'nobody' on host '%'");
            assertError(statement, "GRANT BACKUP_ADMIN ON shop.* TO 'errs'@'%'", 3619, "HY000",
                    "Illegal privilege level specified for BACKUP_ADMIN");
            assertError(statement, "GRANT SUPER ON shop.* TO 'errs'@'%'", 1221, "HY000",
                    "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES");
            assertError(statement, "GRANT EXECUTE ON shop.items TO 'errs'@'%'", 1144, "42000",
                    "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used");
            statement.execute("GRANT SELECT ON shop.* TO 'errs'@'%'");
        }
        try (Connection errs = connect("errs", "shop"); Statement statement = errs.createStatement()) {
            String host = host(errs);
            assertError(statement, "GRANT SELECT ON *.* TO 'errs'@'%'", 1045, "28000",
                    "Access denied for user 'errs'@'" + host + "' (using password: YES)");
            assertError(statement, "GRANT SELECT ON shop.* TO 'errs'@'%'", 1044, "42000",
                    "Access denied for user 'errs'@'" + host + "' to database 'shop'");
            assertError(statement, "GRANT BACKUP_ADMIN ON *.* TO 'errs'@'%'", 1227, "42000",
                    "Access denied; you need (at least one of) the GRANT OPTION privilege(s) for this operation");
            assertError(statement, "SHOW GRANTS FOR root@localhost", 1044, "42000",
                    "Access denied for user 'errs'@'" + host + "' to database 'mysql'");
            assertThat(grants(statement, "SHOW GRANTS")).containsExactly("GRANT USAGE ON *.* TO `errs`@`%`",
                    "GRANT SELECT ON `shop`.* TO `errs`@`%`");
            assertThat(grants(statement, "SHOW GRANTS FOR CURRENT_USER()")).hasSize(2);
        }
    }

    @Test
    void grantorNeedsGrantOptionAndThePrivilegesAtTheLevel() throws Exception {
        createUser("delegate");
        createUser("helper");
        root("GRANT SELECT, INSERT ON shop.* TO 'delegate'@'%' WITH GRANT OPTION");
        try (Connection delegate = connect("delegate", "shop"); Statement statement = delegate.createStatement()) {
            String host = host(delegate);
            statement.execute("GRANT SELECT ON shop.* TO 'helper'@'%'");
            statement.execute("GRANT INSERT ON shop.items TO 'helper'@'%'");
            assertError(statement, "GRANT UPDATE ON shop.* TO 'helper'@'%'", 1044, "42000",
                    "Access denied for user 'delegate'@'" + host + "' to database 'shop'");
            assertError(statement, "GRANT SELECT ON secret.* TO 'helper'@'%'", 1044, "42000",
                    "Access denied for user 'delegate'@'" + host + "' to database 'secret'");
            assertError(statement, "GRANT DELETE ON shop.items TO 'helper'@'%'", 1142, "42000",
                    "DELETE command denied to user 'delegate'@'" + host + "' for table 'items'");
            statement.execute("REVOKE SELECT ON shop.* FROM 'helper'@'%'");
        }
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            assertThat(grants(statement, "SHOW GRANTS FOR helper")).containsExactly("GRANT USAGE ON *.* TO `helper`@`%`",
                    "GRANT INSERT ON `shop`.`items` TO `helper`@`%`");
        }
    }

    @Test
    void grantsSurviveARestart() throws Exception {
        createUser("durable");
        root("GRANT SELECT ON shop.* TO 'durable'@'%'", "GRANT UPDATE ON shop.items TO 'durable'@'%'",
                "GRANT BACKUP_ADMIN ON *.* TO 'durable'@'%' WITH GRANT OPTION");
        server.stop();
        server.launch();
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            assertThat(grants(statement, "SHOW GRANTS FOR durable")).containsExactly(
                    "GRANT USAGE ON *.* TO `durable`@`%` WITH GRANT OPTION",
                    "GRANT BACKUP_ADMIN ON *.* TO `durable`@`%` WITH GRANT OPTION",
                    "GRANT SELECT ON `shop`.* TO `durable`@`%`",
                    "GRANT UPDATE ON `shop`.`items` TO `durable`@`%`");
        }
        try (Connection durable = connect("durable", "shop"); Statement statement = durable.createStatement()) {
            statement.execute("UPDATE items SET id = id WHERE id = 1");
        }
    }

    @Test
    void databaseLevelUserIsKeptToItsDatabase() throws Exception {
        createUser("shopper");
        root("GRANT SELECT, INSERT ON shop.* TO 'shopper'@'%'");
        try (Connection shopper = connect("shopper", "shop"); Statement statement = shopper.createStatement()) {
            String host = host(shopper);
            assertThat(grants(statement, "SELECT id FROM items")).containsExactly("1");
            statement.execute("INSERT INTO shop.items VALUES (2)");
            assertError(statement, "UPDATE items SET id = 3 WHERE id = 2", 1142, "42000",
                    "UPDATE command denied to user 'shopper'@'" + host + "' for table 'items'");
            assertError(statement, "DELETE FROM items", 1142, "42000",
                    "DELETE command denied to user 'shopper'@'" + host + "' for table 'items'");
            assertError(statement, "SELECT * FROM secret.codes", 1142, "42000",
                    "SELECT command denied to user 'shopper'@'" + host + "' for table 'codes'");
            assertError(statement, "SELECT * FROM mysql.user", 1142, "42000",
                    "SELECT command denied to user 'shopper'@'" + host + "' for table 'user'");
            assertError(statement, "SELECT * FROM mysql.db", 1142, "42000",
                    "SELECT command denied to user 'shopper'@'" + host + "' for table 'db'");
            assertError(statement, "USE secret", 1044, "42000",
                    "Access denied for user 'shopper'@'" + host + "' to database 'secret'");
            assertError(statement, "USE nosuchdb", 1044, "42000",
                    "Access denied for user 'shopper'@'" + host + "' to database 'nosuchdb'");
            assertError(statement, "SHOW TABLES FROM secret", 1044, "42000",
                    "Access denied for user 'shopper'@'" + host + "' to database 'secret'");
            statement.execute("USE shop");
            assertThat(grants(statement, "SHOW DATABASES")).containsExactlyInAnyOrder("information_schema",
                    "performance_schema", "shop");
        }
        SQLException atConnect = catchThrowableOfType(SQLException.class, () -> connect("shopper", "secret").close());
        assertThat(atConnect.getErrorCode()).isEqualTo(1044);
        assertThat(atConnect.getMessage()).startsWith("Access denied for user 'shopper'@'").endsWith("' to database 'secret'");

        root("GRANT SELECT ON mysql.tables_priv TO 'shopper'@'%'");
        try (Connection shopper = connect("shopper", "shop"); Statement statement = shopper.createStatement()) {
            assertThat(grants(statement, "SHOW TABLES FROM mysql")).containsExactly("tables_priv");
            assertThat(grants(statement, "SHOW DATABASES")).containsExactlyInAnyOrder("information_schema", "mysql",
                    "performance_schema", "shop");
            assertThat(grants(statement, "SELECT CONCAT(User, '|', Db, '|', Table_name, '|', Table_priv)"
                    + " FROM mysql.tables_priv WHERE User = 'shopper'"))
                    .containsExactly("shopper|mysql|tables_priv|Select");
        }
    }

    @Test
    void dynamicPrivilegesAllowSetGlobalAndKill() throws Exception {
        createUser("admin");
        createUser("victim");
        try (Connection admin = connect("admin", ""); Statement statement = admin.createStatement()) {
            assertError(statement, "SET GLOBAL max_connections = 200", 1227, "42000",
                    "Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for this"
                            + " operation");
        }
        root("GRANT SYSTEM_VARIABLES_ADMIN, CONNECTION_ADMIN ON *.* TO 'admin'@'%'");
        try (Connection admin = connect("admin", ""); Connection victim = connect("victim", "");
             Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL max_connections = 200");
            long id;
            try (Statement other = victim.createStatement(); ResultSet rows = other.executeQuery("SELECT CONNECTION_ID()")) {
                rows.next();
                id = rows.getLong(1);
            }
            statement.execute("KILL " + id);
            assertThat(victim.isValid(2)).isFalse();
        } finally {
            root("SET GLOBAL max_connections = 151");
        }
    }

    @Test
    void tableLevelInsertOnMysqlPluginAllowsInstallPlugin() throws Exception {
        createUser("installer");
        try (Connection installer = connect("installer", ""); Statement statement = installer.createStatement()) {
            assertError(statement, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'", 1142, "42000",
                    "INSERT command denied to user 'installer'@'" + host(installer) + "' for table 'plugin'");
        }
        root("GRANT INSERT ON mysql.plugin TO 'installer'@'%'");
        try (Connection installer = connect("installer", ""); Statement statement = installer.createStatement()) {
            statement.execute("INSTALL PLUGIN clone SONAME 'mysql_clone.so'");
            assertError(statement, "UNINSTALL PLUGIN clone", 1142, "42000",
                    "DELETE command denied to user 'installer'@'" + host(installer) + "' for table 'plugin'");
        }
        root("UNINSTALL PLUGIN clone");
    }

    @Test
    void everyTableOfAStatementIsChecked() throws Exception {
        createUser("joiner");
        root("CREATE TABLE shop.stock (id INT, qty INT)", "INSERT INTO shop.stock VALUES (1, 5)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'joiner'@'%'");
        try (Connection joiner = connect("joiner", "shop"); Statement statement = joiner.createStatement()) {
            String denied = "SELECT command denied to user 'joiner'@'" + host(joiner) + "' for table 'codes'";
            for (String sql : List.of(
                    "SELECT * FROM items JOIN secret.codes ON items.id = codes.id",
                    "SELECT * FROM items, stock, secret.codes",
                    "SELECT * FROM items WHERE id IN (SELECT id FROM secret.codes)",
                    "SELECT (SELECT COUNT(*) FROM secret.codes) FROM items",
                    "SELECT * FROM (SELECT id FROM secret.codes) AS c",
                    "WITH c AS (SELECT id FROM secret.codes) SELECT * FROM c",
                    "SELECT id FROM items UNION SELECT id FROM secret.codes",
                    "INSERT INTO items SELECT id + 100 FROM secret.codes",
                    "UPDATE items JOIN secret.codes c ON items.id = c.id SET items.id = c.id",
                    "UPDATE stock SET qty = (SELECT COUNT(*) FROM secret.codes)",
                    "DELETE items FROM items JOIN secret.codes c ON items.id = c.id",
                    "DELETE FROM items WHERE id IN (SELECT id FROM secret.codes)")) {
                assertError(statement, sql, 1142, "42000", denied);
            }
            assertError(statement, "UPDATE items, secret.codes SET codes.id = 2 WHERE codes.id = items.id", 1142,
                    "42000", "UPDATE command denied to user 'joiner'@'" + host(joiner) + "' for table 'codes'");
            assertThat(grants(statement, "SELECT qty FROM stock JOIN items ON stock.id = items.id"
                    + " WHERE EXTRACT(YEAR FROM NOW()) > 2000")).containsExactly("5");
            statement.execute("UPDATE stock SET qty = qty + (SELECT COUNT(*) FROM items WHERE id = 1)");
        }
        // without the fall-back to client-side statements, a failed COM_STMT_PREPARE reaches the test
        String options = "sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true"
                + "&emulateUnsupportedPstmts=false";
        try (Connection joiner = DriverManager.getConnection(server.url("mysql", options).replace("/?", "/shop?"),
                "joiner", "pw-joiner")) {
            SQLException error = catchThrowableOfType(SQLException.class, () -> joiner.prepareStatement(
                    "SELECT * FROM items WHERE id IN (SELECT id FROM secret.codes WHERE id = ?)"));
            assertThat(error.getErrorCode()).isEqualTo(1142);
            assertThat(error.getMessage()).isEqualTo("SELECT command denied to user 'joiner'@'" + host(joiner)
                    + "' for table 'codes'");
        }
        root("GRANT SELECT ON secret.codes TO 'joiner'@'%'");
        try (Connection joiner = connect("joiner", "shop"); Statement statement = joiner.createStatement()) {
            assertThat(grants(statement, "SELECT COUNT(*) FROM items JOIN secret.codes")).containsExactly("0");
            assertError(statement, "DELETE secret.codes FROM secret.codes JOIN items", 1142, "42000",
                    "DELETE command denied to user 'joiner'@'" + host(joiner) + "' for table 'codes'");
        }
    }

    @Test
    void ddlNeedsItsPrivilegeOnTheTableOrDatabase() throws Exception {
        createUser("builder");
        root("CREATE DATABASE build", "CREATE TABLE build.parts (id INT)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON build.* TO 'builder'@'%'");
        try (Connection builder = connect("builder", "build"); Statement statement = builder.createStatement()) {
            String to = " command denied to user 'builder'@'" + host(builder) + "' for table ";
            assertError(statement, "CREATE TABLE fresh (id INT)", 1142, "42000", "CREATE" + to + "'fresh'");
            assertError(statement, "CREATE TABLE copy AS SELECT * FROM parts", 1142, "42000", "CREATE" + to + "'copy'");
            assertError(statement, "CREATE TABLE copy LIKE parts", 1142, "42000", "CREATE" + to + "'copy'");
            assertError(statement, "DROP TABLE parts", 1142, "42000", "DROP" + to + "'parts'");
            assertError(statement, "TRUNCATE TABLE parts", 1142, "42000", "DROP" + to + "'parts'");
            assertError(statement, "ALTER TABLE parts ADD COLUMN name VARCHAR(10)", 1142, "42000", "ALTER" + to + "'parts'");
            assertError(statement, "CREATE INDEX by_id ON parts (id)", 1142, "42000", "INDEX" + to + "'parts'");
            assertError(statement, "RENAME TABLE parts TO pieces", 1142, "42000", "DROP, ALTER" + to + "'parts'");
            String db = "Access denied for user 'builder'@'" + host(builder) + "' to database ";
            assertError(statement, "CREATE DATABASE builder_db", 1044, "42000", db + "'builder_db'");
            assertError(statement, "CREATE DATABASE shop", 1044, "42000", db + "'shop'");
            assertError(statement, "DROP DATABASE build", 1044, "42000", db + "'build'");
            assertError(statement, "DROP DATABASE IF EXISTS nothing_here", 1044, "42000", db + "'nothing_here'");
        }
        root("GRANT CREATE, DROP, ALTER, INDEX ON build.* TO 'builder'@'%'");
        try (Connection builder = connect("builder", "build"); Statement statement = builder.createStatement()) {
            String to = " command denied to user 'builder'@'" + host(builder) + "' for table ";
            statement.execute("CREATE TABLE copy AS SELECT * FROM parts");
            statement.execute("ALTER TABLE copy ADD COLUMN name VARCHAR(10)");
            statement.execute("CREATE INDEX by_id ON copy (id)");
            statement.execute("TRUNCATE TABLE copy");
            statement.execute("ALTER TABLE copy RENAME TO pieces");
            statement.execute("DROP TABLE pieces");
            assertError(statement, "CREATE TABLE stolen AS SELECT * FROM secret.codes", 1142, "42000",
                    "SELECT" + to + "'codes'");
            assertError(statement, "CREATE TABLE shop.mine (id INT)", 1142, "42000", "CREATE" + to + "'mine'");
        }
    }

    @Test
    void aDenialThroughTheMysqlCliAndMariaDbConnector() throws Exception {
        createUser("cli");
        root("GRANT SELECT ON shop.* TO 'cli'@'%'");
        MysqlCli.Result result = MysqlCli.run(null, "-S", server.socket().toString(), "-ucli", "-ppw-cli", "shop",
                "-e", "SELECT * FROM items JOIN secret.codes");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("ERROR 1142 (42000) at line 1: SELECT command denied to user 'cli'@'");
        assertThat(result.stderr()).contains("' for table 'codes'");
        try (Connection cli = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port()
                + "/shop?allowPublicKeyRetrieval=true", "cli", "pw-cli"); Statement statement = cli.createStatement()) {
            assertError(statement, "DELETE FROM items WHERE id IN (SELECT id FROM secret.codes)", 1142, "42000",
                    "DELETE command denied to user 'cli'@'" + host(cli) + "' for table 'items'");
        }
    }

    @Test
    void grantsAndRevokesApplyToOpenSessionsAtTheirNextStatement() throws Exception {
        createUser("live");
        try (Connection live = connect("live", ""); Statement statement = live.createStatement()) {
            String denied = "SELECT command denied to user 'live'@'" + host(live) + "' for table 'items'";
            assertError(statement, "SELECT * FROM shop.items", 1142, "42000", denied);
            root("GRANT SELECT ON shop.items TO 'live'@'%'");
            assertThat(grants(statement, "SELECT COUNT(*) FROM shop.items WHERE id = 1")).containsExactly("1");
            root("REVOKE SELECT ON shop.items FROM 'live'@'%'");
            assertError(statement, "SELECT * FROM shop.items", 1142, "42000", denied);
            root("GRANT SYSTEM_VARIABLES_ADMIN ON *.* TO 'live'@'%'");
            statement.execute("SET GLOBAL max_connections = 151");
        }
    }

    @Test
    void administrativeStatementsNeedTheirPrivileges() throws Exception {
        createUser("clerk");
        createUser("watcher");
        try (Connection clerk = connect("clerk", ""); Statement statement = clerk.createStatement()) {
            assertError(statement, "SHUTDOWN", 1227, "42000",
                    "Access denied; you need (at least one of) the SHUTDOWN privilege(s) for this operation");
            String createUser = "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation";
            assertError(statement, "CREATE USER 'sneaky'@'%'", 1227, "42000", createUser);
            assertError(statement, "DROP USER 'watcher'@'%'", 1227, "42000", createUser);
            assertError(statement, "RENAME USER 'watcher'@'%' TO 'watched'@'%'", 1227, "42000", createUser);
            assertError(statement, "ALTER USER 'watcher'@'%' ACCOUNT LOCK", 1227, "42000", createUser);
            assertError(statement, "FLUSH PRIVILEGES", 1227, "42000",
                    "Access denied; you need (at least one of) the RELOAD privilege(s) for this operation");
            assertError(statement, "SET GLOBAL max_connections = 10", 1227, "42000",
                    "Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for"
                            + " this operation");
        }
        try (Connection clerk = connect("clerk", ""); Connection watcher = connect("watcher", "");
             Connection root = connectRoot(); Statement statement = clerk.createStatement()) {
            long watcherId = connectionId(watcher);
            assertError(statement, "KILL " + watcherId, 1095, "HY000", "You are not owner of thread " + watcherId);
            assertError(statement, "KILL QUERY " + connectionId(root), 1095, "HY000",
                    "You are not owner of thread " + connectionId(root));
            try (ResultSet rows = statement.executeQuery("SHOW PROCESSLIST")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(rows.getString("User"));
                }
                assertThat(seen).containsOnly("clerk");
            }
            try (Connection second = connect("clerk", "")) {
                statement.execute("KILL " + connectionId(second));
                assertThat(second.isValid(2)).isFalse();
            }
        }
        root("GRANT PROCESS, RELOAD ON *.* TO 'clerk'@'%'", "GRANT INSERT, DELETE ON mysql.* TO 'clerk'@'%'");
        try (Connection clerk = connect("clerk", ""); Connection watcher = connect("watcher", "");
             Statement statement = clerk.createStatement()) {
            List<String> seen = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW PROCESSLIST")) {
                while (rows.next()) {
                    seen.add(rows.getString("User"));
                }
            }
            assertThat(seen).contains("clerk", "watcher");
            statement.execute("FLUSH PRIVILEGES");
            // MySQL lets INSERT / DELETE on the mysql schema stand in for CREATE USER
            statement.execute("CREATE USER 'temp'@'%'");
            statement.execute("DROP USER 'temp'@'%'");
            assertError(statement, "RENAME USER 'watcher'@'%' TO 'watched'@'%'", 1227, "42000",
                    "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation");
        }
    }

    @Test
    void renameUserMovesTheAccountAndItsGrants() throws Exception {
        createUser("before");
        root("GRANT SELECT ON shop.* TO 'before'@'%'", "GRANT BACKUP_ADMIN ON *.* TO 'before'@'%'",
                "RENAME USER 'before'@'%' TO 'after'@'%'");
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            assertThat(grants(statement, "SHOW GRANTS FOR 'after'@'%'")).containsExactly(
                    "GRANT USAGE ON *.* TO `after`@`%`", "GRANT BACKUP_ADMIN ON *.* TO `after`@`%`",
                    "GRANT SELECT ON `shop`.* TO `after`@`%`");
            assertError(statement, "RENAME USER 'before'@'%' TO 'again'@'%'", 1396, "HY000",
                    "Operation RENAME USER failed for 'before'@'%'");
        }
        try (Connection after = DriverManager.getConnection(server.url("mysql",
                "sslMode=DISABLED&allowPublicKeyRetrieval=true").replace("/?", "/shop?"), "after", "pw-before");
             Statement statement = after.createStatement()) {
            assertThat(grants(statement, "SELECT id FROM items WHERE id = 1")).containsExactly("1");
        }
    }

    @Test
    void accountStatementsNameSeveralAccountsAndChangeAllOrNone() throws Exception {
        try (Connection root = connectRoot(); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'many1'@'%' IDENTIFIED BY 'one', 'many2'@'localhost' IDENTIFIED BY 'two'"
                    + " WITH MAX_QUERIES_PER_HOUR 7");
            assertThat(grants(statement, "SELECT CONCAT(user, '@', host, ' ', max_questions) FROM mysql.user"
                    + " WHERE user LIKE 'many%' ORDER BY user")).containsExactly("many1@% 7", "many2@localhost 7");
            assertError(statement, "CREATE USER 'many3'@'%', 'many1'@'%', 'many2'@'localhost'", 1396, "HY000",
                    "Operation CREATE USER failed for 'many1'@'%','many2'@'localhost'");
            assertThat(grants(statement, "SELECT COUNT(*) FROM mysql.user WHERE user = 'many3'")).containsExactly("0");
            statement.execute("ALTER USER 'many1'@'%', 'many2'@'localhost' ACCOUNT LOCK");
            assertThat(grants(statement, "SELECT GROUP_CONCAT(account_locked) FROM mysql.user WHERE user LIKE 'many%'"))
                    .containsExactly("Y,Y");
            assertError(statement, "ALTER USER 'many1'@'%', 'none1'@'%' ACCOUNT UNLOCK", 1396, "HY000",
                    "Operation ALTER USER failed for 'none1'@'%'");
            assertThat(grants(statement, "SELECT account_locked FROM mysql.user WHERE user = 'many1'"))
                    .containsExactly("Y");
            assertError(statement, "DROP USER 'many1'@'%', 'none1'@'%', 'none2'@'%'", 1396, "HY000",
                    "Operation DROP USER failed for 'none1'@'%','none2'@'%'");
            assertThat(grants(statement, "SELECT COUNT(*) FROM mysql.user WHERE user = 'many1'")).containsExactly("1");
            // one after the other: many2 takes many1's old name in the same statement
            statement.execute("RENAME USER 'many1'@'%' TO 'many9'@'%', 'many2'@'localhost' TO 'many1'@'%'");
            assertError(statement, "RENAME USER 'many9'@'%' TO 'many8'@'%', 'many1'@'%' TO 'many8'@'%'", 1396,
                    "HY000", "Operation RENAME USER failed for 'many1'@'%'");
            assertThat(grants(statement, "SELECT GROUP_CONCAT(user ORDER BY user) FROM mysql.user"
                    + " WHERE user LIKE 'many%'")).containsExactly("many1,many9");
            statement.execute("DROP USER 'many1'@'%', 'many9'@'%'");
        }
    }

    @Test
    void directChangesToTheGrantTablesApplyAfterFlushPrivileges() throws Exception {
        createUser("direct");
        root("GRANT INSERT ON shop.* TO 'direct'@'%'",
                "UPDATE mysql.db SET Select_priv = 'Y' WHERE `User` = 'direct' AND Db = 'shop'");
        try (Connection direct = connect("direct", ""); Statement statement = direct.createStatement()) {
            assertError(statement, "SELECT * FROM shop.items", 1142, "42000",
                    "SELECT command denied to user 'direct'@'" + host(direct) + "' for table 'items'");
            root("FLUSH PRIVILEGES");
            assertThat(grants(statement, "SELECT id FROM shop.items WHERE id = 1")).containsExactly("1");
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
