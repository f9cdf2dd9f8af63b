package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * --skip-grant-tables as in MySQL 8.4: no authentication, every privilege, no TCP (skip_networking is turned on),
 * account statements refused with 1290 until FLUSH PRIVILEGES turns the grant tables on again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkipGrantTablesIT {
    private static final String REFUSED = "The MySQL server is running with the --skip-grant-tables option so it"
            + " cannot execute this statement";

    @TempDir
    static Path home;
    static DoppelProcess server;
    static int normalPort;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        normalPort = server.port();
        try (Connection root = DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED"), "root", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'app'@'%' IDENTIFIED BY 'app-pw'");
            statement.execute("CREATE DATABASE locked_away");
            statement.execute("CREATE TABLE locked_away.secrets (v VARCHAR(10))");
            statement.execute("INSERT INTO locked_away.secrets VALUES ('gold')");
            statement.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY 'forgotten'");
        }
        server.stop();
        server.launch("--skip-grant-tables");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static MysqlCli.Result cli(String user, String password, String sql) throws Exception {
        return password == null
                ? MysqlCli.run(null, "-S", server.socket().toString(), "-u" + user, "-N", "-B", "-e", sql)
                : MysqlCli.run(null, "-S", server.socket().toString(), "-u" + user, "-p" + password, "-N", "-B", "-e", sql);
    }

    @Test
    @Order(1)
    void anyoneConnectsOverTheSocketWithEveryPrivilegeAndTcpIsOff() throws Exception {
        assertThat(server.log()).contains("port: 0");
        MysqlCli.Result result = cli("nobody", "wrong", "SELECT CURRENT_USER(), @@skip_networking;"
                + " SELECT v FROM locked_away.secrets; SELECT COUNT(*) > 0 FROM mysql.user; SHOW DATABASES LIKE 'locked%'");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("skip-grants user@skip-grants host\t1\ngold\n1\nlocked_away\n");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", normalPort), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    @Order(2)
    void accountStatementsFailUntilFlushPrivileges() throws Exception {
        for (String sql : new String[] {"CREATE USER 'x'@'%'", "ALTER USER 'app'@'%' IDENTIFIED BY 'new'",
                "DROP USER 'app'@'%'", "RENAME USER 'app'@'%' TO 'b'@'%'", "GRANT SELECT ON *.* TO 'app'@'%'",
                "REVOKE SELECT ON *.* FROM 'app'@'%'", "SET PASSWORD FOR 'app'@'%' = 'new'", "SHOW GRANTS"}) {
            MysqlCli.Result result = cli("root", null, sql);
            assertThat(result.stderr()).as(sql).contains("ERROR 1290 (HY000) at line 1: " + REFUSED + "\n");
        }
        MysqlCli.Result reset = cli("root", null, "FLUSH PRIVILEGES;"
                + " ALTER USER 'root'@'localhost' IDENTIFIED BY 'remembered'; SELECT CURRENT_USER()");
        assertThat(reset.stderr()).isEmpty();
        assertThat(reset.stdout()).isEqualTo("skip-grants user@skip-grants host\n");

        MysqlCli.Result denied = cli("nobody", "wrong", "SELECT 1");
        assertThat(denied.stderr()).contains("ERROR 1045 (28000): Access denied for user 'nobody'@'localhost'");
        MysqlCli.Result app = cli("app", "app-pw", "SELECT v FROM locked_away.secrets");
        assertThat(app.stderr()).contains("ERROR 1142 (42000) at line 1: SELECT command denied to user"
                + " 'app'@'localhost' for table 'secrets'");
        MysqlCli.Result root = cli("root", "remembered", "SELECT CURRENT_USER(), @@skip_networking");
        assertThat(root.stderr()).isEmpty();
        assertThat(root.stdout()).isEqualTo("root@localhost\t1\n");
    }
}
