package dev.doppel.server.auth;

import java.security.MessageDigest;

/**
 * Ulrich Drepper's SHA-256-crypt, as MySQL's my_crypt_genhash computes it for caching_sha2_password: the
 * 43-character digest part only, with the salt used as given (MySQL's salts are 20 bytes, longer than the 16
 * that crypt(3) allows).
 */
final class Sha256Crypt {
    static final int MIN_ROUNDS = 5_000;
    static final int MAX_ROUNDS = 0xFFF * 1_000;

    private static final int DIGEST_LENGTH = 32;
    private static final char[] B64 =
            "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Sha256Crypt() {
    }

    /** The 43-character digest; a round count outside MySQL's bounds falls back to 5000, as MySQL does. */
    static String digest(byte[] key, byte[] salt, int rounds) {
        if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
            rounds = MIN_ROUNDS;
        }
        MessageDigest md = Hashing.sha256();

        md.update(key);
        md.update(salt);
        md.update(key);
        byte[] alternate = md.digest();

        md.update(key);
        md.update(salt);
        addRepeated(md, alternate, key.length);
        for (int i = key.length; i > 0; i >>= 1) {
            if ((i & 1) != 0) {
                md.update(alternate);
            } else {
                md.update(key);
            }
        }
        byte[] c = md.digest();

        for (int i = 0; i < key.length; i++) {
            md.update(key);
        }
        byte[] p = repeatTo(md.digest(), key.length);

        for (int i = 0; i < 16 + (c[0] & 0xFF); i++) {
            md.update(salt);
        }
        byte[] s = repeatTo(md.digest(), salt.length);

        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }
        return encode(c);
    }

    private static void addRepeated(MessageDigest md, byte[] block, int length) {
        int i = length;
        for (; i > DIGEST_LENGTH; i -= DIGEST_LENGTH) {
            md.update(block);
        }
        md.update(block, 0, i);
    }

    private static byte[] repeatTo(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % DIGEST_LENGTH];
        }
        return out;
    }

    /** The crypt base-64 of the final digest, with the byte order SHA-256-crypt prescribes. */
    private static String encode(byte[] d) {
        StringBuilder sb = new StringBuilder(43);
        int[][] groups = {
            {0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
            {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29},
        };
        for (int[] g : groups) {
            append(sb, ((d[g[0]] & 0xFF) << 16) | ((d[g[1]] & 0xFF) << 8) | (d[g[2]] & 0xFF), 4);
        }
        append(sb, ((d[31] & 0xFF) << 8) | (d[30] & 0xFF), 3);
        return sb.toString();
    }

    private static void append(StringBuilder sb, int w, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(B64[w & 0x3F]);
            w >>>= 6;
        }
    }
}
