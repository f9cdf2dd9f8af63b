package dev.doppel.server.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random and mutated packets: handshake responses, commands, and COM_STMT_EXECUTE parameter blocks. */
final class FuzzPackets {
    static final int COM_QUERY = 0x03;
    static final int COM_FIELD_LIST = 0x04;
    static final int COM_PING = 0x0e;
    static final int COM_CHANGE_USER = 0x11;
    static final int COM_STMT_PREPARE = 0x16;
    static final int COM_STMT_EXECUTE = 0x17;
    static final int COM_STMT_SEND_LONG_DATA = 0x18;
    static final int COM_STMT_CLOSE = 0x19;
    static final int COM_STMT_RESET = 0x1a;

    /** Parameter types of the binary protocol, valid ones and a few that are not. */
    private static final int[] TYPES = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d,
        0x0f, 0x10, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff, 0x11, 0x42};

    private final Random random;

    FuzzPackets(Random random) {
        this.random = random;
    }

    /** A handshake response for {@code user}, flipped, cut or lengthened at random. */
    byte[] handshake(String user) {
        byte[] valid = FuzzConnection.loginPacket(user);
        return switch (random.nextInt(4)) {
            case 0 -> bytes(random.nextInt(64));
            case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            default -> flip(valid, 1 + random.nextInt(6));
        };
    }

    byte[] command(int command, byte[] body) {
        byte[] payload = new byte[body.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(body, 0, payload, 1, body.length);
        return payload;
    }

    byte[] query(String sql) {
        return command(COM_QUERY, sql.getBytes(random.nextInt(5) == 0 ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8));
    }

    /** COM_STMT_EXECUTE of {@code statement} with {@code parameters}: a random, sometimes malformed, block. */
    byte[] execute(long statement, int parameters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(COM_STMT_EXECUTE);
        int4(out, random.nextInt(8) == 0 ? random.nextInt() : (int) statement);
        out.write(random.nextInt(8) == 0 ? random.nextInt(256) : 0); // flags (cursor types)
        int4(out, random.nextInt(8) == 0 ? random.nextInt() : 1); // iteration count
        int count = random.nextInt(8) == 0 ? random.nextInt(5) : parameters;
        byte[] nulls = new byte[(count + 7) / 8];
        for (int i = 0; i < count; i++) {
            if (random.nextInt(6) == 0) {
                nulls[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        out.writeBytes(nulls);
        out.write(random.nextInt(8) == 0 ? 0 : 1); // new-params-bound
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = TYPES[random.nextInt(TYPES.length)];
            out.write(types[i]);
            out.write(random.nextInt(4) == 0 ? 0x80 : 0); // unsigned flag
        }
        for (int i = 0; i < count; i++) {
            if ((nulls[i / 8] & (1 << (i % 8))) == 0) {
                value(out, types[i]);
            }
        }
        byte[] block = out.toByteArray();
        return random.nextInt(10) == 0 ? java.util.Arrays.copyOf(block, random.nextInt(block.length + 1)) : block;
    }

    private void value(ByteArrayOutputStream out, int type) {
        switch (type) {
            case 0x01 -> out.write(random.nextInt(256));
            case 0x02, 0x0d -> int2(out, random.nextInt(65536));
            case 0x03, 0x09 -> int4(out, random.nextInt());
            case 0x04 -> int4(out, Float.floatToIntBits(special()));
            case 0x05 -> int8(out, Double.doubleToLongBits(special()));
            case 0x08 -> int8(out, random.nextLong());
            case 0x07, 0x0a, 0x0c -> date(out);
            case 0x0b -> time(out);
            case 0xf6 -> lengthEncoded(out, pick("abc", "1e999", "--1", "1.2.3", "", "99999999999999999999999999999.99",
                    "NaN", "-0", "1e-400", "0x1F"));
            case 0xf5 -> lengthEncoded(out, pick("{", "[1,2]", "{\"a\":", "null", "\"\\ud800\""));
            case 0x06 -> {
                // NULL type: no value
            }
            default -> {
                byte[] raw = bytes(random.nextInt(40));
                if (random.nextInt(10) == 0) {
                    out.write(0xFC);
                    int2(out, 60000); // claims more bytes than follow
                    out.writeBytes(raw);
                } else {
                    out.write(raw.length);
                    out.writeBytes(raw);
                }
            }
        }
    }

    private float special() {
        return new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, Float.MAX_VALUE,
            random.nextFloat()}[random.nextInt(6)];
    }

    /** DATE, DATETIME, TIMESTAMP: length 0, 4, 7 or 11, with months, days and hours out of range. */
    private void date(ByteArrayOutputStream out) {
        int length = new int[] {0, 4, 7, 11, 3, 12}[random.nextInt(6)];
        out.write(length);
        byte[] value = new byte[length];
        if (length >= 4) {
            int year = random.nextInt(10000);
            value[0] = (byte) year;
            value[1] = (byte) (year >> 8);
            value[2] = (byte) random.nextInt(15);
            value[3] = (byte) random.nextInt(33);
        }
        for (int i = 4; i < Math.min(7, length); i++) {
            value[i] = (byte) random.nextInt(70);
        }
        for (int i = 7; i < length; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        out.writeBytes(value);
    }

    /** TIME: length 0, 8 or 12; days, hours and minutes out of range. */
    private void time(ByteArrayOutputStream out) {
        int length = new int[] {0, 8, 12, 5}[random.nextInt(4)];
        out.write(length);
        byte[] value = bytes(length);
        if (length >= 8) {
            value[0] = (byte) random.nextInt(2);
            value[5] = (byte) random.nextInt(30);
        }
        out.writeBytes(value);
    }

    byte[] changeUser(String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(COM_CHANGE_USER);
        out.writeBytes((random.nextBoolean() ? user : new String(bytes(8), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(random.nextInt(3) == 0 ? random.nextInt(256) : 0);
        out.writeBytes(bytes(random.nextInt(30)));
        byte[] packet = out.toByteArray();
        if (random.nextBoolean()) {
            packet = flip(packet, 2);
            packet[0] = COM_CHANGE_USER; // a flipped command byte would be another command, one without a reply
        }
        return packet;
    }

    byte[] fieldList() {
        String table = random.nextBoolean() ? "t" : new String(bytes(random.nextInt(20)), StandardCharsets.ISO_8859_1);
        byte[] name = table.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[name.length + (random.nextBoolean() ? 1 : 0) + (random.nextBoolean() ? 2 : 0)];
        System.arraycopy(name, 0, body, 0, name.length);
        if (body.length > name.length + 1) {
            body[body.length - 1] = '%';
        }
        return command(COM_FIELD_LIST, body);
    }

    byte[] bytes(int length) {
        byte[] result = new byte[length];
        random.nextBytes(result);
        return result;
    }

    private byte[] flip(byte[] valid, int flips) {
        byte[] result = valid.clone();
        for (int i = 0; i < flips && result.length > 0; i++) {
            result[random.nextInt(result.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return result;
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static void lengthEncoded(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void int2(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >> 8);
    }

    private static void int4(ByteArrayOutputStream out, int value) {
        int2(out, value);
        int2(out, value >> 16);
    }

    private static void int8(ByteArrayOutputStream out, long value) {
        int4(out, (int) value);
        int4(out, (int) (value >> 32));
    }
}
