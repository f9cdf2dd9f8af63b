package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketCodecTest {
    private static final int MAX = PacketDecoder.MAX_PAYLOAD;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MAX - 1, MAX, MAX + 1, 2 * MAX, 32 * 1024 * 1024})
    void assertRoundTripAtSizeBoundaries(int size) {
        byte[] payload = randomBytes(size);
        ByteBuf wire = encode(payload, 0);
        int physicalPackets = size / MAX + 1;
        assertThat(wire.readableBytes()).isEqualTo(size + 4 * physicalPackets);

        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(Long.MAX_VALUE));
        channel.writeInbound(wire);
        Packet packet = channel.readInbound();
        assertThat(packet.firstSequence()).isZero();
        assertThat(packet.lastSequence()).isEqualTo(physicalPackets - 1);
        byte[] decoded = new byte[packet.payload().readableBytes()];
        packet.payload().readBytes(decoded);
        packet.payload().release();
        assertThat(decoded).isEqualTo(payload);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void assertEmptyTrailingPacketAfterExactMultiple() {
        ByteBuf wire = encode(new byte[MAX], 5);
        assertThat(wire.getUnsignedMediumLE(0)).isEqualTo(MAX);
        assertThat(wire.getUnsignedByte(3)).isEqualTo((short) 5);
        assertThat(wire.getUnsignedMediumLE(4 + MAX)).isZero();
        assertThat(wire.getUnsignedByte(4 + MAX + 3)).isEqualTo((short) 6);
        wire.release();
    }

    @Test
    void assertBytesFedOneAtATime() {
        byte[] payload = randomBytes(1000);
        ByteBuf wire = encode(payload, 0);
        ByteBuf second = encode(new byte[] {3, 's'}, 0);
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(Long.MAX_VALUE));
        for (ByteBuf each : new ByteBuf[] {wire, second}) {
            while (each.isReadable()) {
                channel.writeInbound(each.readRetainedSlice(1));
            }
            each.release();
        }
        Packet first = channel.readInbound();
        assertThat(first.payload().readableBytes()).isEqualTo(1000);
        first.payload().release();
        Packet next = channel.readInbound();
        assertThat(next.payload().readableBytes()).isEqualTo(2);
        next.payload().release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void assertSplitPayloadFedInFragments() {
        byte[] payload = randomBytes(MAX + 10);
        ByteBuf wire = encode(payload, 0);
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(Long.MAX_VALUE));
        while (wire.isReadable()) {
            channel.writeInbound(wire.readRetainedSlice(Math.min(wire.readableBytes(), 1 << 20)));
        }
        wire.release();
        Packet packet = channel.readInbound();
        assertThat(packet.payload().readableBytes()).isEqualTo(MAX + 10);
        packet.payload().release();
    }

    @Test
    void assertOversizedPacketRejectedBeforeBuffering() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(1024));
        ByteBuf header = Unpooled.buffer();
        header.writeMediumLE(2048);
        header.writeByte(0);
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(PacketTooLargeException.class)
                .satisfies(e -> assertThat(((PacketTooLargeException) e).nextSequence()).isEqualTo(1));
    }

    @Test
    void assertOversizedJoinedPacketRejected() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(MAX + 10));
        ByteBuf wire = encode(new byte[MAX + 20], 0);
        assertThatThrownBy(() -> channel.writeInbound(wire)).isInstanceOf(PacketTooLargeException.class);
    }

    @Test
    void assertWrongSequenceInContinuationRejected() {
        ByteBuf wire = encode(new byte[MAX + 5], 0);
        wire.setByte(4 + MAX + 3, 7);
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(Long.MAX_VALUE));
        assertThatThrownBy(() -> channel.writeInbound(wire)).isInstanceOf(PacketOutOfOrderException.class);
    }

    @Test
    void assertSequenceWrapsAfter255() {
        PacketOutput output = new PacketOutput(ByteBufAllocator.DEFAULT, 255);
        output.add(Unpooled.wrappedBuffer(new byte[] {1}));
        output.add(Unpooled.wrappedBuffer(new byte[] {2}));
        ByteBuf wire = output.finish();
        assertThat(wire.getUnsignedByte(3)).isEqualTo((short) 255);
        assertThat(wire.getUnsignedByte(8)).isEqualTo((short) 0);
        wire.release();
    }

    private static ByteBuf encode(byte[] payload, int sequence) {
        PacketOutput output = new PacketOutput(ByteBufAllocator.DEFAULT, sequence);
        output.add(Unpooled.wrappedBuffer(payload));
        return output.finish();
    }

    private static byte[] randomBytes(int size) {
        byte[] result = new byte[size];
        new Random(size).nextBytes(result);
        return result;
    }

    @Test
    void assertDecodingPausesAfterSslRequestSoTlsBytesAreNotParsed() {
        PacketDecoder decoder = new PacketDecoder(Long.MAX_VALUE);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        ByteBuf sslRequest = Unpooled.buffer();
        sslRequest.writeIntLE(Capabilities.CLIENT_SSL | Capabilities.CLIENT_PROTOCOL_41);
        sslRequest.writeZero(28);
        PacketOutput output = new PacketOutput(ByteBufAllocator.DEFAULT, 1);
        output.add(sslRequest);
        ByteBuf wire = output.finish();
        byte[] clientHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00};
        wire.writeBytes(clientHello);
        channel.writeInbound(wire);
        Packet packet = channel.readInbound();
        assertThat(packet.payload().readableBytes()).isEqualTo(32);
        packet.payload().release();
        assertThat((Object) channel.readInbound()).isNull();
        ByteBuf leftover = decoder.resumeAfterTls();
        byte[] rest = new byte[leftover.readableBytes()];
        leftover.readBytes(rest);
        leftover.release();
        assertThat(rest).isEqualTo(clientHello);
    }
}
