package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mariadb-dump} of a database with several column types, keys and rows, reloaded through the {@code mysql}
 * CLI into another database: every table's SHOW CREATE TABLE and every row must be equal.
 */
class DumpReloadIT {
    private static final List<String> TABLES = List.of("addresses", "customers", "orders", "order_lines", "notes",
            "events", "regions");

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = connect(""); Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE shop");
            statement.execute("USE shop");
            statement.execute("CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT, email VARCHAR(80) NOT NULL,"
                    + " name VARCHAR(40) DEFAULT NULL, vip TINYINT(1) NOT NULL DEFAULT 0, level TINYINT UNSIGNED,"
                    + " joined DATE, PRIMARY KEY (id), UNIQUE KEY email_uk (email), KEY name_ix (name))"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            statement.execute("CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
                    + " customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL DEFAULT 0.00,"
                    + " status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new', placed DATETIME(6) NOT NULL,"
                    + " changed TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                    + " PRIMARY KEY (id), KEY customer_placed (customer_id, placed),"
                    + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE)"
                    + " ENGINE=InnoDB COMMENT='orders'");
            statement.execute("CREATE TABLE order_lines (order_id BIGINT UNSIGNED NOT NULL, line SMALLINT NOT NULL,"
                    + " sku CHAR(8) NOT NULL, qty INT NOT NULL, weight DOUBLE, tags SET('gift','fragile') NOT NULL DEFAULT '',"
                    + " PRIMARY KEY (order_id, line))");
            // dumped before the table it references (names sort that way): reloads with foreign_key_checks=0;
            // its name_ix shares the name of an index of customers (index names are per table); its code is
            // case-sensitive, so that 'ab' and 'AB' are two keys in the copy too
            statement.execute("CREATE TABLE addresses (id INT NOT NULL PRIMARY KEY, customer_id INT NOT NULL,"
                    + " city VARCHAR(30) NOT NULL, code VARCHAR(8) COLLATE utf8mb4_bin, KEY name_ix (city),"
                    + " UNIQUE KEY code_uk (code), FOREIGN KEY (customer_id) REFERENCES customers (id))");
            statement.execute("CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body MEDIUMTEXT, extra LONGTEXT,"
                    + " raw VARBINARY(32), doc JSON, FULLTEXT KEY words (body, extra))");
            // partitioned: the dump carries /*!50100 PARTITION BY ... */, which must load back to the same partitions
            statement.execute("CREATE TABLE events (id INT NOT NULL, at DATE NOT NULL, note VARCHAR(20),"
                    + " PRIMARY KEY (id, at)) PARTITION BY RANGE (YEAR(at)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2"
                    + " (PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025)"
                    + " COMMENT 'this year', PARTITION pmax VALUES LESS THAN MAXVALUE)");
            statement.execute("CREATE TABLE regions (code CHAR(2) NOT NULL, n INT) PARTITION BY LIST COLUMNS (code)"
                    + " (PARTITION eu VALUES IN ('de', 'fr'), PARTITION us VALUES IN ('us'))");
            statement.execute("INSERT INTO events VALUES (1, '2023-02-01', 'a'), (2, '2024-12-31', 'b'),"
                    + " (3, '2031-01-01', NULL)");
            statement.execute("INSERT INTO regions VALUES ('de', 1), ('us', 2), ('fr', NULL)");
            statement.execute("INSERT INTO customers (email, name, vip, level, joined) VALUES"
                    + " ('ann@example.com', 'Ann', 1, 3, '2020-01-31'), ('bob@example.com', NULL, 0, NULL, NULL),"
                    + " ('o''hara@example.com', 'O''Hara \"quoted\" \\\\ back', 0, 127, '1999-12-31')");
            statement.execute("INSERT INTO addresses VALUES (1, 1, 'Oslo', 'ab'), (2, 3, 'Lima', 'AB')");
            statement.execute("INSERT INTO orders (customer_id, total, status, placed) VALUES"
                    + " (1, 19.99, 'paid', '2024-02-29 10:11:12.123456'), (1, 0.00, 'new', '2024-03-01 00:00:00'),"
                    + " (3, 12345678.90, 'shipped', '2023-12-31 23:59:59.999999')");
            statement.execute("INSERT INTO order_lines VALUES (1, 1, 'SKU-0001', 2, 1.5, 'fragile,gift'),"
                    + " (1, 2, 'SKU-0002', 1, NULL, ''), (3, 1, 'SKU-0003', 100, -0.25, 'gift')");
            statement.execute("INSERT INTO notes (id, body, extra, raw) VALUES (1, 'line one\\nline two\\ttab', REPEAT('z', 5000),"
                    + " X'00FF7F10'), (2, '', NULL, X''), (3, NULL, 'ünïcödé ✓', NULL)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database
                + "?allowPublicKeyRetrieval=true&useSSL=false", "root", "");
    }

    private record Run(int exitCode, String stderr) {
    }

    private static Run mariadbDump(Path output, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-h127.0.0.1",
                "-P" + server.port(), "-uroot"));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mariadb-dump did not finish");
        }
        return new Run(process.exitValue(), stderr);
    }

    private static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
        List<List<Object>> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    Object value = rows.getObject(i);
                    row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
                }
                result.add(row);
            }
        }
        return result;
    }

    @Test
    void assertDumpReloadsIntoAnEqualDatabase() throws Exception {
        Path dump = home.resolve("shop.sql");
        // --hex-blob: statement text is decoded as UTF-8, so binary bytes written raw inside string literals (the
        // default) would not survive the reload; as hex literals they do
        Run run = mariadbDump(dump, "--hex-blob", "shop");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        // the dump holds binary column values as raw bytes: read as Latin-1 only to look for statements in it
        String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("CREATE TABLE `orders`", "LOCK TABLES `orders` WRITE", "INSERT INTO `orders` VALUES",
                "-- Dump completed");

        try (Connection root = connect(""); Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE shop_copy");
        }
        Process reload = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", "shop_copy").redirectInput(dump.toFile()).redirectOutput(home.resolve("reload.out").toFile())
                .start();
        String reloadErrors = new String(reload.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reload.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(reloadErrors).isEmpty();
        assertThat(reload.exitValue()).isZero();

        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SHOW TABLES FROM shop_copy")).extracting(r -> r.get(0))
                    .containsExactlyInAnyOrderElementsOf(TABLES);
            for (String table : TABLES) {
                List<List<Object>> original = rows(statement, "SHOW CREATE TABLE shop." + table);
                List<List<Object>> copy = rows(statement, "SHOW CREATE TABLE shop_copy." + table);
                assertThat(copy).as("SHOW CREATE TABLE " + table).isEqualTo(original);
                List<List<Object>> originalRows = rows(statement, "SELECT * FROM shop." + table + " ORDER BY 1, 2");
                assertThat(originalRows).isNotEmpty();
                assertThat(rows(statement, "SELECT * FROM shop_copy." + table + " ORDER BY 1, 2"))
                        .as("rows of " + table).isEqualTo(originalRows);
            }
            // the partitions hold the same rows, and the copy refuses a row no partition takes
            String partitions = "SELECT PARTITION_NAME, SUBPARTITION_NAME, PARTITION_DESCRIPTION, TABLE_ROWS,"
                    + " PARTITION_COMMENT FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '%s'"
                    + " AND TABLE_NAME IN ('events', 'regions') ORDER BY TABLE_NAME, 1, 2";
            List<List<Object>> originalPartitions = rows(statement, partitions.formatted("shop"));
            assertThat(originalPartitions).hasSize(8).contains(List.of("p2024", "p2024sp0", "2025", 1L, "this year"));
            assertThat(rows(statement, partitions.formatted("shop_copy"))).isEqualTo(originalPartitions);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO shop_copy.regions VALUES ('jp', 3)")).hasMessageContaining("no partition for value");
            // the deferred foreign key is in force after the reload
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO shop_copy.addresses VALUES (3, 99, 'Nowhere', NULL)")).isInstanceOf(SQLException.class);
            // the reloaded AUTO_INCREMENT continues where the original stood
            statement.execute("INSERT INTO shop_copy.customers (email) VALUES ('new@example.com')");
            assertThat(rows(statement, "SELECT MAX(id) FROM shop_copy.customers")).containsExactly(List.of(4));
        }
    }

    /**
     * A whole-server backup: --all-databases reads mysql.general_log and mysql.slow_log by name (1146 before) and
     * reloads into a new server with the same databases and accounts; the server's own column type registry is
     * not among the dumped tables.
     */
    @Test
    void anAllDatabasesDumpRestoresIntoANewServer() throws Exception {
        try (Connection root = connect(""); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS 'dumped'@'%' IDENTIFIED BY 'dumped-pw'");
            statement.execute("GRANT SELECT ON shop.* TO 'dumped'@'%'");
        }
        Path dump = home.resolve("all.sql");
        // as with MySQL, rows written into the grant tables count once FLUSH PRIVILEGES has run
        // --lock-all-tables: FLUSH TABLES WITH READ LOCK for the whole dump
        Run run = mariadbDump(dump, "--hex-blob", "--all-databases", "--flush-privileges", "--lock-all-tables");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("CREATE TABLE IF NOT EXISTS `general_log`", "CREATE TABLE IF NOT EXISTS `slow_log`",
                "INSERT INTO `user` VALUES").doesNotContain("doppel_column_types");
        try (DoppelProcess target = DoppelProcess.start(Files.createDirectories(home.resolve("target")))) {
            Process reload = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + target.port(),
                    "-uroot").redirectInput(dump.toFile()).redirectOutput(home.resolve("reload-all.out").toFile()).start();
            String reloadErrors = new String(reload.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reload.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(reloadErrors).isEmpty();
            assertThat(reload.exitValue()).isZero();
            try (Connection original = connect(""); Statement from = original.createStatement();
                    Connection copy = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + target.port()
                            + "/?allowPublicKeyRetrieval=true&useSSL=false", "dumped", "dumped-pw");
                    Statement to = copy.createStatement()) {
                for (String table : TABLES) {
                    assertThat(rows(to, "SHOW CREATE TABLE shop." + table)).as(table)
                            .isEqualTo(rows(from, "SHOW CREATE TABLE shop." + table));
                    assertThat(rows(to, "SELECT * FROM shop." + table + " ORDER BY 1, 2")).as("rows of " + table)
                            .isEqualTo(rows(from, "SELECT * FROM shop." + table + " ORDER BY 1, 2"));
                }
            }
        }
    }

    @Test
    void assertDumpOfAMissingDatabaseFailsTheMySqlWay() throws Exception {
        Run run = mariadbDump(home.resolve("none.sql"), "no_such_db");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("1049").contains("Unknown database 'no_such_db'");
    }
}
