package dev.doppel.server.it.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MySQL client on a plain socket, for sending what real drivers never send: raw packets
 * (3-byte little-endian length, 1-byte sequence id), bad headers, garbage.
 */
final class RawMySqlSocket implements AutoCloseable {
    /** CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH. */
    static final int LOGIN_CAPABILITIES = 0x00088200;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long connectionId = -1;

    /** One packet as read: sequence id and payload. */
    record Packet(int sequence, byte[] payload) {
        boolean isError() {
            return payload.length > 0 && (payload[0] & 0xFF) == 0xFF;
        }

        boolean isOk() {
            return payload.length > 0 && payload[0] == 0;
        }

        /** Error number of an ERR packet (0xFF, 2-byte code, '#', 5-char SQLSTATE, message). */
        int errorCode() {
            return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        }

        String sqlState() {
            if (payload[3] != '#') {
                throw new IllegalStateException("ERR packet without SQLSTATE marker");
            }
            return new String(payload, 4, 5, StandardCharsets.US_ASCII);
        }

        String errorMessage() {
            return new String(payload, 9, payload.length - 9, StandardCharsets.UTF_8);
        }
    }

    RawMySqlSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The connection id the greeting announced. */
    long connectionId() {
        return connectionId;
    }

    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Reads one packet; throws EOFException when the server closed the connection first. */
    Packet read() throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new EOFException("connection closed after " + header.length + " header bytes");
        }
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a packet");
        }
        return new Packet(header[3] & 0xFF, payload);
    }

    /** Reads the server's greeting (HandshakeV10). */
    Packet readGreeting() throws IOException {
        Packet greeting = read();
        if (greeting.sequence() != 0 || greeting.payload()[0] != 10) {
            throw new IllegalStateException("not a HandshakeV10 greeting");
        }
        byte[] payload = greeting.payload();
        int position = 1;
        while (payload[position] != 0) {
            position++;
        }
        position++;
        connectionId = (payload[position] & 0xFFL) | (payload[position + 1] & 0xFFL) << 8
                | (payload[position + 2] & 0xFFL) << 16 | (payload[position + 3] & 0xFFL) << 24;
        return greeting;
    }

    /** Whether the server closed the connection: the next read returns end of stream (or a reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return "Connection reset".equals(e.getMessage());
        }
    }

    void write(int sequence, byte[] payload) throws IOException {
        // one write per packet: a header and a payload in two segments wait for the delayed ACK (Nagle), 40 ms each
        byte[] packet = new byte[4 + payload.length];
        System.arraycopy(header(payload.length, sequence), 0, packet, 0, 4);
        System.arraycopy(payload, 0, packet, 4, payload.length);
        out.write(packet);
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static byte[] header(int length, int sequence) {
        return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequence};
    }

    /** HandshakeResponse41 for root without a password, announcing caching_sha2_password. */
    static byte[] rootLogin() {
        return rootLogin(LOGIN_CAPABILITIES);
    }

    static byte[] rootLogin(int capabilities) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        writeIntLE(payload, capabilities);
        writeIntLE(payload, 16 * 1024 * 1024);
        payload.write(45);
        payload.writeBytes(new byte[23]);
        payload.writeBytes("root\0".getBytes(StandardCharsets.US_ASCII));
        payload.write(0);
        payload.writeBytes("caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
        return payload.toByteArray();
    }

    /** Greeting, then a root login with sequence id 1; expects OK with sequence id 2. */
    static RawMySqlSocket loggedIn(int port) throws IOException {
        return loggedIn(port, LOGIN_CAPABILITIES);
    }

    static RawMySqlSocket loggedIn(int port, int capabilities) throws IOException {
        RawMySqlSocket result = new RawMySqlSocket(port);
        result.readGreeting();
        result.write(1, rootLogin(capabilities));
        Packet reply = result.read();
        if (!reply.isOk() || reply.sequence() != 2) {
            result.close();
            throw new IllegalStateException("login failed: seq " + reply.sequence() + " "
                    + (reply.isError() ? reply.errorCode() + " " + reply.errorMessage() : "not OK"));
        }
        return result;
    }

    private static void writeIntLE(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >> 8);
        out.write(value >> 16);
        out.write(value >> 24);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
