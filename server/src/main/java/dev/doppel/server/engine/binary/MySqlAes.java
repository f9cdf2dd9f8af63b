package dev.doppel.server.engine.binary;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.StatementEffects;
import org.h2.value.Value;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;

/**
 * AES_ENCRYPT and AES_DECRYPT as MySQL computes them, in the session's block_encryption_mode (aes-128-ecb by
 * default; 128, 192 or 256 bits; ECB, CBC, CFB8, CFB128 and OFB): the key is folded into the key length by XOR of its
 * bytes, ECB and CBC pad as PKCS#7, the other modes do not. The modes with an initialization vector need one of 16
 * bytes at least (1582 without, 1619 too short; its first 16 bytes are used); ECB ignores one with warning 1618. A
 * value that does not decrypt (wrong key, cut) gives NULL, as in MySQL.
 */
public final class MySqlAes {
    private static final int BLOCK = 16;

    private MySqlAes() {
    }

    public static byte[] encrypt(Value text, Value key) throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, "aes_encrypt", text, key, null);
    }

    public static byte[] encrypt(Value text, Value key, Value iv) throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, "aes_encrypt", text, key, iv);
    }

    public static byte[] decrypt(Value data, Value key) throws GeneralSecurityException {
        return run(Cipher.DECRYPT_MODE, "aes_decrypt", data, key, null);
    }

    public static byte[] decrypt(Value data, Value key, Value iv) throws GeneralSecurityException {
        return run(Cipher.DECRYPT_MODE, "aes_decrypt", data, key, iv);
    }

    private static byte[] run(int direction, String function, Value input, Value key, Value iv)
            throws GeneralSecurityException {
        String[] mode = mode();
        boolean needsIv = !mode[1].equals("ECB");
        if (needsIv && iv == null) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception(function);
        }
        if (!needsIv && iv != null) {
            StatementEffects.warning(1618, "<IV> option ignored");
        }
        if (MySqlValueBytes.isNull(input) || MySqlValueBytes.isNull(key) || needsIv && MySqlValueBytes.isNull(iv)) {
            return null;
        }
        byte[] vector = needsIv ? MySqlValueBytes.bytes(iv) : null;
        if (vector != null && vector.length < BLOCK) {
            throw MySqlError.ER_AES_INVALID_IV.exception(function, BLOCK);
        }
        int bits = Integer.parseInt(mode[0]);
        Cipher cipher = Cipher.getInstance("AES/" + mode[1] + "/" + (mode[1].equals("ECB") || mode[1].equals("CBC")
                ? "PKCS5Padding" : "NoPadding"));
        SecretKeySpec spec = new SecretKeySpec(foldedKey(MySqlValueBytes.bytes(key), bits / 8), "AES");
        if (needsIv) {
            cipher.init(direction, spec, new IvParameterSpec(Arrays.copyOf(vector, BLOCK)));
        } else {
            cipher.init(direction, spec);
        }
        try {
            return cipher.doFinal(MySqlValueBytes.bytes(input));
        } catch (GeneralSecurityException e) {
            if (direction == Cipher.DECRYPT_MODE) {
                return null; // MySQL: NULL for what the key does not decrypt
            }
            throw e;
        }
    }

    /** MySQL's key: the given bytes XORed into a buffer of the key length, in turn. */
    private static byte[] foldedKey(byte[] key, int length) {
        byte[] result = new byte[length];
        for (int i = 0; i < key.length; i++) {
            result[i % length] ^= key[i];
        }
        return result;
    }

    /** {bits, Java's mode name} of the session's block_encryption_mode. */
    private static String[] mode() {
        StatementEffects.Listener listener = StatementEffects.current();
        String value = listener == null ? "aes-128-ecb" : listener.blockEncryptionMode().toLowerCase(Locale.ROOT);
        String[] parts = value.split("-");
        if (parts.length != 3 || !parts[0].equals("aes") || !(parts[1].equals("128") || parts[1].equals("192")
                || parts[1].equals("256"))) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception("block_encryption_mode", value);
        }
        String cipher = switch (parts[2]) {
            case "ecb" -> "ECB";
            case "cbc" -> "CBC";
            case "cfb8" -> "CFB8";
            case "cfb128" -> "CFB128";
            case "ofb" -> "OFB";
            default -> throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception("block_encryption_mode", value);
        };
        return new String[] {parts[1], cipher};
    }
}
