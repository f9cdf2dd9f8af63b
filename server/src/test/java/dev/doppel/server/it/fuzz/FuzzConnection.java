package dev.doppel.server.it.fuzz;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw protocol-41 client for the fuzzer (no CLIENT_DEPRECATE_EOF, no multi-statements): sends any bytes as a
 * command and reads the whole reply, so that a command that gets no answer is seen as a hang.
 */
final class FuzzConnection implements AutoCloseable {
    /** CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_WITH_DB off. */
    static final int CAPABILITIES = 0x00088200;

    /** The server did not answer in time: the failure the fuzzer looks for. */
    static final class Hang extends IOException {
        Hang(String message) {
            super(message);
        }
    }

    /** The server closed the connection, which is an answer. */
    static final class Closed extends IOException {
        Closed() {
            super("closed by the server");
        }
    }

    /** -Ddoppel.fuzz.trace=true prints every packet sent, to see what led to a failure when replaying a round. */
    private static final boolean TRACE = Boolean.getBoolean("doppel.fuzz.trace");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] lastSent = new byte[0];

    FuzzConnection(int port, int timeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Greeting, then a login of {@code user} without a password; true when the server accepted it. */
    boolean login(String user) throws IOException {
        read();
        send(1, loginPacket(user));
        return read()[0] == 0;
    }

    static byte[] loginPacket(String user) {
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] plugin = "caching_sha2_password".getBytes(StandardCharsets.US_ASCII);
        byte[] packet = new byte[4 + 4 + 1 + 23 + name.length + 1 + 1 + plugin.length + 1];
        int at = 0;
        at = int4(packet, at, CAPABILITIES);
        at = int4(packet, at, 16 << 20);
        packet[at] = 45;
        at += 1 + 23;
        System.arraycopy(name, 0, packet, at, name.length);
        at += name.length + 1;
        packet[at++] = 0; // empty auth response
        System.arraycopy(plugin, 0, packet, at, plugin.length);
        return packet;
    }

    private static int int4(byte[] into, int at, int value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >> (8 * i));
        }
        return at + 4;
    }

    void send(int sequence, byte[] payload) throws IOException {
        byte[] packet = new byte[4 + payload.length];
        packet[0] = (byte) payload.length;
        packet[1] = (byte) (payload.length >> 8);
        packet[2] = (byte) (payload.length >> 16);
        packet[3] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        lastSent = payload;
        if (TRACE) {
            System.out.println("[fuzz] > " + lastSent());
        }
        try {
            out.write(packet);
            out.flush();
        } catch (IOException e) {
            throw new Closed();
        }
    }

    /** One packet's payload. */
    byte[] read() throws IOException {
        try {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                throw new Closed();
            }
            int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new Closed();
            }
            return payload;
        } catch (SocketTimeoutException e) {
            throw new Hang("no answer within " + socket.getSoTimeout() + " ms");
        } catch (Hang | Closed e) {
            throw e;
        } catch (IOException e) {
            throw new Closed();
        }
    }

    /**
     * The whole reply to a command that answers OK, ERR or a result set (COM_QUERY, COM_STMT_EXECUTE); returns its
     * first packet.
     */
    byte[] readResult() throws IOException {
        byte[] first = read();
        int kind = first.length == 0 ? -1 : first[0] & 0xFF;
        if (kind == 0x00 || kind == 0xFF) {
            return first;
        }
        if (kind == 0xFB) {
            send(2, new byte[0]); // LOCAL INFILE request: no file
            return readResult();
        }
        readUntilEof(); // column definitions
        readUntilEof(); // rows, ending with EOF or ERR
        return first;
    }

    /** The reply to COM_STMT_PREPARE; returns {statement id, parameters} or null for an ERR. */
    long[] readPrepared() throws IOException {
        byte[] first = read();
        if (first.length < 12 || first[0] != 0) {
            return null;
        }
        long id = (first[1] & 0xFFL) | (first[2] & 0xFFL) << 8 | (first[3] & 0xFFL) << 16 | (first[4] & 0xFFL) << 24;
        int columns = (first[5] & 0xFF) | (first[6] & 0xFF) << 8;
        int parameters = (first[7] & 0xFF) | (first[8] & 0xFF) << 8;
        if (parameters > 0) {
            readUntilEof();
        }
        if (columns > 0) {
            readUntilEof();
        }
        return new long[] {id, parameters};
    }

    /** Packets up to an EOF (0xFE, short) or an ERR. */
    void readUntilEof() throws IOException {
        while (true) {
            byte[] packet = read();
            if (packet.length > 0 && ((packet[0] & 0xFF) == 0xFF || (packet[0] & 0xFF) == 0xFE && packet.length < 9)) {
                return;
            }
        }
    }

    /** The last packet sent, for a failure's message: its command byte and its text as Latin-1. */
    String lastSent() {
        if (lastSent.length == 0) {
            return "an empty packet";
        }
        String text = new String(lastSent, 1, Math.min(lastSent.length - 1, 400), StandardCharsets.ISO_8859_1);
        return String.format("command 0x%02x: %s | hex %s", lastSent[0], text,
                java.util.HexFormat.of().formatHex(lastSent, 0, Math.min(lastSent.length, 120)));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
