package dev.doppel.server.protocol;

import io.netty.handler.codec.DecoderException;

/** The client sent a logical packet larger than max_allowed_packet (MySQL error 1153). */
public final class PacketTooLargeException extends DecoderException {
    private final int nextSequence;

    public PacketTooLargeException(int nextSequence) {
        super("packet bigger than max_allowed_packet");
        this.nextSequence = nextSequence;
    }

    /** The sequence id the server's ERR reply must carry. */
    public int nextSequence() {
        return nextSequence;
    }
}
