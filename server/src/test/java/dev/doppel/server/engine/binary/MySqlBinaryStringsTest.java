package dev.doppel.server.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.h2.value.Value;
import org.h2.value.ValueDouble;
import org.h2.value.ValueInteger;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueVarchar;
import org.junit.jupiter.api.Test;

class MySqlBinaryStringsTest {
    private static Value bytes(String hex) {
        return ValueVarbinary.get(HexFormat.of().parseHex(hex));
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Test
    void concatTakesTextAsUtf8AndNumbersAsMySqlWritesThem() {
        assertThat(hex(MySqlBinaryStrings.concat(bytes("FF"), ValueVarchar.get("é"), ValueInteger.get(7),
                ValueDouble.get(2.0E10)))).isEqualTo("FFC3A9373230303030303030303030");
        assertThat(MySqlBinaryStrings.concat(bytes("FF"), ValueNull.INSTANCE)).isNull();
    }

    @Test
    void concatWsSkipsNullsButNotANullSeparator() {
        assertThat(hex(MySqlBinaryStrings.concatWs(bytes("00"), bytes("FF"), ValueNull.INSTANCE, bytes("FE"))))
                .isEqualTo("FF00FE");
        assertThat(MySqlBinaryStrings.concatWs(ValueNull.INSTANCE, bytes("FF"))).isNull();
    }

    @Test
    void substringIndexCountsFromEitherEnd() {
        Value value = bytes("FF2CFE2C01");
        Value comma = ValueVarchar.get(",");
        assertThat(hex(MySqlBinaryStrings.substringIndex(value, comma, 2L))).isEqualTo("FF2CFE");
        assertThat(hex(MySqlBinaryStrings.substringIndex(value, comma, -1L))).isEqualTo("01");
        assertThat(hex(MySqlBinaryStrings.substringIndex(value, comma, 9L))).isEqualTo("FF2CFE2C01");
        assertThat(hex(MySqlBinaryStrings.substringIndex(value, comma, 0L))).isEmpty();
    }

    @Test
    void padTruncatesAndNeedsAPadWhenItGrows() {
        assertThat(hex(MySqlBinaryStrings.lpad(bytes("FFFEFD"), 2L, bytes("00")))).isEqualTo("FFFE");
        assertThat(MySqlBinaryStrings.rpad(bytes("FF"), 3L, bytes(""))).isNull();
        assertThat(MySqlBinaryStrings.rpad(bytes("FF"), -1L, bytes("00"))).isNull();
        assertThat(hex(MySqlBinaryStrings.rpad(bytes("FF"), 4L, bytes("0102")))).isEqualTo("FF010201");
    }

    @Test
    void insertOutsideTheStringLeavesItAndReachingPastItsEndReplacesTheRest() {
        assertThat(hex(MySqlBinaryStrings.insert(bytes("FFFE"), 3L, 1L, bytes("00")))).isEqualTo("FFFE");
        assertThat(hex(MySqlBinaryStrings.insert(bytes("FFFEFD"), 2L, 9L, bytes("00")))).isEqualTo("FF00");
        assertThat(hex(MySqlBinaryStrings.insert(bytes("FFFEFD"), 2L, 0L, bytes("00")))).isEqualTo("FF00FEFD");
    }

    @Test
    void replaceFindsEveryOccurrenceWithoutOverlap() {
        assertThat(hex(MySqlBinaryStrings.replace(bytes("808080"), bytes("8080"), bytes("01")))).isEqualTo("0180");
        assertThat(hex(MySqlBinaryStrings.replace(bytes("FF"), bytes(""), bytes("01")))).isEqualTo("FF");
    }

    @Test
    void trimTakesSpacesOnly() {
        assertThat(hex(MySqlBinaryStrings.trim(bytes("2000FF2020")))).isEqualTo("00FF");
        assertThat(hex(MySqlBinaryStrings.ltrim(bytes("202020")))).isEmpty();
    }

    @Test
    void leftRightRepeatReverseAndElt() {
        assertThat(hex(MySqlBinaryStrings.left(bytes("FFFE"), -1L))).isEmpty();
        assertThat(hex(MySqlBinaryStrings.right(bytes("FFFE"), 5L))).isEqualTo("FFFE");
        assertThat(hex(MySqlBinaryStrings.repeat(bytes("FF00"), 2L))).isEqualTo("FF00FF00");
        assertThat(hex(MySqlBinaryStrings.repeat(bytes("FF"), 0L))).isEmpty();
        assertThat(hex(MySqlBinaryStrings.reverse(bytes("0102FF")))).isEqualTo("FF0201");
        assertThat(hex(MySqlBinaryStrings.elt(2L, bytes("01"), bytes("FF")))).isEqualTo("FF");
        assertThat(MySqlBinaryStrings.elt(3L, bytes("01"), bytes("FF"))).isNull();
    }
}
