package dev.doppel.server.engine.binary;

import dev.doppel.plugin.MySqlError;

import java.util.HexFormat;

/**
 * MySQL's UUID_TO_BIN, BIN_TO_UUID and IS_UUID (PUBLIC.MYSQL_UUID_TO_BIN, ...): a UUID's text (32 hex digits, with
 * the dashes of 8-4-4-4-12 or none, optionally in braces) and its 16 bytes, with the time-low and time-high groups
 * swapped when the flag asks (so that time-based UUIDs sort by time). Text that is no UUID is 1411, as in MySQL.
 */
public final class MySqlUuids {
    private static final HexFormat HEX = HexFormat.of();

    private MySqlUuids() {
    }

    public static byte[] uuidToBin(String text) {
        return uuidToBin(text, 0L);
    }

    public static byte[] uuidToBin(String text, Long swap) {
        if (text == null) {
            return null;
        }
        String digits = digits(text);
        if (digits == null) {
            throw MySqlError.ER_WRONG_VALUE_FOR_TYPE.exception("string", text, "uuid_to_bin");
        }
        byte[] bytes = HEX.parseHex(digits);
        return swap != null && swap != 0 ? swapped(bytes, true) : bytes;
    }

    public static String binToUuid(byte[] bytes) {
        return binToUuid(bytes, 0L);
    }

    public static String binToUuid(byte[] bytes, Long swap) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length != 16) {
            throw MySqlError.ER_WRONG_VALUE_FOR_TYPE.exception("string", HEX.formatHex(bytes), "bin_to_uuid");
        }
        String hex = HEX.formatHex(swap != null && swap != 0 ? swapped(bytes, false) : bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    public static Integer isUuid(String text) {
        return text == null ? null : digits(text) != null ? 1 : 0;
    }

    /** The 32 hex digits of a UUID's text, or null when it is none of MySQL's three forms. */
    private static String digits(String text) {
        String body = text;
        if (body.length() == 38 && body.charAt(0) == '{' && body.charAt(37) == '}') {
            body = body.substring(1, 37);
        }
        if (body.length() == 36) {
            for (int dash : new int[] {8, 13, 18, 23}) {
                if (body.charAt(dash) != '-') {
                    return null;
                }
            }
            body = body.substring(0, 8) + body.substring(9, 13) + body.substring(14, 18) + body.substring(19, 23)
                    + body.substring(24);
        } else if (text.length() != 32) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.digit(body.charAt(i), 16) < 0) {
                return null;
            }
        }
        return body.length() == 32 ? body : null;
    }

    /** time-high, time-mid, time-low (to binary) or back: bytes 6-7 and 0-3 trade places. */
    private static byte[] swapped(byte[] bytes, boolean toBinary) {
        byte[] result = new byte[16];
        if (toBinary) {
            System.arraycopy(bytes, 6, result, 0, 2);
            System.arraycopy(bytes, 4, result, 2, 2);
            System.arraycopy(bytes, 0, result, 4, 4);
        } else {
            System.arraycopy(bytes, 4, result, 0, 4);
            System.arraycopy(bytes, 2, result, 4, 2);
            System.arraycopy(bytes, 0, result, 6, 2);
        }
        System.arraycopy(bytes, 8, result, 8, 8);
        return result;
    }
}
