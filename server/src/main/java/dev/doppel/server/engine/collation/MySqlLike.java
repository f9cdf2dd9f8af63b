package dev.doppel.server.engine.collation;

import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueBlob;
import org.h2.value.ValueVarcharIgnoreCase;

import java.nio.charset.StandardCharsets;

/**
 * LIKE under the value's collation, registered as PUBLIC.MYSQL_LIKE for a column matched with a pattern that starts
 * with a wildcard (sql.translate.operators.LikeCollation). The engine's own LIKE under the server's collation
 * compares each pair of characters that differ through the collation with two new one-character strings, about six
 * times the time of a scan (measured: {@code LIKE '%zzz%'} over 20,000 values of 100 characters); here text of the
 * default collation compares character by character as utf8mb4_0900_ai_ci weighs it ({@link MySqlWeights}), text of a
 * binary collation as it is, and bytes as bytes.
 */
public final class MySqlLike {
    private MySqlLike() {
    }

    public static Boolean like(Value value, String pattern, String escape) {
        if (value == null || value == ValueNull.INSTANCE || pattern == null) {
            return null;
        }
        char escapeChar = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
        if (value instanceof ValueVarbinary || value instanceof ValueBlob) {
            String bytes = new String(value.getBytesNoCopy(), StandardCharsets.ISO_8859_1);
            String patternBytes = new String(pattern.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            return matches(bytes, patternBytes, escapeChar, false);
        }
        return matches(value.getString(), pattern, escapeChar, value instanceof ValueVarcharIgnoreCase);
    }

    /** Wildcard matching with backtracking to the last {@code %}; {@code folded}: characters compared as weighed. */
    static boolean matches(String text, String pattern, char escape, boolean folded) {
        int t = 0;
        int p = 0;
        int starPattern = -1;
        int starText = -1;
        while (t < text.length()) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '%') {
                    starPattern = ++p;
                    starText = t;
                    continue;
                }
                boolean escaped = c == escape && escape != 0 && p + 1 < pattern.length();
                char literal = escaped ? pattern.charAt(p + 1) : c;
                if (!escaped && c == '_' || same(literal, text.charAt(t), folded)) {
                    p += escaped ? 2 : 1;
                    t++;
                    continue;
                }
            }
            if (starPattern < 0) {
                return false;
            }
            p = starPattern;
            t = ++starText;
        }
        while (p < pattern.length() && pattern.charAt(p) == '%') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean folded) {
        return a == b || folded && MySqlWeights.sameCharacter(a, b);
    }
}
