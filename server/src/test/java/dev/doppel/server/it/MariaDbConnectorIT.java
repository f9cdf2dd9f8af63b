package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MariaDB Connector/J 3.x (on the test classpath) and 4.x (loaded from its own jar, since both cannot share a
 * classpath) with their default URLs. 3.x connects without TLS and relies on SESSION_TRACK for its connect
 * statement; 4.x insists on TLS by default.
 */
class MariaDbConnectorIT {
    @TempDir
    static Path home;
    static DoppelProcess server;
    static Driver mariadb4;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home, "--mysql-native-password=ON");
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/", "root", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'maria'@'%' IDENTIFIED WITH mysql_native_password BY 'm-pass'");
            statement.execute("CREATE USER 'sha'@'%' IDENTIFIED BY 'sha-pass'");
            statement.execute("CREATE DATABASE db1");
            statement.execute("CREATE DATABASE db2");
            statement.execute("GRANT ALL ON db1.* TO 'maria'@'%'");
            statement.execute("GRANT SELECT ON db2.* TO 'maria'@'%'");
        }
        URL jar = Path.of(System.getProperty("doppel.mariadb4.jar")).toUri().toURL();
        ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        mariadb4 = (Driver) Class.forName("org.mariadb.jdbc.Driver", true, loader).getDeclaredConstructor().newInstance();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect3(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/" + database, user, password);
    }

    private static Connection connect4(String user, String password, String options) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return mariadb4.connect("jdbc:mariadb://127.0.0.1:" + server.port() + "/" + options, properties);
    }

    @Test
    void assertVersion3DefaultUrl() throws Exception {
        try (Connection connection = connect3("maria", "m-pass", "db1");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER(), DATABASE(), @@sql_mode, @@version")) {
            assertThat(connection.getMetaData().getDriverMajorVersion()).isEqualTo(3);
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("maria@%");
            assertThat(rows.getString(2)).isEqualTo("db1");
            assertThat(rows.getString(3)).contains("STRICT_TRANS_TABLES");
            assertThat(rows.getString(4)).startsWith("8.4.");
            connection.setCatalog("db2");
            assertThat(connection.getCatalog()).isEqualTo("db2");
            connection.setAutoCommit(false);
            assertThat(connection.getAutoCommit()).isFalse();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void assertVersion3CachingSha2WithKeyRetrieval() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port()
                + "/?allowPublicKeyRetrieval=true", "sha", "sha-pass");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("sha@%");
        }
    }

    @Test
    void assertVersion3WrongPassword() {
        assertThatThrownBy(() -> connect3("maria", "bad", "").close()).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(1045);
            assertThat(e.getSQLState()).isEqualTo("28000");
        });
    }

    /**
     * 4.x refuses caching_sha2_password over TLS with a self-signed certificate unless it can check the
     * certificate, exactly as against a MySQL 8.4 with auto-generated certificates; given the data directory's
     * CA it verifies the chain and connects.
     */
    @Test
    void assertVersion4DefaultUrlRefusesUnverifiableCertificate() {
        assertThatThrownBy(() -> connect4("sha", "sha-pass", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Self signed certificates");
    }

    @Test
    void assertVersion4WithTlsVerifiedByTheServerCa() throws Exception {
        try (Connection connection = connect4("sha", "sha-pass", "?sslMode=verify-ca&serverSslCert="
                + server.datadir().resolve("ca.pem"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER(), 1 + 1")) {
            assertThat(connection.getMetaData().getDriverMajorVersion()).isEqualTo(4);
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("sha@%");
            assertThat(rows.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void assertVersion4RootWithoutPassword() throws Exception {
        try (Connection connection = connect4("root", "", "db1?sslMode=trust");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("db1");
        }
    }
}
