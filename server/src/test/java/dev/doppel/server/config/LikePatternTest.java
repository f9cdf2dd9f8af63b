package dev.doppel.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {
    @Test
    void percentAndUnderscore() {
        assertThat(LikePattern.of("character_set_%").matches("character_set_client")).isTrue();
        assertThat(LikePattern.of("%timeout").matches("wait_timeout")).isTrue();
        assertThat(LikePattern.of("%timeout").matches("wait_timeouts")).isFalse();
        assertThat(LikePattern.of("a_c").matches("abc")).isTrue();
        assertThat(LikePattern.of("a_c").matches("ac")).isFalse();
        assertThat(LikePattern.of("%").matches("")).isTrue();
        assertThat(LikePattern.of("a%b%c").matches("aXXbYYc")).isTrue();
        assertThat(LikePattern.of("a%b%c").matches("aXXcYYb")).isFalse();
    }

    @Test
    void caseInsensitive() {
        assertThat(LikePattern.of("AUTOCOMMIT").matches("autocommit")).isTrue();
        assertThat(LikePattern.of("Ssl%").matches("ssl_ca")).isTrue();
    }

    @Test
    void backslashEscapesWildcards() {
        assertThat(LikePattern.of("sql\\_mode").matches("sql_mode")).isTrue();
        assertThat(LikePattern.of("sql\\_mode").matches("sqlXmode")).isFalse();
        assertThat(LikePattern.of("100\\%").matches("100%")).isTrue();
        assertThat(LikePattern.of("100\\%").matches("1000")).isFalse();
        assertThat(LikePattern.of("a\\").matches("a\\")).isTrue();
    }
}
