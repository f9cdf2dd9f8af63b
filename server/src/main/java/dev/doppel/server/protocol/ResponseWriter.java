package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.util.List;

/**
 * Builds the reply to one command in a single buffer and writes it with one flush: OK, ERR, or result sets in
 * the EOF style the client negotiated (an EOF after the column definitions and after the rows, or, with
 * CLIENT_DEPRECATE_EOF, no EOF after the columns and an OK packet with header 0xFE after the rows).
 */
public final class ResponseWriter {
    private final Channel channel;
    private final int capabilities;
    private PacketOutput output;
    /** What ROW_COUNT() returns: the affected rows of the last OK, -1 after a result set or an error. */
    private long rowCount = -1;
    /** Every row and every error this connection has been sent, for a statement's statistics (the slow query log). */
    private long rowsSent;
    private long errorsSent;
    /** Inside a stored procedure's CALL: its statements' OKs are not sent (only the CALL's own is). */
    private boolean oksHeld;

    public ResponseWriter(Channel channel, int capabilities) {
        this.channel = channel;
        this.capabilities = capabilities;
    }

    public int capabilities() {
        return capabilities;
    }

    /** Starts a reply whose first packet carries {@code sequence}. */
    public void begin(int sequence) {
        if (output != null) {
            output.discard();
        }
        output = new PacketOutput(channel.alloc(), sequence);
    }

    public PacketOutput output() {
        return output;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Whether OK packets are held back from now on; returns the previous setting. */
    public boolean holdOks(boolean hold) {
        boolean previous = oksHeld;
        oksHeld = hold;
        return previous;
    }

    public void ok(long affectedRows, long lastInsertId, int status, int warnings, String info, byte[] sessionState) {
        rowCount = affectedRows;
        if (oksHeld) {
            return;
        }
        ServerPackets.ok(output.begin(), 0x00, affectedRows, lastInsertId, status, warnings, info, sessionState,
                capabilities);
        output.end();
    }

    public void error(int number, String sqlState, String message) {
        rowCount = -1;
        errorsSent++;
        ServerPackets.error(output.begin(), number, sqlState, message);
        output.end();
    }

    /** Column count and definitions, followed by an EOF unless the client deprecates it. */
    public void columns(List<ColumnDefinition> columns, int status) {
        rowCount = -1;
        Wire.writeLengthEncodedInt(output.begin(), columns.size());
        output.end();
        for (ColumnDefinition each : columns) {
            each.encode(output.begin());
            output.end();
        }
        if (!Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF)) {
            ServerPackets.eof(output.begin(), 0, status);
            output.end();
        }
    }

    /** Starts one row packet; write the values into the returned buffer, then call {@link #endRow()}. */
    public ByteBuf beginRow() {
        return output.begin();
    }

    public void endRow() {
        output.end();
        rowsSent++;
    }

    public long rowsSent() {
        return rowsSent;
    }

    public long errorsSent() {
        return errorsSent;
    }

    /** Ends the rows of a result set. */
    public void endOfRows(int status, int warnings, byte[] sessionState) {
        if (Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF)) {
            ServerPackets.ok(output.begin(), 0xFE, 0, 0, status, warnings, null, sessionState, capabilities);
        } else {
            ServerPackets.eof(output.begin(), warnings, status);
        }
        output.end();
    }

    /** A plain EOF packet (COM_FIELD_LIST ends with one in either EOF style when not deprecated). */
    public void eof(int status, int warnings) {
        ServerPackets.eof(output.begin(), warnings, status);
        output.end();
    }

    /** LOAD DATA LOCAL INFILE: asks the client for a file (0xFB and its name), sent at once. */
    public void localInfileRequest(byte[] fileName) {
        ByteBuf out = output.begin();
        out.writeByte(0xFB);
        out.writeBytes(fileName);
        output.end();
        flush();
    }

    /** Sends what was built; a reply larger than a few MiB is flushed in parts by the caller calling this often. */
    public void flush() {
        if (output == null) {
            return;
        }
        PacketOutput done = output;
        output = null;
        if (done.isEmpty()) {
            done.discard();
            return;
        }
        channel.writeAndFlush(done.finish(), channel.voidPromise());
    }

    /**
     * Writes what is built so far and continues the same reply (for long result sets). When the socket does not
     * keep up, the session's thread waits for the write, so a large result never piles up in memory.
     */
    public void flushPart() {
        if (output == null || output.isEmpty()) {
            return;
        }
        int sequence = output.sequence();
        ChannelFuture written = channel.writeAndFlush(output.finish());
        if (!channel.isWritable()) {
            written.awaitUninterruptibly();
        }
        output = new PacketOutput(channel.alloc(), sequence);
    }

    /** Bytes built and not yet sent. */
    public int pendingBytes() {
        return output == null ? 0 : output.size();
    }
}
