package dev.doppel.server.it.protocol;

import dev.doppel.server.it.MysqlCli;
import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LOAD DATA LOCAL INFILE: the client sends the file over the connection, as MySQL 8.4 takes it: only while
 * local_infile is ON and the client allows it (3948 otherwise), with the table's privileges and no FILE privilege,
 * duplicate keys skipped as with IGNORE, bytes kept as sent; Connector/J and the mysql client.
 */
class LoadDataLocalIT {
    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.start(Files.createDirectories(home.resolve("main")));
        server.executeAsRoot("CREATE DATABASE app",
                "CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(20), b VARBINARY(255))",
                "CREATE USER writer@'%' IDENTIFIED BY 'pw'", "GRANT SELECT, INSERT ON app.* TO writer@'%'",
                "CREATE USER reader@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON app.* TO reader@'%'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void connectorJSendsTheFileWhenBothSidesAllowIt() throws Exception {
        Path file = home.resolve("rows.txt");
        Files.writeString(file, "1\tone\n2\ttwo\n");
        try (Connection root = connect("root", "", true); Statement statement = root.createStatement()) {
            statement.execute("SET GLOBAL local_infile = 0");
            assertError(statement, "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v)", 3948,
                    "Loading local data is disabled; this must be enabled on both the client and server sides");
            statement.execute("SET GLOBAL local_infile = 1");
        }
        try (Connection writer = connect("writer", "pw", true); Statement statement = writer.createStatement()) {
            // no FILE privilege needed, and the file may be anywhere the client can read
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v)"))
                    .isEqualTo(2);
            // LOCAL skips rows that duplicate a key, as IGNORE does, with a warning each
            Files.writeString(file, "2\tagain\n3\tthree\n");
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v)"))
                    .isEqualTo(1);
            assertThat(value(statement, "SELECT GROUP_CONCAT(v ORDER BY id) FROM app.t WHERE id <= 3"))
                    .isEqualTo("one,two,three");
        }
        try (Connection writer = connect("writer", "pw", false); Statement statement = writer.createStatement()) {
            // a client that did not allow local files gets 3948 before the server asks for anything
            assertError(statement, "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v)", 3948, null);
            assertThat(value(statement, "SELECT 1")).isEqualTo("1");
        }
        try (Connection reader = connect("reader", "pw", true); Statement statement = reader.createStatement()) {
            assertError(statement, "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v)", 1142, null);
            assertThat(value(statement, "SELECT COUNT(*) FROM app.t WHERE id <= 3")).isEqualTo("3");
        }
    }

    @Test
    void theMysqlClientSendsBytesThatAreNoText() throws Exception {
        try (Connection root = connect("root", "", true); Statement statement = root.createStatement()) {
            statement.execute("SET GLOBAL local_infile = 1");
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes("10\tbytes\t".getBytes(StandardCharsets.US_ASCII));
        for (int each = 0x80; each <= 0xFF; each++) {
            raw.write(each);
        }
        raw.write('\n');
        Path file = home.resolve("bytes.txt");
        Files.write(file, raw.toByteArray());
        MysqlCli.Result result = MysqlCli.run(null, "--local-infile=1", "-h127.0.0.1", "-P" + server.port(),
                "-uwriter", "-ppw", "-e", "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE app.t (id, v, b);"
                        + " SELECT HEX(b) FROM app.t WHERE id = 10");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        StringBuilder expected = new StringBuilder();
        for (int each = 0x80; each <= 0xFF; each++) {
            expected.append(HexFormat.of().withUpperCase().toHexDigits((byte) each));
        }
        assertThat(result.stdout()).contains(expected);
    }

    /** On the wire: the request, the file in several packets, the empty one; and a client that stops sending. */
    @Test
    void theFileComesInPacketsAndAClientThatStopsIsCutOff() throws Exception {
        try (Connection root = connect("root", "", true); Statement statement = root.createStatement()) {
            statement.execute("SET GLOBAL local_infile = 1");
        }
        int localFiles = RawMySqlSocket.LOGIN_CAPABILITIES | 0x80; // CLIENT_LOCAL_FILES
        try (RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port(), localFiles)) {
            client.write(0, query("LOAD DATA LOCAL INFILE 'parts.txt' INTO TABLE app.t (id, v)"));
            RawMySqlSocket.Packet request = client.read();
            assertThat(request.sequence()).isEqualTo(1);
            assertThat(request.payload()[0] & 0xFF).isEqualTo(0xFB);
            assertThat(new String(request.payload(), 1, request.payload().length - 1, StandardCharsets.UTF_8))
                    .isEqualTo("parts.txt");
            client.write(2, "20\ttw".getBytes(StandardCharsets.US_ASCII));
            client.write(3, "enty\n21\tx\n".getBytes(StandardCharsets.US_ASCII));
            client.write(4, new byte[0]);
            RawMySqlSocket.Packet reply = client.read();
            assertThat(reply.isOk()).as(reply.isError() ? reply.errorMessage() : "").isTrue();
            assertThat(reply.sequence()).isEqualTo(5);
            assertThat(reply.payload()[1]).isEqualTo((byte) 2);
        }
        try (RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port(), localFiles)) {
            client.write(0, query("SET SESSION net_read_timeout = 1"));
            assertThat(client.read().isOk()).isTrue();
            client.write(0, query("LOAD DATA LOCAL INFILE 'never.txt' INTO TABLE app.t (id, v)"));
            assertThat(client.read().payload()[0] & 0xFF).isEqualTo(0xFB);
            RawMySqlSocket.Packet reply = client.read();
            assertThat(reply.isError()).isTrue();
            assertThat(reply.errorCode()).isEqualTo(1159);
            assertThat(client.closedByServer()).isTrue();
        }
        try (Connection root = connect("root", "", true); Statement statement = root.createStatement()) {
            assertThat(value(statement, "SELECT GROUP_CONCAT(v ORDER BY id) FROM app.t WHERE id IN (20, 21)"))
                    .isEqualTo("twenty,x");
        }
    }

    private static byte[] query(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = 0x03; // COM_QUERY
        System.arraycopy(text, 0, payload, 1, text.length);
        return payload;
    }

    private static void assertError(Statement statement, String sql, int number, String message) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(number);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(String user, String password, boolean allowLocalFiles) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&allowLoadLocalInfile=" + allowLocalFiles), user, password);
    }
}
