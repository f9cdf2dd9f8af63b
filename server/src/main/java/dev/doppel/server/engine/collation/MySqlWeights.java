package dev.doppel.server.engine.collation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Text as MySQL's default collation, utf8mb4_0900_ai_ci, compares it: without regard to case or accents
 * ({@code 'a' = 'A' = 'á'}, {@code 'ß' = 'ss'}), trailing spaces counting (NO PAD), control characters ignored, and
 * in the order of the Unicode collation algorithm's primary weights for ASCII (spaces, then punctuation, symbols,
 * currency, digits, letters). Other characters are compared by their compatibility decomposition without marks,
 * after every ASCII character, in code point order: near UCA for letters of one script, not for non-ASCII
 * punctuation.
 */
public final class MySqlWeights {
    /**
     * ASCII in utf8mb4_0900_ai_ci's order of primary weights (DUCET), upper-case letters weighing as lower-case ones;
     * the characters not listed (other controls) are ignorable.
     */
    private static final String ASCII_ORDER = "\t\n\u000B\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"
            + "abcdefghijklmnopqrstuvwxyz";
    private static final int[] ASCII_WEIGHTS = new int[128];
    /** Where the weights of characters outside ASCII begin: after every ASCII weight. */
    private static final int OTHER = 256;

    static {
        for (int i = 0; i < ASCII_ORDER.length(); i++) {
            ASCII_WEIGHTS[ASCII_ORDER.charAt(i)] = i + 1;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            ASCII_WEIGHTS[c] = ASCII_WEIGHTS[Character.toLowerCase(c)];
        }
    }

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

    /** Compares as utf8mb4_0900_ai_ci; ASCII text without allocating. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (true) {
            while (i < n && isIgnorableAscii(a.charAt(i))) {
                i++;
            }
            while (j < m && isIgnorableAscii(b.charAt(j))) {
                j++;
            }
            if (i == n && j == m) {
                return 0;
            }
            char x = i < n ? a.charAt(i) : 0;
            char y = j < m ? b.charAt(j) : 0;
            if (i == n || j == m || x >= 128 || y >= 128) {
                return Arrays.compare(weights(a, i), weights(b, j));
            }
            int difference = ASCII_WEIGHTS[x] - ASCII_WEIGHTS[y];
            if (difference != 0) {
                return difference;
            }
            i++;
            j++;
        }
    }

    /** Whether two characters weigh the same (LIKE's comparison of one character with one). */
    public static boolean sameCharacter(char a, char b) {
        if (a < 128 && b < 128) {
            return ASCII_WEIGHTS[a] == ASCII_WEIGHTS[b] && ASCII_WEIGHTS[a] != 0;
        }
        return Arrays.equals(weights(String.valueOf(a), 0), weights(String.valueOf(b), 0));
    }

    /** The weights of the text from {@code from} on, the order {@link #compare} compares them in. */
    public static int[] weights(String text, int from) {
        String rest = Normalizer.normalize(text.substring(from), Normalizer.Form.NFKD);
        int[] result = new int[rest.length() * 2];
        int count = 0;
        for (int k = 0; k < rest.length(); ) {
            int c = rest.codePointAt(k);
            k += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String expansion = expansion(Character.toLowerCase(c));
            for (int e = 0; e < expansion.length(); e++) {
                int weight = weight(expansion.charAt(e));
                if (weight != 0) {
                    result[count++] = weight;
                }
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** The letters a character weighs as, where the collation gives it other letters' weights. */
    private static String expansion(int c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'đ' -> "d";
            case 'ł' -> "l";
            case 'ħ' -> "h";
            case 'ς' -> "σ";
            default -> Character.toString(c);
        };
    }

    private static int weight(char c) {
        return c < 128 ? ASCII_WEIGHTS[c] : OTHER + c;
    }

    private static boolean isIgnorableAscii(char c) {
        return c < 128 && ASCII_WEIGHTS[c] == 0;
    }
}
