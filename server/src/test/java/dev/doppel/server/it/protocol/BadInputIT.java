package dev.doppel.server.it.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the wire, sent over a raw socket: the offending connection gets MySQL's ERR where the protocol
 * allows one and is closed, exactly one "Aborted connection" line goes to the error log, and every other
 * connection keeps working.
 */
class BadInputIT {
    private static final int MAX_ALLOWED_PACKET = 65536;
    private static final byte COM_PING = 0x0e;

    @TempDir
    static Path home;
    private static DoppelProcess server;
    private static Connection survivor;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.start(home, "--connect-timeout=2", "--max-allowed-packet=" + MAX_ALLOWED_PACKET);
        survivor = connect();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (survivor != null) {
            survivor.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** After every case: the connection opened before it still works, and a new one can connect. */
    @AfterEach
    void otherConnectionsKeepWorking() throws Exception {
        assertThat(selectOne(survivor)).isEqualTo(1);
        try (Connection fresh = connect()) {
            assertThat(selectOne(fresh)).isEqualTo(1);
        }
    }

    @Test
    void garbageInsteadOfHandshakeResponse() throws Exception {
        try (RawMySqlSocket client = new RawMySqlSocket(server.port())) {
            client.readGreeting();
            // "GET " reads as a 5.5 MB packet with sequence id 0x20: MySQL rejects the header at once
            client.writeRaw("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertError(client.read(), 1156, "08S01", "Got packets out of order");
            assertThat(client.closedByServer()).isTrue();
            assertOneAbortedLine(client.connectionId(), "Got packets out of order");
        }
    }

    @Test
    void truncatedHandshakeResponse() throws Exception {
        try (RawMySqlSocket client = new RawMySqlSocket(server.port())) {
            client.readGreeting();
            client.write(1, Arrays.copyOf(RawMySqlSocket.rootLogin(), 10));
            assertError(client.read(), 1043, "08S01", "Bad handshake");
            assertThat(client.closedByServer()).isTrue();
            assertOneAbortedLine(client.connectionId(), "Bad handshake");
        }
    }

    @Test
    void handshakeResponseWithWrongSequenceId() throws Exception {
        try (RawMySqlSocket client = new RawMySqlSocket(server.port())) {
            client.readGreeting();
            client.write(5, RawMySqlSocket.rootLogin());
            assertError(client.read(), 1156, "08S01", "Got packets out of order");
            assertThat(client.closedByServer()).isTrue();
            assertOneAbortedLine(client.connectionId(), "Got packets out of order");
        }
    }

    @Test
    void clientClosesInsideAPacket() throws Exception {
        long id;
        try (RawMySqlSocket client = new RawMySqlSocket(server.port())) {
            client.readGreeting();
            id = client.connectionId();
            client.writeRaw(RawMySqlSocket.header(100, 1));
            client.writeRaw(new byte[10]);
        }
        assertOneAbortedLine(id, "Got an error reading communication packets");
    }

    @Test
    void oversizedPacketAfterLogin() throws Exception {
        try (RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port())) {
            client.writeRaw(RawMySqlSocket.header(0xFFFFFF, 0));
            client.writeRaw(new byte[] {0x03, 'S', 'E', 'L'});
            assertError(client.read(), 1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes");
            assertThat(client.closedByServer()).isTrue();
            assertOneAbortedLine(client.connectionId(), "Got a packet bigger than 'max_allowed_packet' bytes");
        }
    }

    @Test
    void commandWithNonZeroSequenceId() throws Exception {
        try (RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port())) {
            client.write(3, new byte[] {COM_PING});
            assertError(client.read(), 1156, "08S01", "Got packets out of order");
            assertThat(client.closedByServer()).isTrue();
            assertOneAbortedLine(client.connectionId(), "Got packets out of order");
        }
    }

    /** MySQL answers an unknown command byte with 1047 and keeps the connection; nothing is logged. */
    @Test
    void unknownCommandKeepsTheConnection() throws Exception {
        try (RawMySqlSocket client = RawMySqlSocket.loggedIn(server.port())) {
            client.write(0, new byte[] {0x30});
            RawMySqlSocket.Packet reply = client.read();
            assertError(reply, 1047, "08S01", "Unknown command");
            assertThat(reply.sequence()).isEqualTo(1);
            client.write(0, new byte[] {COM_PING});
            RawMySqlSocket.Packet pong = client.read();
            assertThat(pong.isOk()).as("COM_PING after the unknown command").isTrue();
            assertThat(pong.sequence()).isEqualTo(1);
            assertThat(abortedLines(client.connectionId())).isEmpty();
        }
    }

    /** connect_timeout=2: a client that reads the greeting and sends nothing is dropped. */
    @Test
    void clientStallingMidHandshakeIsDropped() throws Exception {
        try (RawMySqlSocket client = new RawMySqlSocket(server.port())) {
            client.readGreeting();
            client.readTimeout(5_000);
            long started = System.nanoTime();
            RawMySqlSocket.Packet reply = null;
            try {
                reply = client.read();
            } catch (EOFException closedWithoutErr) {
                // mysqld closes a timed-out handshake without an ERR; an ERR first is accepted too
            }
            if (reply != null) {
                assertError(reply, 1159, "08S01", "Got timeout reading communication packets");
                assertThat(client.closedByServer()).isTrue();
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3500));
            assertOneAbortedLine(client.connectionId(), "Got timeout reading communication packets");
        }
    }

    private static void assertError(RawMySqlSocket.Packet packet, int code, String sqlState, String message) {
        assertThat(packet.isError()).as("ERR packet expected, got first byte %s", packet.payload()[0] & 0xFF)
                .isTrue();
        assertThat(packet.errorCode()).isEqualTo(code);
        assertThat(packet.sqlState()).isEqualTo(sqlState);
        assertThat(packet.errorMessage()).isEqualTo(message);
    }

    /** Waits for the connection's "Aborted connection" line, then checks it is the only one. */
    private static void assertOneAbortedLine(long connectionId, String reason) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (abortedLines(connectionId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        List<String> lines = abortedLines(connectionId);
        assertThat(lines).as("error log lines for connection %d in:%n%s", connectionId, server.log()).hasSize(1);
        assertThat(lines.get(0)).matches("^\\S+Z " + connectionId + " \\[Warning\\] \\[MY-010914\\] \\[Server\\]"
                + " Aborted connection " + connectionId + " to db: '[^']*' user: '[^']*' host: '[^']*' \\("
                + Pattern.quote(reason) + "\\)\\.$");
    }

    private static List<String> abortedLines(long connectionId) throws IOException {
        String marker = "Aborted connection " + connectionId + " ";
        return server.log().lines().filter(line -> line.contains(marker)).toList();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                "root", "");
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
