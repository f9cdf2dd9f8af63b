package dev.doppel.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a client sent, decoded without losing a byte. The bytes that are no character in the client's character set
 * (a BLOB's bytes inside a string literal, sent by a driver or a dump without --hex-blob) become one char each,
 * U+DC80..U+DCFF for 0x80..0xFF (U+DC00..U+DC7F for the rest): lone low surrogates, which no valid text decodes to.
 * So statement text can stay a Java string through the lexer and the translation, and a literal still knows its
 * bytes ({@link #bytes}) where they matter: into a binary column they go byte for byte.
 */
public final class ClientText {
    private static final char RAW_BASE = 0xDC00;

    private ClientText() {
    }

    public static String decode(byte[] bytes, Charset charset) {
        return decode(ByteBuffer.wrap(bytes), charset);
    }

    public static String decode(ByteBuffer in, Charset charset) {
        if (isAscii(in) && asciiCompatible(charset)) {
            byte[] ascii = new byte[in.remaining()];
            in.get(ascii);
            return new String(ascii, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 4);
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
            if (result.isUnderflow()) {
                if (!in.hasRemaining()) {
                    decoder.flush(out);
                    break;
                }
                continue;
            }
            if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 4);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            for (int i = 0; i < result.length(); i++) {
                if (!out.hasRemaining()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 4);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put((char) (RAW_BASE + (in.get() & 0xFF)));
            }
        }
        out.flip();
        return out.toString();
    }

    private static boolean isAscii(ByteBuffer in) {
        for (int i = in.position(); i < in.limit(); i++) {
            if (in.get(i) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiCompatible(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII) || charset.name().startsWith("windows-125");
    }

    /** Whether the text holds bytes that were no character in the client's character set. */
    public static boolean hasRawBytes(CharSequence text) {
        return firstRawByte(text) >= 0;
    }

    /** Where the first byte that was no character sits in {@code text}, or -1. */
    public static int firstRawByte(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRaw(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The bytes of {@code text} in {@code charset}, raw bytes as they came (the inverse of {@link #decode}). */
    public static byte[] bytes(CharSequence text, Charset charset) {
        if (!hasRawBytes(text)) {
            return text.toString().getBytes(charset);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isRaw(text, i)) {
                if (i > runStart) {
                    try {
                        ByteBuffer run = encoder.reset().encode(CharBuffer.wrap(text, runStart, i));
                        out.write(run.array(), run.arrayOffset() + run.position(), run.remaining());
                    } catch (CharacterCodingException e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (i < text.length()) {
                    out.write(text.charAt(i) - RAW_BASE);
                }
                runStart = i + 1;
            }
        }
        return out.toByteArray();
    }

    /** The bytes of {@code text} as UTF-8, raw bytes as they came: what a binary column stores for a string literal. */
    public static byte[] utf8Bytes(CharSequence text) {
        return bytes(text, StandardCharsets.UTF_8);
    }

    /** A raw byte: a low surrogate in U+DC00..U+DCFF that is not the second half of a pair (a 4-byte character). */
    private static boolean isRaw(CharSequence text, int i) {
        char c = text.charAt(i);
        return c >= RAW_BASE && c <= RAW_BASE + 0xFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
