package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

/** ColumnDefinition41: what a result set or a prepared statement says about one column. */
public record ColumnDefinition(String schema, String table, String orgTable, String name, String orgName,
                               int charset, long length, int type, int flags, int decimals) {

    public static final int BINARY_CHARSET = 63;

    /** A column computed by the server, such as a variable or an expression (no table). */
    public static ColumnDefinition computed(String name, int charset, long length, int type, int flags, int decimals) {
        return new ColumnDefinition("", "", "", name, "", charset, length, type, flags, decimals);
    }

    public void encode(ByteBuf out) {
        Wire.writeLengthEncodedAscii(out, "def");
        Wire.writeLengthEncodedAscii(out, schema);
        Wire.writeLengthEncodedAscii(out, table);
        Wire.writeLengthEncodedAscii(out, orgTable);
        Wire.writeLengthEncodedAscii(out, name);
        Wire.writeLengthEncodedAscii(out, orgName);
        out.writeByte(0x0C);
        out.writeShortLE(charset);
        out.writeIntLE((int) Math.min(length, 0xFFFFFFFFL));
        out.writeByte(type);
        out.writeShortLE(flags);
        out.writeByte(decimals);
        out.writeShortLE(0);
    }
}
