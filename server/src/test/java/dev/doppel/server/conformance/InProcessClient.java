package dev.doppel.server.conformance;

import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.Packet;
import dev.doppel.server.session.ClientConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A script session without a network: the server's own {@link ClientConnection} on a netty
 * {@link EmbeddedChannel}, driven synchronously from the test thread with a minimal text-protocol client
 * (COM_QUERY, OK/ERR, text result sets in the EOF style). Everything from the connection phase down to the
 * engine is the server's real code; only the socket is missing.
 */
final class InProcessClient implements ScriptClient {
    private static final int CAPABILITIES = Capabilities.CLIENT_LONG_PASSWORD | Capabilities.CLIENT_PROTOCOL_41
            | Capabilities.CLIENT_TRANSACTIONS | Capabilities.CLIENT_SECURE_CONNECTION
            | Capabilities.CLIENT_MULTI_RESULTS | Capabilities.CLIENT_PLUGIN_AUTH;
    private static final int UTF8MB4_0900_AI_CI = 255;
    private static final int MORE_RESULTS_EXISTS = 0x0008;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ClientConnection connection;
    private ByteBuf received = Unpooled.buffer();

    InProcessClient(ServerContext server) {
        connection = new ClientConnection(server, channel, true);
        connection.start();
        nextPacket();
        send(1, login());
        byte[] reply = nextPacket();
        if (reply[0] != 0) {
            throw new IllegalStateException("in-process login failed: " + error(reply));
        }
    }

    @Override
    public Outcome execute(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = 0x03;
        System.arraycopy(text, 0, payload, 1, text.length);
        send(0, payload);
        int[] status = new int[1];
        Outcome first = readResult(status);
        // a CALL's further results (and its final OK): read and left aside, as the JDBC modes read the first only
        while ((status[0] & MORE_RESULTS_EXISTS) != 0) {
            if (readResult(status) instanceof Outcome.Error) {
                break;
            }
        }
        return first;
    }

    /** One result: an OK, an ERR or a result set; {@code status} gets the status flags that end it. */
    private Outcome readResult(int[] status) {
        status[0] = 0;
        byte[] first = nextPacket();
        int header = first[0] & 0xFF;
        if (header == 0x00) {
            ByteBuf in = Unpooled.wrappedBuffer(first, 1, first.length - 1);
            Outcome ok = new Outcome.Ok(lengthEncoded(in), lengthEncoded(in));
            status[0] = in.readUnsignedShortLE();
            return ok;
        }
        if (header == 0xFF) {
            return error(first);
        }
        long columns = lengthEncoded(Unpooled.wrappedBuffer(first));
        for (long i = 0; i < columns; i++) {
            nextPacket();
        }
        nextPacket();
        List<List<String>> rows = new ArrayList<>();
        byte[] row = nextPacket();
        for (; !isEof(row); row = nextPacket()) {
            ByteBuf in = Unpooled.wrappedBuffer(row);
            List<String> values = new ArrayList<>();
            for (long i = 0; i < columns; i++) {
                if ((in.getByte(in.readerIndex()) & 0xFF) == 0xFB) {
                    in.skipBytes(1);
                    values.add(null);
                } else {
                    int length = (int) lengthEncoded(in);
                    values.add(in.readCharSequence(length, StandardCharsets.UTF_8).toString());
                }
            }
            rows.add(values);
        }
        status[0] = (row[3] & 0xFF) | (row[4] & 0xFF) << 8;
        return new Outcome.Rows(rows);
    }

    private static boolean isEof(byte[] packet) {
        return (packet[0] & 0xFF) == 0xFE && packet.length < 9;
    }

    private static Outcome.Error error(byte[] packet) {
        int number = (packet[1] & 0xFF) | (packet[2] & 0xFF) << 8;
        return new Outcome.Error(number, new String(packet, 4, 5, StandardCharsets.US_ASCII),
                new String(packet, 9, packet.length - 9, StandardCharsets.UTF_8));
    }

    private static long lengthEncoded(ByteBuf in) {
        int first = in.readUnsignedByte();
        return switch (first) {
            case 0xFC -> in.readUnsignedShortLE();
            case 0xFD -> in.readUnsignedMediumLE();
            case 0xFE -> in.readLongLE();
            default -> first;
        };
    }

    private void send(int sequence, byte[] payload) {
        connection.onPacket(new Packet(sequence, sequence, Unpooled.wrappedBuffer(payload)));
    }

    /** The next whole packet the server wrote (its payload); the server writes synchronously here. */
    private byte[] nextPacket() {
        for (ByteBuf written = channel.readOutbound(); written != null; written = channel.readOutbound()) {
            received.writeBytes(written);
            written.release();
        }
        if (received.readableBytes() < 4) {
            throw new IllegalStateException("the server sent no (complete) reply");
        }
        int length = received.readUnsignedMediumLE();
        received.skipBytes(1);
        byte[] payload = new byte[length];
        received.readBytes(payload);
        received.discardReadBytes();
        return payload;
    }

    private static byte[] login() {
        ByteBuf out = Unpooled.buffer();
        out.writeIntLE(CAPABILITIES);
        out.writeIntLE(16 << 20);
        out.writeByte(UTF8MB4_0900_AI_CI);
        out.writeZero(23);
        out.writeBytes("root\0".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(0);
        out.writeBytes("caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
        byte[] result = new byte[out.readableBytes()];
        out.readBytes(result);
        return result;
    }

    @Override
    public void close() {
        send(0, new byte[] {0x01});
        channel.close();
        connection.closed(false);
        channel.finishAndReleaseAll();
        received.release();
    }
}
