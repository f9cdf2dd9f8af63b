package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits the byte stream into MySQL packets (3-byte little-endian length, 1-byte sequence id) and joins a
 * payload split over several physical packets: a physical packet of exactly 0xFFFFFF bytes means that another
 * part follows, so a payload whose size is a multiple of 0xFFFFFF ends with an empty packet.
 * Enforces max_allowed_packet on the joined size before buffering it.
 */
public final class PacketDecoder extends ByteToMessageDecoder {
    public static final int MAX_PAYLOAD = 0xFFFFFF;
    private static final int HEADER = 4;

    private volatile long maxAllowedPacket;
    private CompositeByteBuf parts;
    private int firstSequence;
    private int expectedSequence;
    private long joinedLength;
    private boolean paused;
    private int firstPacketSequence = -1;
    private boolean failed;
    private boolean firstPacket = true;

    public PacketDecoder(long maxAllowedPacket) {
        this.maxAllowedPacket = maxAllowedPacket;
    }

    public void maxAllowedPacket(long value) {
        this.maxAllowedPacket = value;
    }

    /**
     * Makes the first packet's header carry {@code sequence} (1: the client's reply to the greeting). Checked on
     * the header alone, as mysqld does, so that garbage is refused at once instead of waiting for its "length".
     */
    public PacketDecoder expectFirstSequence(int sequence) {
        firstPacketSequence = sequence;
        return this;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            // after a framing error the stream has no packet boundaries left; the connection is being closed
            in.skipBytes(in.readableBytes());
            return;
        }
        while (!paused && in.readableBytes() >= HEADER) {
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequence = in.getUnsignedByte(start + 3);
            int expected = parts != null ? expectedSequence : firstPacketSequence;
            firstPacketSequence = -1;
            if (expected >= 0 && sequence != expected) {
                failed = true;
                releaseParts();
                throw new PacketOutOfOrderException(expected, sequence);
            }
            long total = (parts == null ? 0 : joinedLength) + length;
            if (total > maxAllowedPacket) {
                failed = true;
                releaseParts();
                throw new PacketTooLargeException((sequence + 1) & 0xFF);
            }
            if (in.readableBytes() < HEADER + length) {
                return;
            }
            in.skipBytes(HEADER);
            ByteBuf part = in.readRetainedSlice(length);
            if (parts == null) {
                if (length < MAX_PAYLOAD) {
                    out.add(new Packet(sequence, sequence, part));
                    if (firstPacket && isSslRequest(part)) {
                        // The bytes after an SSLRequest are a TLS ClientHello, not packets: stop here until the
                        // handler has put the SslHandler in front of this decoder (see resumeAfterTls).
                        paused = true;
                    }
                    firstPacket = false;
                    continue;
                }
                firstPacket = false;
                parts = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                firstSequence = sequence;
                joinedLength = 0;
            }
            parts.addComponent(true, part);
            joinedLength += length;
            expectedSequence = (sequence + 1) & 0xFF;
            if (length < MAX_PAYLOAD) {
                out.add(new Packet(firstSequence, sequence, parts));
                parts = null;
            }
        }
    }

    private static boolean isSslRequest(ByteBuf payload) {
        return payload.readableBytes() == 32
                && (payload.getIntLE(payload.readerIndex()) & Capabilities.CLIENT_SSL) != 0;
    }

    /**
     * Stops decoding after the packet just emitted: the client's next bytes are a TLS handshake that must go
     * through the SslHandler being installed in front of this decoder.
     */
    public void pauseForTls() {
        paused = true;
    }

    /** Ends the pause; returns the bytes that arrived after the SSLRequest, to be fed in again through TLS. */
    public ByteBuf resumeAfterTls() {
        paused = false;
        ByteBuf leftover = internalBuffer();
        return leftover.readRetainedSlice(leftover.readableBytes());
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseParts();
    }

    private void releaseParts() {
        if (parts != null) {
            parts.release();
            parts = null;
        }
    }
}
