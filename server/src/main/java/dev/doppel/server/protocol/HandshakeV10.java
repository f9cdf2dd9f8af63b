package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

/** The server's greeting: protocol 10, version, connection id, the 20-byte scramble, capabilities, auth method. */
public record HandshakeV10(String serverVersion, long connectionId, byte[] scramble, int capabilities,
                           int charset, int status, String authMethod) {

    public void encode(ByteBuf out) {
        out.writeByte(10);
        Wire.writeNulTerminated(out, serverVersion);
        out.writeIntLE((int) connectionId);
        out.writeBytes(scramble, 0, 8);
        out.writeByte(0);
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(charset);
        out.writeShortLE(status);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(scramble.length + 1);
        out.writeZero(10);
        out.writeBytes(scramble, 8, scramble.length - 8);
        out.writeByte(0);
        Wire.writeNulTerminated(out, authMethod);
    }
}
