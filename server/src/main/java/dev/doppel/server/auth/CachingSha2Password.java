package dev.doppel.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import javax.crypto.Cipher;

/**
 * caching_sha2_password, MySQL 8.4's default authentication method.
 *
 * <p>The account stores {@code $A$005$<20-byte salt><43-char SHA-256-crypt digest>} (5000 rounds; the round
 * count is stored in thousands, as three upper-case hex digits). A client first sends a scramble that only a
 * server holding SHA256(SHA256(password)) in its cache can check ("fast authentication"); otherwise it sends the
 * password itself, over TLS or RSA-encrypted, and the server checks it against the stored digest.
 */
public final class CachingSha2Password {
    public static final String PLUGIN_NAME = "caching_sha2_password";

    /** Protocol bytes of the exchange after the scramble. */
    public static final byte REQUEST_PUBLIC_KEY = 2;
    public static final byte FAST_AUTH_SUCCESS = 3;
    public static final byte PERFORM_FULL_AUTHENTICATION = 4;

    /** MySQL refuses to hash or check passwords longer than this (CACHING_SHA2_PASSWORD_MAX_PASSWORD_LENGTH). */
    public static final int MAX_PASSWORD_LENGTH = 256;
    public static final int DEFAULT_DIGEST_ROUNDS = 5_000;

    static final int SALT_LENGTH = 20;
    private static final int STORED_DIGEST_LENGTH = 43;
    private static final int ITERATION_MULTIPLIER = 1_000;
    private static final int SHA256_LENGTH = 32;
    /** MySQL 8.0.5+ clients and servers pad the RSA-encrypted password with OAEP (SHA-1, MGF1). */
    private static final String RSA_TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CachingSha2Password() {
    }

    /** A new authentication_string for this password with a fresh salt; empty for the empty password. */
    public static String storedHash(String password) {
        return storedHash(password, DEFAULT_DIGEST_ROUNDS);
    }

    /** As {@link #storedHash(String)} with caching_sha2_password_digest_rounds = {@code rounds}. */
    public static String storedHash(String password, int rounds) {
        if (password.isEmpty()) {
            return "";
        }
        return storedHash(password, newSalt(), rounds);
    }

    /** The authentication_string for this password and salt (20 bytes from {@link #newSalt()} or a stored hash). */
    static String storedHash(String password, byte[] salt, int rounds) {
        byte[] key = utf8(password);
        if (key.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_LENGTH + " bytes");
        }
        if (rounds < Sha256Crypt.MIN_ROUNDS || rounds > Sha256Crypt.MAX_ROUNDS) {
            throw new IllegalArgumentException("digest rounds out of range: " + rounds);
        }
        String iterations = String.format(Locale.ROOT, "%03X", rounds / ITERATION_MULTIPLIER);
        return "$A$" + iterations + "$" + new String(salt, StandardCharsets.ISO_8859_1)
                + Sha256Crypt.digest(key, salt, rounds);
    }

    /** Checks a cleartext password (full authentication) against an authentication_string. */
    public static boolean verifyCleartext(String password, String storedHash) {
        byte[] key = utf8(password);
        if (key.length > MAX_PASSWORD_LENGTH) {
            return false;
        }
        if (storedHash == null || storedHash.isEmpty()) {
            return key.length == 0;
        }
        StoredHash parsed = StoredHash.parse(storedHash);
        if (parsed == null) {
            return false;
        }
        String computed = Sha256Crypt.digest(key, parsed.salt(), parsed.rounds());
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), parsed.digest().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether an authentication_string has the shape MySQL accepts ("" included). */
    public static boolean isValidStoredHash(String storedHash) {
        return storedHash.isEmpty() || StoredHash.parse(storedHash) != null;
    }

    /** SHA256(SHA256(password)): what the server caches after a successful full authentication. */
    public static byte[] fastDigest(String password) {
        return Hashing.sha256(Hashing.sha256(utf8(password)));
    }

    /**
     * Fast authentication: the client sent XOR(SHA256(pw), SHA256(SHA256(SHA256(pw)) || nonce)); recover SHA256(pw)
     * with the cached digest and check that it hashes to that digest.
     */
    public static boolean verifyScramble(byte[] nonce20, byte[] clientResponse32, byte[] fastDigest) {
        if (clientResponse32.length != SHA256_LENGTH || fastDigest.length != SHA256_LENGTH) {
            return false;
        }
        byte[] stage1 = Hashing.xor(clientResponse32, Hashing.sha256(fastDigest, nonce20));
        return MessageDigest.isEqual(Hashing.sha256(stage1), fastDigest);
    }

    /** What a client sends as its first response for this password (empty for the empty password). */
    public static byte[] clientScramble(byte[] nonce20, String password) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = Hashing.sha256(utf8(password));
        byte[] stage2 = Hashing.sha256(stage1);
        return Hashing.xor(stage1, Hashing.sha256(stage2, nonce20));
    }

    /**
     * Full authentication without TLS: the client sent (password || NUL) XOR nonce (repeated), RSA-encrypted with
     * the server's public key. Returns the cleartext password, cut at its first NUL as MySQL does.
     *
     * @throws GeneralSecurityException when the packet does not decrypt with this key
     */
    public static String decryptPassword(byte[] encrypted, byte[] nonce20, RSAPrivateKey key)
            throws GeneralSecurityException {
        int cipherLength = (key.getModulus().bitLength() + 7) / 8;
        if (encrypted.length != cipherLength) {
            throw new GeneralSecurityException(
                    "encrypted password is " + encrypted.length + " bytes, the key needs " + cipherLength);
        }
        Cipher cipher = Cipher.getInstance(RSA_TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key);
        byte[] plain = Hashing.xor(cipher.doFinal(encrypted), nonce20);
        int end = 0;
        while (end < plain.length && plain[end] != 0) {
            end++;
        }
        return new String(plain, 0, end, StandardCharsets.UTF_8);
    }

    /** The client side of {@link #decryptPassword}. */
    public static byte[] encryptPassword(String password, byte[] nonce20, RSAPublicKey key)
            throws GeneralSecurityException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(utf8(password));
        plain.write(0);
        Cipher cipher = Cipher.getInstance(RSA_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(Hashing.xor(plain.toByteArray(), nonce20));
    }

    /**
     * A salt as MySQL's generate_user_salt makes it: random bytes cut to 7 bits, with NUL and '$' bumped to the
     * next character so that the authentication_string stays a valid, parseable string.
     */
    static byte[] newSalt() {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        for (int i = 0; i < salt.length; i++) {
            salt[i] &= 0x7F;
            if (salt[i] == 0 || salt[i] == '$') {
                salt[i]++;
            }
        }
        return salt;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The parts of {@code $A$<rounds/1000 in hex>$<salt><digest>}, parsed the way MySQL's deserialize does. */
    private record StoredHash(int rounds, byte[] salt, String digest) {
        static StoredHash parse(String s) {
            int first = s.indexOf('$');
            if (first < 0 || !s.startsWith("A", first + 1)) {
                return null;
            }
            int second = s.indexOf('$', first + 1);
            int third = second < 0 ? -1 : s.indexOf('$', second + 1);
            if (third < 0 || third - second != 4) {
                return null;
            }
            int thousands;
            try {
                thousands = Integer.parseInt(s, second + 1, third, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (thousands <= 0) {
                return null;
            }
            int saltStart = third + 1;
            if (s.length() != saltStart + SALT_LENGTH + STORED_DIGEST_LENGTH) {
                return null;
            }
            String salt = s.substring(saltStart, saltStart + SALT_LENGTH);
            if (!salt.chars().allMatch(c -> c < 0x100)) {
                return null;
            }
            int rounds = Math.min(thousands, Sha256Crypt.MAX_ROUNDS / ITERATION_MULTIPLIER) * ITERATION_MULTIPLIER;
            return new StoredHash(rounds, salt.getBytes(StandardCharsets.ISO_8859_1),
                    s.substring(saltStart + SALT_LENGTH));
        }
    }
}
