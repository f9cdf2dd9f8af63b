package dev.doppel.server.protocol;

/** A client packet whose content does not follow the protocol (MySQL answers such packets with 1043 or 1047). */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
