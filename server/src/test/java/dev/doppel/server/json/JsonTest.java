package dev.doppel.server.json;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    private static String normalized(String text) {
        return Json.write(Json.parse(text));
    }

    @Test
    void assertTextNormalizedAsMySqlPrintsIt() {
        assertThat(normalized("{\"b\":[1,2],\"a\":1}")).isEqualTo("{\"a\": 1, \"b\": [1, 2]}");
        assertThat(normalized(" [ ] ")).isEqualTo("[]");
        assertThat(normalized("{}")).isEqualTo("{}");
        assertThat(normalized("[true, false, null, \"x\"]")).isEqualTo("[true, false, null, \"x\"]");
    }

    @Test
    void assertKeysSortedByLengthThenBytesAndLastDuplicateWins() {
        assertThat(normalized("{\"bb\": 1, \"a\": 2, \"ab\": 3, \"b\": 4, \"a\": 5}"))
                .isEqualTo("{\"a\": 5, \"b\": 4, \"ab\": 3, \"bb\": 1}");
        assertThat(normalized("{\"é\": 1, \"z\": 2}")).isEqualTo("{\"z\": 2, \"é\": 1}");
    }

    @Test
    void assertNumbersKeepTheirKind() {
        assertThat(Json.parse("5")).isEqualTo(5L);
        assertThat(Json.parse("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(Json.parse("1.5")).isEqualTo(1.5);
        assertThat(normalized("[1e10, 1.50, -0.25, 1e300, 0.000001]"))
                .isEqualTo("[10000000000.0, 1.5, -0.25, 1e300, 1e-6]");
        assertThat(Json.typeName(Json.parse("-1"))).isEqualTo("INTEGER");
        assertThat(Json.typeName(Json.parse("1.0"))).isEqualTo("DOUBLE");
    }

    @Test
    void assertStringsEscapedAsMySqlDoes() {
        assertThat(normalized("\"a\\\"b\\\\c\\/d\\n\\u0001\\u00e9\"")).isEqualTo("\"a\\\"b\\\\c/d\\n\\u0001é\"");
    }

    @Test
    void assertInvalidTextReportsMySqlMessageAndPosition() {
        assertError("", "The document is empty.", 0);
        assertError("abc", "Invalid value.", 0);
        assertError("tru", "Invalid value.", 3);
        assertError("{\"a\": 1", "Missing a comma or '}' after an object member.", 7);
        assertError("{\"a\" 1}", "Missing a colon after a name of object member.", 5);
        assertError("{a: 1}", "Missing a name for object member.", 1);
        assertError("[1, 2", "Missing a comma or ']' after an array element.", 5);
        assertError("[1] x", "The document root must not be followed by other values.", 4);
        assertError("\"abc", "Missing a closing quotation mark in string.", 4);
        assertError("\"a\\qb\"", "Invalid escape character in string.", 2);
        assertError("1.", "Miss fraction part in number.", 2);
        assertError("\"é\" x", "The document root must not be followed by other values.", 5);
    }

    private static void assertError(String text, String message, int position) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
        });
    }

    @Test
    void assertNumbersCompareByValue() {
        assertThat(Json.same(Json.parse("1"), Json.parse("1.0"))).isTrue();
        assertThat(Json.same(Json.parse("{\"a\": [1]}"), Json.parse("{\"a\": [1.0]}"))).isTrue();
        assertThat(Json.same(Json.parse("\"1\""), Json.parse("1"))).isFalse();
    }
}
