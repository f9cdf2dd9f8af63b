package dev.doppel.server.json;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {
    private static final String DOC = "{\"a\": 1, \"b\": [10, 20, {\"c\": 30}], \"d e\": {\"a\": 2}}";

    private static List<String> find(String path, String document) {
        return JsonPath.parse(path).find(Json.parse(document)).stream().map(Json::write).toList();
    }

    @Test
    void assertMembersAndCells() {
        assertThat(find("$", DOC)).containsExactly(Json.write(Json.parse(DOC)));
        assertThat(find("$.a", DOC)).containsExactly("1");
        assertThat(find("$.b[1]", DOC)).containsExactly("20");
        assertThat(find("$.b[2].c", DOC)).containsExactly("30");
        assertThat(find("$.\"d e\".a", DOC)).containsExactly("2");
        assertThat(find("$.b[last]", DOC)).containsExactly("{\"c\": 30}");
        assertThat(find("$.b[last-2]", DOC)).containsExactly("10");
        assertThat(find("$ . b [ 0 ]", DOC)).containsExactly("10");
        assertThat(find("$.x", DOC)).isEmpty();
        assertThat(find("$.b[7]", DOC)).isEmpty();
    }

    @Test
    void assertACellOfAScalarIsTheScalar() {
        assertThat(find("$.a[0]", DOC)).containsExactly("1");
        assertThat(find("$.a[1]", DOC)).isEmpty();
    }

    @Test
    void assertWildcards() {
        assertThat(find("$.b[*]", DOC)).containsExactly("10", "20", "{\"c\": 30}");
        assertThat(find("$.b[0 to 1]", DOC)).containsExactly("10", "20");
        assertThat(find("$.*", "{\"x\": 1, \"y\": [2]}")).containsExactly("1", "[2]");
        assertThat(find("$**.a", DOC)).containsExactly("1", "2");
        assertThat(JsonPath.parse("$**.a").isWildcard()).isTrue();
        assertThat(JsonPath.parse("$.a[1]").isWildcard()).isFalse();
    }

    @Test
    void assertInvalidPathsReportPosition() {
        assertPathError("a", 1);
        assertPathError("", 0);
        assertPathError("$.", 2);
        assertPathError("$[x]", 2);
        assertPathError("$**", 3);
        assertPathError("$.a b", 4);
    }

    private static void assertPathError(String path, int position) {
        assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOfSatisfying(JsonPathException.class,
                e -> assertThat(e.position()).isEqualTo(position));
    }

    private static String change(String document, String path, String value, JsonPath.Change change) {
        return Json.write(JsonPath.parse(path).change(Json.parse(document), Json.parse(value), change));
    }

    @Test
    void assertSetInsertReplace() {
        String doc = "{\"a\": 1, \"b\": [1]}";
        assertThat(change(doc, "$.a", "2", JsonPath.Change.SET)).isEqualTo("{\"a\": 2, \"b\": [1]}");
        assertThat(change(doc, "$.c", "3", JsonPath.Change.SET)).isEqualTo("{\"a\": 1, \"b\": [1], \"c\": 3}");
        assertThat(change(doc, "$.a", "2", JsonPath.Change.INSERT)).isEqualTo(doc);
        assertThat(change(doc, "$.c", "3", JsonPath.Change.INSERT)).isEqualTo("{\"a\": 1, \"b\": [1], \"c\": 3}");
        assertThat(change(doc, "$.c", "3", JsonPath.Change.REPLACE)).isEqualTo(doc);
        assertThat(change(doc, "$.b[5]", "2", JsonPath.Change.SET)).isEqualTo("{\"a\": 1, \"b\": [1, 2]}");
        assertThat(change(doc, "$.a[1]", "2", JsonPath.Change.INSERT)).isEqualTo("{\"a\": [1, 2], \"b\": [1]}");
        assertThat(change(doc, "$.x.y", "2", JsonPath.Change.SET)).isEqualTo(doc);
        assertThat(change(doc, "$", "[]", JsonPath.Change.SET)).isEqualTo("[]");
    }

    @Test
    void assertRemove() {
        assertThat(Json.write(JsonPath.parse("$.b[0]").remove(Json.parse("{\"a\": 1, \"b\": [1, 2]}"))))
                .isEqualTo("{\"a\": 1, \"b\": [2]}");
        assertThat(Json.write(JsonPath.parse("$.a").remove(Json.parse("{\"a\": 1}")))).isEqualTo("{}");
    }
}
