package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MysqlNativePasswordTest {
    private static final byte[] SCRAMBLE = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void storedHashIsMySqlsPasswordFunction() {
        assertThat(MysqlNativePassword.storedHash("password")).isEqualTo("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
        assertThat(MysqlNativePassword.storedHash("secret")).isEqualTo("*14E65567ABDB5135D0CFD9A70B3032C179A49EE7");
        assertThat(MysqlNativePassword.storedHash("")).isEmpty();
    }

    @Test
    void clientScrambleVerifiesAgainstStoredHash() {
        String stored = MysqlNativePassword.storedHash("password");
        byte[] response = MysqlNativePassword.scramble(SCRAMBLE, "password");

        assertThat(response).hasSize(20);
        assertThat(MysqlNativePassword.verify(SCRAMBLE, response, stored)).isTrue();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, response, stored.toLowerCase())).isTrue();
    }

    @Test
    void wrongPasswordOrScrambleIsRejected() {
        String stored = MysqlNativePassword.storedHash("password");
        byte[] otherScramble = "01234567890123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(MysqlNativePassword.verify(SCRAMBLE, MysqlNativePassword.scramble(SCRAMBLE, "Password"), stored))
                .isFalse();
        assertThat(MysqlNativePassword.verify(otherScramble, MysqlNativePassword.scramble(SCRAMBLE, "password"), stored))
                .isFalse();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, new byte[0], stored)).isFalse();
    }

    @Test
    void emptyStoredHashAcceptsOnlyEmptyResponse() {
        assertThat(MysqlNativePassword.scramble(SCRAMBLE, "")).isEmpty();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, new byte[0], "")).isTrue();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, MysqlNativePassword.scramble(SCRAMBLE, "x"), "")).isFalse();
    }

    @Test
    void malformedStoredHashAcceptsNothing() {
        byte[] response = MysqlNativePassword.scramble(SCRAMBLE, "password");
        assertThat(MysqlNativePassword.verify(SCRAMBLE, response, "*2470C0C06DEE42FD")).isFalse();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, response, "X2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19")).isFalse();
        assertThat(MysqlNativePassword.verify(SCRAMBLE, response, "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1EZZ")).isFalse();
    }
}
