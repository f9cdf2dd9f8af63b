package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Collects the packets of one server reply in a single buffer, so that a whole result set goes out in one
 * write. Each packet's header is reserved first and filled in when the payload is complete; a payload of
 * 0xFFFFFF bytes or more is split, with an empty packet after a last part of exactly 0xFFFFFF bytes.
 */
public final class PacketOutput {
    private static final int HEADER = 4;

    private final ByteBuf buffer;
    private int sequence;
    private int headerIndex = -1;

    public PacketOutput(ByteBufAllocator allocator, int firstSequence) {
        this.buffer = allocator.ioBuffer(256);
        this.sequence = firstSequence & 0xFF;
    }

    /** Starts a packet and returns the buffer to write its payload into. */
    public ByteBuf begin() {
        if (headerIndex >= 0) {
            throw new IllegalStateException("previous packet not ended");
        }
        headerIndex = buffer.writerIndex();
        buffer.writeInt(0);
        return buffer;
    }

    /** Ends the packet begun last. */
    public void end() {
        int payloadStart = headerIndex + HEADER;
        int length = buffer.writerIndex() - payloadStart;
        if (length < PacketDecoder.MAX_PAYLOAD) {
            buffer.setMediumLE(headerIndex, length);
            buffer.setByte(headerIndex + 3, nextSequence());
        } else {
            ByteBuf payload = buffer.copy(payloadStart, length);
            buffer.writerIndex(headerIndex);
            writeSplit(payload);
            payload.release();
        }
        headerIndex = -1;
    }

    /** Adds a complete payload as one logical packet. */
    public void add(ByteBuf payload) {
        begin();
        buffer.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        end();
    }

    private void writeSplit(ByteBuf payload) {
        int offset = 0;
        int remaining = payload.readableBytes();
        while (true) {
            int chunk = Math.min(remaining, PacketDecoder.MAX_PAYLOAD);
            buffer.writeMediumLE(chunk);
            buffer.writeByte(nextSequence());
            buffer.writeBytes(payload, offset, chunk);
            offset += chunk;
            remaining -= chunk;
            if (chunk < PacketDecoder.MAX_PAYLOAD) {
                return;
            }
        }
    }

    private int nextSequence() {
        int result = sequence;
        sequence = (sequence + 1) & 0xFF;
        return result;
    }

    /** The sequence id the next packet will get. */
    public int sequence() {
        return sequence;
    }

    /** Bytes collected so far. */
    public int size() {
        return buffer.writerIndex();
    }

    public boolean isEmpty() {
        return buffer.writerIndex() == 0;
    }

    /** The finished bytes; ownership passes to the caller. */
    public ByteBuf finish() {
        if (headerIndex >= 0) {
            throw new IllegalStateException("packet not ended");
        }
        return buffer;
    }

    /** Frees the buffer when the reply is abandoned. */
    public void discard() {
        buffer.release();
    }
}
