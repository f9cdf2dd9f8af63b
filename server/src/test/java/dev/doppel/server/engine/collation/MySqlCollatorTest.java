package dev.doppel.server.engine.collation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlCollatorTest {
    private static Collator collator(int strength) {
        Collator collator = new MySqlCollator();
        collator.setStrength(strength);
        return collator;
    }

    @Test
    void secondaryStrengthIgnoresCaseAndAccentsAndCountsTrailingSpaces() {
        Collator ci = collator(Collator.SECONDARY);
        assertEquals(0, ci.compare("abc", "ABC"));
        assertEquals(0, ci.compare("résumé", "RESUME"));
        assertEquals(0, ci.compare("Straße", "STRASSE"));
        assertEquals(0, ci.compare("e\u0301", "É"));
        assertEquals(0, ci.compare("a\u0000b", "ab"));
        assertTrue(ci.compare("a ", "a") > 0);
        assertTrue(ci.compare("a", "B") < 0);
        assertTrue(ci.compare("é", "f") < 0);
    }

    @Test
    void secondaryStrengthOrdersAsciiByUcaWeights() {
        List<String> words = new ArrayList<>(List.of("b", "_x", "1", "~", "$", "A", " ", "-", "z", "ä"));
        words.sort(collator(Collator.SECONDARY));
        assertEquals(List.of(" ", "_x", "-", "~", "$", "1", "A", "ä", "b", "z"), words);
    }

    @Test
    void tertiaryStrengthIsCodePointOrder() {
        Collator binary = collator(Collator.TERTIARY);
        assertTrue(binary.compare("B", "a") < 0);
        assertTrue(binary.compare("a", "A") > 0);
        assertTrue(binary.compare("é", "e") > 0);
        // U+FFFD sorts before U+1F600 by code point though its UTF-16 unit is larger than the surrogate's
        assertTrue(binary.compare("\uFFFD", "\uD83D\uDE00") < 0);
    }

    @Test
    void collationKeysCompareAsTheCollator() {
        for (int strength : new int[] {Collator.SECONDARY, Collator.TERTIARY}) {
            Collator collator = collator(strength);
            String[][] pairs = {{"a", "B"}, {"Ä", "a"}, {"\uFFFD", "\uD83D\uDE00"}, {"x y", "xy"}};
            for (String[] pair : pairs) {
                assertEquals(Integer.signum(collator.compare(pair[0], pair[1])),
                        Integer.signum(collator.getCollationKey(pair[0]).compareTo(collator.getCollationKey(pair[1]))));
            }
        }
    }

    @Test
    void theProviderServesTheEngineLocale() throws Exception {
        EngineCollation.requireProvider();
        assertTrue(Collator.getInstance(EngineCollation.LOCALE) instanceof MySqlCollator);
    }
}
