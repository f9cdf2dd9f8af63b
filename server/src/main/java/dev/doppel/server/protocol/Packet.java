package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

/**
 * One logical client packet: the payload of one or more physical packets joined together.
 * {@code firstSequence} is the sequence id of its first physical packet, {@code lastSequence} of its last.
 */
public record Packet(int firstSequence, int lastSequence, ByteBuf payload) {
}
