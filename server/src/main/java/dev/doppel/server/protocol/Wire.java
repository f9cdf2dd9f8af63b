package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** MySQL's basic data types on the wire: length-encoded integers and strings, NUL-terminated strings. */
public final class Wire {
    public static final int NULL_COLUMN = 0xFB;

    private Wire() {
    }

    public static void writeLengthEncodedInt(ByteBuf out, long value) {
        if (value >= 0 && value < 251) {
            out.writeByte((int) value);
        } else if (value >= 0 && value < (1 << 16)) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value >= 0 && value < (1 << 24)) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    public static void writeLengthEncodedBytes(ByteBuf out, byte[] value) {
        writeLengthEncodedInt(out, value.length);
        out.writeBytes(value);
    }

    public static void writeLengthEncodedString(ByteBuf out, String value) {
        writeLengthEncodedBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a length-encoded string encoded as UTF-8 without an intermediate array when it is ASCII. */
    public static void writeLengthEncodedAscii(ByteBuf out, CharSequence value) {
        int length = value.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (!ascii) {
            writeLengthEncodedString(out, value.toString());
            return;
        }
        writeLengthEncodedInt(out, length);
        out.writeCharSequence(value, StandardCharsets.US_ASCII);
    }

    public static void writeNulTerminated(ByteBuf out, String value) {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /** Reads a length-encoded integer; returns -1 for the NULL marker 0xFB. */
    public static long readLengthEncodedInt(ByteBuf in) {
        int first = in.readUnsignedByte();
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> in.readUnsignedShortLE();
            case 0xFD -> in.readUnsignedMediumLE();
            case 0xFE -> in.readLongLE();
            default -> first;
        };
    }

    public static byte[] readLengthEncodedBytes(ByteBuf in) {
        long length = readLengthEncodedInt(in);
        if (length < 0) {
            return null;
        }
        if (length > in.readableBytes()) {
            throw new MalformedPacketException("length-encoded string longer than the packet");
        }
        byte[] result = new byte[(int) length];
        in.readBytes(result);
        return result;
    }

    public static String readLengthEncodedString(ByteBuf in, Charset charset) {
        byte[] bytes = readLengthEncodedBytes(in);
        return bytes == null ? null : new String(bytes, charset);
    }

    public static String readNulTerminated(ByteBuf in, Charset charset) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new MalformedPacketException("string without terminating NUL");
        }
        String result = in.toString(in.readerIndex(), end - in.readerIndex(), charset);
        in.readerIndex(end + 1);
        return result;
    }

    public static byte[] readNulTerminatedBytes(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            end = in.writerIndex();
        }
        byte[] result = new byte[end - in.readerIndex()];
        in.readBytes(result);
        if (in.isReadable()) {
            in.skipBytes(1);
        }
        return result;
    }

    public static String readRestAsString(ByteBuf in, Charset charset) {
        String result = in.toString(charset);
        in.readerIndex(in.writerIndex());
        return result;
    }

    /** The rest of the packet as statement text, every byte kept ({@link ClientText}). */
    public static String readRestAsText(ByteBuf in, Charset charset) {
        String result = ClientText.decode(in.nioBuffer(), charset);
        in.readerIndex(in.writerIndex());
        return result;
    }
}
