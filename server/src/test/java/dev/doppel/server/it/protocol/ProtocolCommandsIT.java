package dev.doppel.server.it.protocol;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-phase commands on raw sockets, in the classic EOF style (no CLIENT_DEPRECATE_EOF). */
class ProtocolCommandsIT {
    private static final int SERVER_MORE_RESULTS_EXISTS = 0x0008;

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static byte[] command(int code, byte[] argument) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(code);
        out.writeBytes(argument);
        return out.toByteArray();
    }

    private static byte[] command(int code, String argument) {
        return command(code, argument.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one text result set in the EOF style; returns its packets from the column count to the last EOF. */
    private static List<RawMySqlSocket.Packet> readResultSet(RawMySqlSocket socket) throws Exception {
        List<RawMySqlSocket.Packet> result = new ArrayList<>();
        RawMySqlSocket.Packet count = socket.read();
        result.add(count);
        int columns = count.payload()[0];
        for (int i = 0; i < columns + 1; i++) {
            result.add(socket.read());
        }
        while (true) {
            RawMySqlSocket.Packet row = socket.read();
            result.add(row);
            if ((row.payload()[0] & 0xFF) == 0xFE && row.payload().length < 9) {
                return result;
            }
        }
    }

    private static int eofStatus(RawMySqlSocket.Packet eof) {
        return (eof.payload()[3] & 0xFF) | (eof.payload()[4] & 0xFF) << 8;
    }

    @Test
    void assertSetOptionTurnsMultiStatementsOn() throws Exception {
        try (RawMySqlSocket socket = RawMySqlSocket.loggedIn(server.port())) {
            socket.write(0, command(0x03, "SELECT 1; SELECT 2"));
            RawMySqlSocket.Packet refused = socket.read();
            assertThat(refused.isError()).isTrue();
            assertThat(refused.errorCode()).isEqualTo(1064);

            socket.write(0, command(0x1B, new byte[] {0, 0}));
            RawMySqlSocket.Packet eof = socket.read();
            assertThat(eof.payload()[0] & 0xFF).isEqualTo(0xFE);
            assertThat(eof.sequence()).isEqualTo(1);

            socket.write(0, command(0x03, "SELECT 1; SELECT 2"));
            List<RawMySqlSocket.Packet> first = readResultSet(socket);
            assertThat(eofStatus(first.get(first.size() - 1)) & SERVER_MORE_RESULTS_EXISTS).isNotZero();
            List<RawMySqlSocket.Packet> second = readResultSet(socket);
            assertThat(eofStatus(second.get(second.size() - 1)) & SERVER_MORE_RESULTS_EXISTS).isZero();
            assertThat(new String(second.get(3).payload(), 1, 1, StandardCharsets.US_ASCII)).isEqualTo("2");
        }
    }

    @Test
    void assertStatisticsPingResetAndInitDb() throws Exception {
        try (RawMySqlSocket socket = RawMySqlSocket.loggedIn(server.port())) {
            socket.write(0, command(0x09, new byte[0]));
            String statistics = new String(socket.read().payload(), StandardCharsets.UTF_8);
            assertThat(statistics).startsWith("Uptime: ").contains("  Threads: ").contains("  Questions: ");

            socket.write(0, command(0x0E, new byte[0]));
            assertThat(socket.read().isOk()).isTrue();

            socket.write(0, command(0x1F, new byte[0]));
            assertThat(socket.read().isOk()).isTrue();

            socket.write(0, command(0x02, "nowhere"));
            RawMySqlSocket.Packet unknown = socket.read();
            assertThat(unknown.errorCode()).isEqualTo(1049);
            assertThat(unknown.sqlState()).isEqualTo("42000");
            assertThat(unknown.errorMessage()).isEqualTo("Unknown database 'nowhere'");

            socket.write(0, command(0x02, "mysql"));
            assertThat(socket.read().isOk()).isTrue();
            socket.write(0, command(0x04, "user\0"));
            int columns = 0;
            while (true) {
                RawMySqlSocket.Packet packet = socket.read();
                if ((packet.payload()[0] & 0xFF) == 0xFE && packet.payload().length < 9) {
                    break;
                }
                columns++;
            }
            assertThat(columns).isGreaterThan(40);
        }
    }

    @Test
    void assertProcessKillClosesTheOtherConnection() throws Exception {
        try (RawMySqlSocket killer = RawMySqlSocket.loggedIn(server.port());
             RawMySqlSocket victim = RawMySqlSocket.loggedIn(server.port())) {
            long id = victim.connectionId();
            byte[] argument = {(byte) id, (byte) (id >> 8), (byte) (id >> 16), (byte) (id >> 24)};
            killer.write(0, command(0x0C, argument));
            assertThat(killer.read().isOk()).isTrue();
            assertThat(victim.closedByServer()).isTrue();
        }
    }

    @Test
    void assertPasswordsNeverReachTheLog() throws Exception {
        try (Connection root = DriverManager.getConnection(server.url("mysql",
                "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "root", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'secretive'@'%' IDENTIFIED BY 'An0ther-Secret'");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(server.url("mysql",
                "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "secretive", "Sup3r-Secret").close())
                .isInstanceOf(SQLException.class);
        assertThat(server.log()).doesNotContain("An0ther-Secret").doesNotContain("Sup3r-Secret");
    }

    @Test
    void assertComShutdownStopsTheServer(@TempDir Path other) throws Exception {
        try (DoppelProcess own = DoppelProcess.start(other); RawMySqlSocket socket = RawMySqlSocket.loggedIn(own.port())) {
            socket.write(0, command(0x08, new byte[] {0}));
            RawMySqlSocket.Packet reply = socket.read();
            assertThat(reply.isError()).isFalse();
            assertThat(own.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(own.process().exitValue()).isZero();
            assertThat(own.log()).contains("Shutdown complete");
        }
    }
}
