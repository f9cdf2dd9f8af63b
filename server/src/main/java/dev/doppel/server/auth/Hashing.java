package dev.doppel.server.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA digests and byte XOR shared by the authentication methods. */
final class Hashing {
    private Hashing() {
    }

    static byte[] sha1(byte[]... parts) {
        return digest("SHA-1", parts);
    }

    static byte[] sha256(byte[]... parts) {
        return digest("SHA-256", parts);
    }

    static MessageDigest sha256() {
        return messageDigest("SHA-256");
    }

    /** a XOR b over a's length; b repeats when it is shorter. */
    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i % b.length]);
        }
        return out;
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        MessageDigest md = messageDigest(algorithm);
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }
}
