package dev.doppel.server.engine.aggregate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GroupConcatListTest {
    private static final Comparator<Object[]> BY_KEY = (a, b) -> GroupConcatValues.compare(a[0], b[0]);
    private static final String[] WORDS = {"", "a", "B", "b", "é", "€uro", "xyz", "hello world", "ü"};

    @Test
    void withoutOrderTheListIsTheRowsInArrivalOrderCutAtACharactersStart() {
        GroupConcatList list = new GroupConcatList(6, bytes(","), false, null);
        for (String each : List.of("abc", "déf", "ghi")) {
            list.add(bytes(each), false, null, null);
        }
        assertThat(list.result()).isEqualTo("abc,d");
        assertThat(list.cut()).isTrue();
    }

    @Test
    void bytesAreCutAtTheLimitExactly() {
        GroupConcatList list = new GroupConcatList(3, new byte[0], false, null);
        list.add(bytes("é"), false, null, null);
        list.add(new byte[] {(byte) 0xFF, 0}, true, null, null);
        assertThat((byte[]) list.result()).containsExactly(0xC3, 0xA9, 0xFF);
    }

    @Test
    void noRowIsNullAndEmptyValuesAreAnEmptyString() {
        assertThat(new GroupConcatList(10, bytes(","), false, null).result()).isNull();
        GroupConcatList ordered = new GroupConcatList(10, new byte[0], false, BY_KEY);
        ordered.add(new byte[0], false, new Object[] {1}, null);
        assertThat(ordered.result()).isEqualTo("");
        assertThat(ordered.cut()).isFalse();
    }

    /** Random lists against the plain way (keep every row, sort, join, cut), with and without ORDER BY and DISTINCT. */
    @Test
    void boundedListsGiveWhatJoiningEveryRowGives() {
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            long limit = random.nextInt(40);
            String separator = random.nextBoolean() ? "," : random.nextBoolean() ? "" : "--";
            boolean distinct = random.nextInt(3) == 0;
            boolean ordered = random.nextBoolean();
            boolean descending = random.nextBoolean();
            Comparator<Object[]> order = descending ? BY_KEY.reversed() : BY_KEY;
            GroupConcatList list = new GroupConcatList(limit, bytes(separator), distinct, ordered ? order : null);
            Map<Object, Integer> kept = new LinkedHashMap<>();
            List<String[]> rows = new ArrayList<>();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                String value = WORDS[random.nextInt(WORDS.length)];
                Integer key = random.nextInt(5);
                Object sameness = GroupConcatValues.sameness(value, bytes(value));
                if (list.open()) {
                    list.add(bytes(value), false, new Object[] {key}, distinct ? List.of(sameness) : null);
                }
                if (!distinct || !kept.containsKey(sameness)) {
                    kept.put(sameness, key);
                    rows.add(new String[] {value, String.valueOf(key)});
                }
            }
            if (ordered) {
                Comparator<String[]> byKey = Comparator.comparing(row -> Integer.parseInt(row[1]));
                rows.sort(descending ? byKey.reversed() : byKey); // stable: ties keep their arrival order
            }
            String expected = expected(rows, separator, limit);
            String context = "round " + round + " limit " + limit + " sep '" + separator + "' distinct " + distinct
                    + " ordered " + ordered + (descending ? " desc" : "");
            assertThat(list.result()).as(context).isEqualTo(expected);
            if (expected != null) {
                assertThat(list.cut()).as(context).isEqualTo(joined(rows, separator).length > limit);
            }
        }
    }

    private static String expected(List<String[]> rows, String separator, long limit) {
        if (rows.isEmpty()) {
            return null;
        }
        byte[] all = joined(rows, separator);
        int end = (int) Math.min(all.length, limit);
        while (end < all.length && end > 0 && (all[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(all, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] joined(List<String[]> rows, String separator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.writeBytes(bytes(separator));
            }
            out.writeBytes(bytes(rows.get(i)[0]));
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
