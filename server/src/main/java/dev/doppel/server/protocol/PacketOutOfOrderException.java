package dev.doppel.server.protocol;

import io.netty.handler.codec.DecoderException;

/** A physical packet that continues a split payload arrived with the wrong sequence id (MySQL error 1156). */
public final class PacketOutOfOrderException extends DecoderException {
    public PacketOutOfOrderException(int expected, int actual) {
        super("packet sequence " + actual + ", expected " + expected);
    }
}
