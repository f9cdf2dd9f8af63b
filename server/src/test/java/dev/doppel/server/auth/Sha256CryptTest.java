package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Test vectors of Drepper's SHA-crypt specification (SHA-crypt.txt), 5000 rounds. */
class Sha256CryptTest {
    @Test
    void helloWorldWithSaltstring() {
        assertThat(Sha256Crypt.digest(ascii("Hello world!"), ascii("saltstring"), 5000))
                .isEqualTo("5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
    }

    @Test
    void thisIsJustATest() {
        assertThat(Sha256Crypt.digest(ascii("This is just a test"), ascii("toolongsaltstrin"), 5000))
                .isEqualTo("Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5");
    }

    @Test
    void roundsOutsideMySqlsBoundsFallBackToDefault() {
        assertThat(Sha256Crypt.digest(ascii("Hello world!"), ascii("saltstring"), 1000))
                .isEqualTo("5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
