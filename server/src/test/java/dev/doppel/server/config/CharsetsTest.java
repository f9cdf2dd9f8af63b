package dev.doppel.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    @Test
    void collationIdsMatchMysql() {
        assertThat(Charsets.collation(255).orElseThrow().name()).isEqualTo("utf8mb4_0900_ai_ci");
        assertThat(Charsets.collation(45).orElseThrow().name()).isEqualTo("utf8mb4_general_ci");
        assertThat(Charsets.collation(46).orElseThrow().name()).isEqualTo("utf8mb4_bin");
        assertThat(Charsets.collation(224).orElseThrow().name()).isEqualTo("utf8mb4_unicode_ci");
        assertThat(Charsets.collation(33).orElseThrow().name()).isEqualTo("utf8mb3_general_ci");
        assertThat(Charsets.collation(83).orElseThrow().name()).isEqualTo("utf8mb3_bin");
        assertThat(Charsets.collation(192).orElseThrow().name()).isEqualTo("utf8mb3_unicode_ci");
        assertThat(Charsets.collation(8).orElseThrow().name()).isEqualTo("latin1_swedish_ci");
        assertThat(Charsets.collation(47).orElseThrow().name()).isEqualTo("latin1_bin");
        assertThat(Charsets.collation(63).orElseThrow().name()).isEqualTo("binary");
        assertThat(Charsets.collation(11).orElseThrow().name()).isEqualTo("ascii_general_ci");
        assertThat(Charsets.collation(54).orElseThrow().name()).isEqualTo("utf16_general_ci");
        assertThat(Charsets.collation(60).orElseThrow().name()).isEqualTo("utf32_general_ci");
        assertThat(Charsets.collation(1000)).isEmpty();
    }

    @Test
    void lookupByNameWithUtf8Alias() {
        assertThat(Charsets.charset("UTF8").orElseThrow().name()).isEqualTo("utf8mb3");
        assertThat(Charsets.collation("utf8_general_ci").orElseThrow().id()).isEqualTo(33);
        MySqlCharset utf8mb4 = Charsets.charset("utf8mb4").orElseThrow();
        assertThat(utf8mb4.javaCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8mb4.maxLength()).isEqualTo(4);
        assertThat(Charsets.defaultCollation(utf8mb4).id()).isEqualTo(255);
        assertThat(Charsets.charset("latin1").orElseThrow().javaCharset().name()).isEqualTo("windows-1252");
        assertThat(Charsets.charsetOf(Charsets.collation(63).orElseThrow()).name()).isEqualTo("binary");
        assertThat(Charsets.charset("klingon")).isEmpty();
    }
}
