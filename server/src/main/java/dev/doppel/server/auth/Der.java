package dev.doppel.server.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The few DER (ASN.1 distinguished encoding) elements that certificates and key files need; each returns TLV bytes. */
final class Der {
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int UTF8_STRING = 0x0C;
    private static final int PRINTABLE_STRING = 0x13;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    private static final int BOOLEAN = 0x01;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int CONTEXT_CONSTRUCTED = 0xA0;

    private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tlv(SEQUENCE, concat(elements));
    }

    /** A SET OF; the caller passes the elements in DER order (certificates here only ever hold one). */
    static byte[] set(byte[]... elements) {
        return tlv(SET, concat(elements));
    }

    static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] nullValue() {
        return tlv(NULL, new byte[0]);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1])));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, new BigInteger(arcs[i]));
        }
        return tlv(OBJECT_IDENTIFIER, out.toByteArray());
    }

    static byte[] utf8String(String value) {
        return tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] printableString(String value) {
        return tlv(PRINTABLE_STRING, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** A certificate validity time: UTCTime through 2049, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5). */
    static byte[] time(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC).withNano(0);
        if (t.getYear() < 2050) {
            return tlv(UTC_TIME, UTC_TIME_FORMAT.format(t).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    /** A BIT STRING of whole bytes (no unused bits). */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(BIT_STRING, content);
    }

    static byte[] octetString(byte[] bytes) {
        return tlv(OCTET_STRING, bytes);
    }

    /** [tag] EXPLICIT around one element. */
    static byte[] explicit(int tag, byte[] element) {
        return tlv(CONTEXT_CONSTRUCTED | tag, element);
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, BigInteger value) {
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = value.shiftRight(7 * i).intValue() & 0x7F;
            out.write(i == 0 ? group : group | 0x80);
        }
    }
}
