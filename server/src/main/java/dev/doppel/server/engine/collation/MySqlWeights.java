package dev.doppel.server.engine.collation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as MySQL's default collation, utf8mb4_0900_ai_ci, compares it, near enough for literals: without regard to
 * case or accents ({@code 'a' = 'A' = 'á'}, {@code 'ß' = 'ss'}), trailing spaces counting (NO PAD). The folded text
 * orders letters and digits as the collation does; punctuation between them keeps its code point order.
 */
public final class MySqlWeights {
    private MySqlWeights() {
    }

    /** Registered as PUBLIC.MYSQL_CI_FOLD: the text without case and accents (LIKE's wildcards stay). */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replace("ß", "ss");
    }
}
