package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Encoders for the generic server packets: OK, ERR, EOF, AuthSwitchRequest and AuthMoreData. */
public final class ServerPackets {
    private ServerPackets() {
    }

    /**
     * OK packet (header 0x00), or the OK that ends a result set when the client deprecates EOF (header 0xFE).
     * {@code sessionState} is the already encoded session-state-change data, or null.
     */
    public static void ok(ByteBuf out, int header, long affectedRows, long lastInsertId, int status, int warnings,
                          String info, byte[] sessionState, int capabilities) {
        out.writeByte(header);
        Wire.writeLengthEncodedInt(out, affectedRows);
        Wire.writeLengthEncodedInt(out, lastInsertId);
        out.writeShortLE(status);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        boolean hasInfo = info != null && !info.isEmpty();
        if ((capabilities & Capabilities.CLIENT_SESSION_TRACK) != 0) {
            boolean stateChanged = sessionState != null && (status & ServerStatus.SESSION_STATE_CHANGED) != 0;
            if (hasInfo || stateChanged) {
                Wire.writeLengthEncodedString(out, hasInfo ? info : "");
            }
            if (stateChanged) {
                Wire.writeLengthEncodedBytes(out, sessionState);
            }
        } else if (hasInfo) {
            // documented as string<EOF>, but MySQL writes it length-encoded (net_send_ok) and clients read it so
            Wire.writeLengthEncodedString(out, info);
        }
    }

    public static void error(ByteBuf out, int number, String sqlState, String message) {
        out.writeByte(0xFF);
        out.writeShortLE(number);
        out.writeByte('#');
        out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
        out.writeCharSequence(message, StandardCharsets.UTF_8);
    }

    public static void eof(ByteBuf out, int warnings, int status) {
        out.writeByte(0xFE);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        out.writeShortLE(status);
    }

    public static void authSwitchRequest(ByteBuf out, String method, byte[] pluginData) {
        out.writeByte(0xFE);
        Wire.writeNulTerminated(out, method);
        out.writeBytes(pluginData);
        out.writeByte(0);
    }

    public static void authMoreData(ByteBuf out, byte[] data) {
        out.writeByte(0x01);
        out.writeBytes(data);
    }
}
