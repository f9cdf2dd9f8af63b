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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MySQL Connector/J against a real server process: default URL (TLS + caching_sha2_password) and plain. */
class ConnectorJIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home, "--mysql-native-password=ON");
        try (Connection root = connect("root", "", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'app'@'%' IDENTIFIED BY 's3cret'");
            statement.execute("CREATE USER 'legacy'@'%' IDENTIFIED WITH mysql_native_password BY 'old'");
            statement.execute("CREATE DATABASE shop");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect(String user, String password, String options) throws SQLException {
        return connect(user, password, "", options);
    }

    static Connection connect(String user, String password, String database, String options) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database
                + (options.isEmpty() ? "" : "?" + options), properties);
    }

    @Test
    void assertDefaultUrlUsesTlsAndCachingSha2FullAuthentication() throws Exception {
        try (Connection connection = connect("app", "s3cret", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER(), USER(), @@version, VERSION()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("app@%");
            assertThat(rows.getString(2)).isEqualTo("app@localhost");
            assertThat(rows.getString(3)).startsWith("8.4.").endsWith("-doppel");
            assertThat(rows.getString(4)).isEqualTo(rows.getString(3));
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("8.4.");
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(8);
        }
        try (Connection connection = connect("app", "s3cret", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW STATUS LIKE 'Ssl_cipher'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isNotEmpty();
        }
    }

    @Test
    void assertUnsignedColumnsMapToJavaTypesAsAgainstMySql() throws Exception {
        try (Connection root = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE TABLE unsigned_values (t TINYINT UNSIGNED, s SMALLINT UNSIGNED,"
                    + " m MEDIUMINT UNSIGNED, i INT UNSIGNED, b BIGINT UNSIGNED)");
            statement.execute("INSERT INTO unsigned_values VALUES (255, 65535, 16777215, 4294967295,"
                    + " 18446744073709551615)");
        }
        for (String options : new String[] {"", "&useServerPrepStmts=true"}) {
            try (Connection connection = connect("root", "", "shop",
                    "sslMode=DISABLED&allowPublicKeyRetrieval=true" + options);
                 var select = connection.prepareStatement("SELECT t, s, m, i, b FROM unsigned_values");
                 ResultSet rows = select.executeQuery()) {
                var meta = rows.getMetaData();
                assertThat(meta.getColumnTypeName(1)).isEqualTo("TINYINT UNSIGNED");
                assertThat(meta.getColumnTypeName(4)).isEqualTo("INT UNSIGNED");
                assertThat(meta.getColumnTypeName(5)).isEqualTo("BIGINT UNSIGNED");
                assertThat(meta.getPrecision(1)).isEqualTo(3);
                assertThat(meta.getPrecision(4)).isEqualTo(10);
                assertThat(meta.getPrecision(5)).isEqualTo(20);
                assertThat(meta.isSigned(4)).isFalse();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject(1)).isEqualTo(255);
                assertThat(rows.getObject(2)).isEqualTo(65535);
                assertThat(rows.getObject(3)).isEqualTo(16777215);
                assertThat(rows.getObject(4)).isEqualTo(4294967295L);
                assertThat(rows.getObject(5)).isEqualTo(new java.math.BigInteger("18446744073709551615"));
            }
        }
    }

    @Test
    void assertRsaKeyExchangeWithoutTls() throws Exception {
        try (Connection root = connect("root", "", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'rsa'@'%' IDENTIFIED BY 'pw-rsa'");
        }
        for (int i = 0; i < 2; i++) {
            try (Connection connection = connect("rsa", "pw-rsa", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("rsa@%");
            }
        }
    }

    @Test
    void assertPublicKeyRetrievalRefusedByDriverWithoutPermission() {
        assertThatThrownBy(() -> connect("app", "wrong-but-uncached", "sslMode=DISABLED").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void assertNativePasswordAccountThroughAuthSwitch() throws Exception {
        try (Connection connection = connect("legacy", "old", "sslMode=DISABLED");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("legacy@%");
        }
    }

    @Test
    void assertWrongPasswordGives1045() {
        assertThatThrownBy(() -> connect("app", "nope", "").close()).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(1045);
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).isEqualTo("Access denied for user 'app'@'localhost' (using password: YES)");
        });
        assertThatThrownBy(() -> connect("nobody", "", "sslMode=DISABLED").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Access denied for user 'nobody'@'localhost' (using password: NO)"));
    }

    @Test
    void assertDatabaseInUrl() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("shop");
            assertThat(connection.getCatalog()).isEqualTo("shop");
        }
        assertThatThrownBy(() -> connect("root", "", "nowhere", "sslMode=DISABLED").close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1049);
                    assertThat(e.getMessage()).isEqualTo("Unknown database 'nowhere'");
                });
    }

    @Test
    void assertSessionVariablesAndSet() throws Exception {
        try (Connection connection = connect("root", "", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = 'ANSI_QUOTES', @x = 41 + 1");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT @@sql_mode, @@session.autocommit, @@global.max_connections, @x, CONNECTION_ID() > 0")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("ANSI_QUOTES");
                assertThat(rows.getLong(2)).isEqualTo(1);
                assertThat(rows.getLong(3)).isEqualTo(151);
                assertThat(rows.getLong(4)).isEqualTo(42);
                assertThat(rows.getBoolean(5)).isTrue();
            }
            connection.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery("SELECT @@autocommit")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (ResultSet rows = statement.executeQuery("SELECT @@transaction_isolation")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("READ-COMMITTED");
            }
            assertThatThrownBy(() -> statement.execute("SET @@nonexistent_variable = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1193);
                        assertThat(e.getMessage()).isEqualTo("Unknown system variable 'nonexistent_variable'");
                    });
            assertThatThrownBy(() -> statement.execute("SET autocommit = 'maybe'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1231);
                        assertThat(e.getMessage()).isEqualTo("Variable 'autocommit' can't be set to the value of 'maybe'");
                    });
            try (ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE 'max_allowed_packet'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("max_allowed_packet");
                assertThat(rows.getLong(2)).isEqualTo(67108864);
            }
            try (ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name = 'Uptime'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(2)).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void assertSyntaxErrorGives1064() throws Exception {
        try (Connection connection = connect("root", "", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1064);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).startsWith("You have an error in your SQL syntax;");
                    });
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void assertTablesAndRows() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20))");
            assertThat(statement.executeUpdate("INSERT INTO item (name) VALUES ('it''s'), ('b\\\\c')")).isEqualTo(2);
            try (ResultSet rows = statement.executeQuery("SELECT id, name FROM item ORDER BY id")) {
                rows.next();
                assertThat(rows.getInt("id")).isEqualTo(1);
                assertThat(rows.getString("name")).isEqualTo("it's");
                rows.next();
                assertThat(rows.getString("name")).isEqualTo("b\\c");
            }
        }
    }

    @Test
    void assertMultiStatementsWhenAllowed() throws Exception {
        try (Connection connection = connect("root", "", "sslMode=DISABLED&allowPublicKeyRetrieval=true&allowMultiQueries=true");
             Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1; SELECT 2, 3")).isTrue();
            try (ResultSet first = statement.getResultSet()) {
                first.next();
                assertThat(first.getInt(1)).isEqualTo(1);
            }
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet second = statement.getResultSet()) {
                second.next();
                assertThat(second.getInt(2)).isEqualTo(3);
            }
            assertThat(statement.getMoreResults()).isFalse();

            // a SELECT of one shape after another statement (its literal becomes an engine parameter)
            statement.execute("CREATE DATABASE multi; CREATE TABLE multi.t (id INT PRIMARY KEY, v VARCHAR(5));"
                    + " INSERT INTO multi.t VALUES (1, 'one'), (2, 'two')");
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                // drains the results of the three statements
            }
            for (int id = 1; id <= 2; id++) {
                assertThat(statement.execute("SELECT 0; SELECT v FROM multi.t WHERE id = " + id)).isTrue();
                assertThat(statement.getMoreResults()).isTrue();
                try (ResultSet rows = statement.getResultSet()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(id == 1 ? "one" : "two");
                }
            }
            statement.execute("DROP DATABASE multi");
        }
    }

    @Test
    void assertLargeValuesAcrossThePacketBoundary() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement()) {
            int size = (1 << 24) + 1000;
            try (ResultSet rows = statement.executeQuery("SELECT REPEAT('x', " + size + ") AS big")) {
                rows.next();
                assertThat(rows.getString(1)).hasSize(size);
            }
            String literal = "y".repeat((1 << 24) + 10);
            try (ResultSet rows = statement.executeQuery("SELECT LENGTH('" + literal + "')")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(literal.length());
            }
        }
    }

    /** A parameter standing alone in the select list (1105 "Unknown data type" at PREPARE before). */
    @Test
    void aLoneParameterIsTypedByItsValue() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&useServerPrepStmts=true&cachePrepStmts=false&emulateUnsupportedPstmts=false");
                java.sql.PreparedStatement select = connection.prepareStatement("SELECT ?, ? + 1")) {
            assertThat(select.getClass().getSimpleName()).isEqualTo("ServerPreparedStatement");
            select.setString(1, "it's");
            select.setInt(2, 41);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("it's");
                assertThat(rows.getLong(2)).isEqualTo(42);
            }
            select.setNull(1, java.sql.Types.VARCHAR);
            select.setInt(2, 1);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isNull();
            }
        }
    }

    /** WITH ROLLUP repeats its query per level, and so its parameters: each execution runs with its values in place. */
    @Test
    void aRollupWithParametersIsServerPrepared() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&useServerPrepStmts=true&cachePrepStmts=false&emulateUnsupportedPstmts=false");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rolled (g INT, v INT)");
            statement.execute("INSERT INTO rolled VALUES (1, 10), (1, 20), (2, 5)");
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT g, SUM(v) FROM rolled WHERE v > ? GROUP BY g WITH ROLLUP")) {
                assertThat(select.getClass().getSimpleName()).isEqualTo("ServerPreparedStatement");
                for (int floor : new int[] {0, 7}) {
                    select.setInt(1, floor);
                    List<String> rows = new ArrayList<>();
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1) + ":" + result.getLong(2));
                        }
                    }
                    assertThat(rows).containsExactlyElementsOf(floor == 0 ? List.of("1:30", "2:5", "null:35")
                            : List.of("1:30", "null:30"));
                }
            }
        }
    }

    @Test
    void assertServerPreparedStatements() throws Exception {
        try (Connection connection = connect("root", "", "shop", "sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&useServerPrepStmts=true&cachePrepStmts=false");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ps (id BIGINT PRIMARY KEY, d DOUBLE, s VARCHAR(20), t DATETIME(3), b BLOB)");
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO ps VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, 1);
                insert.setDouble(2, 2.5);
                insert.setString(3, "héllo");
                insert.setTimestamp(4, java.sql.Timestamp.valueOf("2026-11-21 06:00:00.125"));
                insert.setBytes(5, new byte[] {1, 2, 3});
                assertThat(insert.executeUpdate()).isEqualTo(1);
                insert.setLong(1, 2);
                insert.setNull(2, java.sql.Types.DOUBLE);
                insert.setString(3, null);
                insert.setNull(4, java.sql.Types.TIMESTAMP);
                insert.setNull(5, java.sql.Types.BLOB);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT id, d, s, t, b, ? + 1 AS next FROM ps WHERE id >= ? ORDER BY id")) {
                select.setInt(1, 41);
                select.setLong(2, 1);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                    assertThat(rows.getDouble(2)).isEqualTo(2.5);
                    assertThat(rows.getString(3)).isEqualTo("héllo");
                    assertThat(rows.getTimestamp(4)).isEqualTo(java.sql.Timestamp.valueOf("2026-11-21 06:00:00.125"));
                    assertThat(rows.getBytes(5)).containsExactly(1, 2, 3);
                    assertThat(rows.getLong("next")).isEqualTo(42);
                    rows.next();
                    assertThat(rows.getObject(2)).isNull();
                    assertThat(rows.getString(3)).isNull();
                    assertThat(rows.getTimestamp(4)).isNull();
                    assertThat(rows.next()).isFalse();
                }
            }
            try (java.sql.PreparedStatement show = connection.prepareStatement("SHOW VARIABLES LIKE ?")) {
                show.setString(1, "wait_timeout");
                try (ResultSet rows = show.executeQuery()) {
                    rows.next();
                    assertThat(rows.getString(2)).isEqualTo("28800");
                }
            }
        }
    }
}
