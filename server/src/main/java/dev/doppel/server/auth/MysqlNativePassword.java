package dev.doppel.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * mysql_native_password: the account stores {@code *} + hex(SHA1(SHA1(password))); the client proves it knows
 * the password with SHA1(password) XOR SHA1(scramble || SHA1(SHA1(password))).
 */
public final class MysqlNativePassword {
    public static final String PLUGIN_NAME = "mysql_native_password";

    private static final int SHA1_LENGTH = 20;
    private static final int STORED_HASH_LENGTH = 1 + 2 * SHA1_LENGTH;

    private MysqlNativePassword() {
    }

    /** The authentication_string MySQL stores for this password; empty for the empty password. */
    public static String storedHash(String password) {
        if (password.isEmpty()) {
            return "";
        }
        byte[] stage2 = Hashing.sha1(Hashing.sha1(utf8(password)));
        return "*" + HexFormat.of().withUpperCase().formatHex(stage2);
    }

    /**
     * Checks the client's auth response against the stored hash. An empty stored hash accepts only an empty
     * response; a malformed stored hash accepts nothing.
     */
    public static boolean verify(byte[] scramble20, byte[] clientResponse, String storedHash) {
        if (storedHash == null || storedHash.isEmpty()) {
            return clientResponse.length == 0;
        }
        if (clientResponse.length != SHA1_LENGTH) {
            return false;
        }
        byte[] stage2 = parseStoredHash(storedHash);
        if (stage2 == null) {
            return false;
        }
        byte[] stage1 = Hashing.xor(clientResponse, Hashing.sha1(scramble20, stage2));
        return MessageDigest.isEqual(Hashing.sha1(stage1), stage2);
    }

    /** What a client sends for this password (empty for the empty password). */
    public static byte[] scramble(byte[] scramble20, String password) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = Hashing.sha1(utf8(password));
        byte[] stage2 = Hashing.sha1(stage1);
        return Hashing.xor(stage1, Hashing.sha1(scramble20, stage2));
    }

    private static byte[] parseStoredHash(String storedHash) {
        if (storedHash.length() != STORED_HASH_LENGTH || storedHash.charAt(0) != '*') {
            return null;
        }
        try {
            return HexFormat.of().parseHex(storedHash, 1, STORED_HASH_LENGTH);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
