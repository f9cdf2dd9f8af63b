package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CachingSha2PasswordTest {
    private static final byte[] NONCE = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair rsa;

    @BeforeAll
    static void rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    /** A hash written by a real MySQL 8.0 server for the password "password" (hashcat issue #2305). */
    @Test
    void verifiesHashProducedByMySql() {
        byte[] salt = HexFormat.of().parseHex("452d0e6c4c6079551a4e2378547d025033553032");
        String stored = "$A$005$" + new String(salt, StandardCharsets.ISO_8859_1)
                + "zGfdIsppFL1sO8o0.WUA8ccu85YoD44Aq0bTE0GFCo4";

        assertThat(stored).hasSize(70);
        assertThat(CachingSha2Password.isValidStoredHash(stored)).isTrue();
        assertThat(CachingSha2Password.verifyCleartext("password", stored)).isTrue();
        assertThat(CachingSha2Password.verifyCleartext("Password", stored)).isFalse();
        assertThat(CachingSha2Password.storedHash("password", salt, 5000)).isEqualTo(stored);
    }

    /** hashcat's example hash for mode 7401 (MySQL $A$), password "hashcat", salt and digest given in hex. */
    @Test
    void verifiesHashcatExample() {
        byte[] salt = HexFormat.of().parseHex("F9CC98CE08892924F50A213B6BC571A2C11778C5");
        String digest = new String(HexFormat.of().parseHex(
                "625479393559393965414D45316477456B484F41316E64484742577A2E3162785353526B7554584647562F"),
                StandardCharsets.US_ASCII);

        assertThat(CachingSha2Password.storedHash("hashcat", salt, 5000)).endsWith(digest);
    }

    @Test
    void storedHashHasMySqlsShape() {
        String stored = CachingSha2Password.storedHash("s3cret!");

        assertThat(stored).hasSize(70).startsWith("$A$005$");
        String salt = stored.substring(7, 27);
        assertThat(salt.chars()).allMatch(c -> c >= 1 && c <= 0x7F && c != '$');
        assertThat(stored.substring(27)).matches("[./0-9A-Za-z]{43}");
        assertThat(CachingSha2Password.verifyCleartext("s3cret!", stored)).isTrue();
        assertThat(CachingSha2Password.verifyCleartext("s3cret", stored)).isFalse();
        assertThat(CachingSha2Password.storedHash("s3cret!")).isNotEqualTo(stored);
    }

    @Test
    void roundCountIsStoredInThousandsAsUpperCaseHex() {
        byte[] salt = CachingSha2Password.newSalt();
        String stored = CachingSha2Password.storedHash("pw", salt, 10_000);

        assertThat(stored).startsWith("$A$00A$");
        assertThat(CachingSha2Password.verifyCleartext("pw", stored)).isTrue();
        assertThat(CachingSha2Password.verifyCleartext("pw", stored.replace("$A$00A$", "$A$005$"))).isFalse();
    }

    @Test
    void emptyPasswordIsStoredEmptyAndOnlyMatchesEmpty() {
        assertThat(CachingSha2Password.storedHash("")).isEmpty();
        assertThat(CachingSha2Password.verifyCleartext("", "")).isTrue();
        assertThat(CachingSha2Password.verifyCleartext("x", "")).isFalse();
        assertThat(CachingSha2Password.verifyCleartext("", CachingSha2Password.storedHash("x"))).isFalse();
    }

    @Test
    void malformedStoredHashesAreRejected() {
        String good = CachingSha2Password.storedHash("pw");
        assertThat(CachingSha2Password.isValidStoredHash(good.substring(0, 69))).isFalse();
        assertThat(CachingSha2Password.isValidStoredHash(good.replace("$A$", "$B$"))).isFalse();
        assertThat(CachingSha2Password.isValidStoredHash("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19")).isFalse();
        assertThat(CachingSha2Password.verifyCleartext("pw", "$A$0Z5$" + good.substring(7))).isFalse();
    }

    @Test
    void tooLongPasswordsAreRefused() {
        String longPassword = "x".repeat(CachingSha2Password.MAX_PASSWORD_LENGTH + 1);
        assertThatThrownBy(() -> CachingSha2Password.storedHash(longPassword)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CachingSha2Password.verifyCleartext(longPassword, CachingSha2Password.storedHash("x"))).isFalse();
    }

    @Test
    void fastDigestIsDoubleSha256() {
        assertThat(HexFormat.of().formatHex(CachingSha2Password.fastDigest("password")))
                .isEqualTo(HexFormat.of().formatHex(Hashing.sha256(Hashing.sha256(
                        "password".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void clientScrambleVerifiesAgainstFastDigest() {
        byte[] response = CachingSha2Password.clientScramble(NONCE, "p\u00e4ssw\u00f6rd");
        byte[] digest = CachingSha2Password.fastDigest("p\u00e4ssw\u00f6rd");

        assertThat(response).hasSize(32);
        assertThat(CachingSha2Password.verifyScramble(NONCE, response, digest)).isTrue();
        assertThat(CachingSha2Password.verifyScramble(NONCE, response, CachingSha2Password.fastDigest("other"))).isFalse();
        assertThat(CachingSha2Password.verifyScramble("abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII),
                response, digest)).isFalse();
        assertThat(CachingSha2Password.verifyScramble(NONCE, new byte[20], digest)).isFalse();
        assertThat(CachingSha2Password.clientScramble(NONCE, "")).isEmpty();
    }

    /** The scramble hashes SHA256(SHA256(pw)) first and the nonce second (sha2_password_common.cc). */
    @Test
    void scrambleConcatenatesDigestThenNonce() {
        byte[] pw = "password".getBytes(StandardCharsets.UTF_8);
        byte[] stage1 = Hashing.sha256(pw);
        byte[] expected = Hashing.xor(stage1, Hashing.sha256(Hashing.sha256(stage1), NONCE));

        assertThat(CachingSha2Password.clientScramble(NONCE, "password")).isEqualTo(expected);
    }

    @Test
    void rsaEncryptedPasswordRoundTrips() throws GeneralSecurityException {
        byte[] encrypted = CachingSha2Password.encryptPassword("a much longer password than the nonce \u20ac",
                NONCE, (RSAPublicKey) rsa.getPublic());

        assertThat(encrypted).hasSize(256);
        assertThat(CachingSha2Password.decryptPassword(encrypted, NONCE, (RSAPrivateKey) rsa.getPrivate()))
                .isEqualTo("a much longer password than the nonce \u20ac");
    }

    @Test
    void rsaEncryptedPasswordWithWrongNonceOrKeyFails() throws GeneralSecurityException {
        byte[] encrypted = CachingSha2Password.encryptPassword("pw", NONCE, (RSAPublicKey) rsa.getPublic());
        byte[] otherNonce = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(CachingSha2Password.decryptPassword(encrypted, otherNonce, (RSAPrivateKey) rsa.getPrivate()))
                .isNotEqualTo("pw");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey otherKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> CachingSha2Password.decryptPassword(encrypted, NONCE, otherKey))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> CachingSha2Password.decryptPassword(new byte[10], NONCE,
                (RSAPrivateKey) rsa.getPrivate())).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void emptyPasswordSurvivesRsa() throws GeneralSecurityException {
        byte[] encrypted = CachingSha2Password.encryptPassword("", NONCE, (RSAPublicKey) rsa.getPublic());
        assertThat(CachingSha2Password.decryptPassword(encrypted, NONCE, (RSAPrivateKey) rsa.getPrivate())).isEmpty();
    }

    @Test
    void saltsFollowGenerateUserSalt() {
        for (int i = 0; i < 200; i++) {
            byte[] salt = CachingSha2Password.newSalt();
            assertThat(salt).hasSize(20);
            for (byte b : salt) {
                assertThat(b).isBetween((byte) 1, (byte) 0x7F).isNotEqualTo((byte) '$');
            }
        }
    }
}
