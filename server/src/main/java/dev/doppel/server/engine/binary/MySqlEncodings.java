package dev.doppel.server.engine.binary;

import dev.doppel.plugin.MySqlError;

import java.security.SecureRandom;
import java.util.Base64;

/** TO_BASE64, FROM_BASE64 and RANDOM_BYTES as MySQL has them. */
public final class MySqlEncodings {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** TO_BASE64 breaks its output into lines of this many characters, as MySQL does. */
    private static final int LINE = 76;

    private MySqlEncodings() {
    }

    /** TO_BASE64(bytes): lines of 76 characters joined by newlines. */
    public static String toBase64(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String encoded = Base64.getEncoder().encodeToString(bytes);
        StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / LINE);
        for (int i = 0; i < encoded.length(); i += LINE) {
            out.append(i == 0 ? "" : "\n").append(encoded, i, Math.min(encoded.length(), i + LINE));
        }
        return out.toString();
    }

    /** FROM_BASE64(text): the bytes, whitespace ignored; NULL when the text is not base-64. */
    public static byte[] fromBase64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RANDOM_BYTES(n), n from 1 to 1024 (1690 otherwise). */
    public static byte[] randomBytes(Long length) {
        if (length == null) {
            return null;
        }
        if (length < 1 || length > 1024) {
            throw MySqlError.ER_DATA_OUT_OF_RANGE.exception("length", "random_bytes");
        }
        byte[] bytes = new byte[length.intValue()];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
