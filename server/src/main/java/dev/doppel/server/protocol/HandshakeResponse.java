package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HandshakeResponse41 from the client, or the short SSLRequest that asks to switch to TLS first
 * ({@link #sslRequest()}).
 */
public record HandshakeResponse(int capabilities, long maxPacket, int charset, String user, byte[] authResponse,
                                String database, String authMethod, Map<String, String> attributes,
                                boolean sslRequest) {

    private static final int FIXED_PART = 32;

    /** Decodes the packet; the client's capabilities are ANDed with {@code serverCapabilities}. */
    public static HandshakeResponse decode(ByteBuf in, int serverCapabilities) {
        if (in.readableBytes() < FIXED_PART) {
            throw new MalformedPacketException("handshake response shorter than 32 bytes");
        }
        int clientCapabilities = in.readIntLE();
        if ((clientCapabilities & Capabilities.CLIENT_PROTOCOL_41) == 0) {
            throw new MalformedPacketException("client does not speak protocol 4.1");
        }
        int capabilities = clientCapabilities & serverCapabilities;
        long maxPacket = in.readUnsignedIntLE();
        int charset = in.readUnsignedByte();
        in.skipBytes(23);
        if (!in.isReadable()) {
            if ((capabilities & Capabilities.CLIENT_SSL) == 0) {
                throw new MalformedPacketException("handshake response without user name");
            }
            return new HandshakeResponse(capabilities, maxPacket, charset, null, null, null, null, Map.of(), true);
        }
        String user = Wire.readNulTerminated(in, StandardCharsets.UTF_8);
        byte[] authResponse;
        if ((capabilities & Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
            authResponse = Wire.readLengthEncodedBytes(in);
        } else if ((capabilities & Capabilities.CLIENT_SECURE_CONNECTION) != 0) {
            int length = in.readUnsignedByte();
            if (length > in.readableBytes()) {
                throw new MalformedPacketException("auth response longer than the packet");
            }
            authResponse = new byte[length];
            in.readBytes(authResponse);
        } else {
            authResponse = Wire.readNulTerminatedBytes(in);
        }
        String database = null;
        if ((capabilities & Capabilities.CLIENT_CONNECT_WITH_DB) != 0 && in.isReadable()) {
            database = Wire.readNulTerminated(in, StandardCharsets.UTF_8);
            if (database.isEmpty()) {
                database = null;
            }
        }
        String authMethod = null;
        if ((capabilities & Capabilities.CLIENT_PLUGIN_AUTH) != 0 && in.isReadable()) {
            authMethod = new String(Wire.readNulTerminatedBytes(in), StandardCharsets.UTF_8);
        }
        Map<String, String> attributes = Map.of();
        if ((capabilities & Capabilities.CLIENT_CONNECT_ATTRS) != 0 && in.isReadable()) {
            attributes = readAttributes(in);
        }
        return new HandshakeResponse(capabilities, maxPacket, charset, user, authResponse == null ? new byte[0]
                : authResponse, database, authMethod, attributes, false);
    }

    private static Map<String, String> readAttributes(ByteBuf in) {
        long length = Wire.readLengthEncodedInt(in);
        if (length < 0 || length > in.readableBytes()) {
            throw new MalformedPacketException("connection attributes longer than the packet");
        }
        ByteBuf attributes = in.readSlice((int) length);
        Map<String, String> result = new LinkedHashMap<>();
        while (attributes.isReadable()) {
            String key = Wire.readLengthEncodedString(attributes, StandardCharsets.UTF_8);
            String value = Wire.readLengthEncodedString(attributes, StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }
}
