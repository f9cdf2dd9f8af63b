package dev.doppel.server.config;

import java.util.Locale;

/**
 * MySQL's LIKE matching as used by {@code SHOW ... LIKE}: {@code %} matches any run of characters,
 * {@code _} exactly one, a backslash makes the next character literal, and comparison ignores case
 * (the patterns are matched against identifiers, whose collation is case-insensitive).
 */
public final class LikePattern {
    private static final char ESCAPE = '\\';
    private final String pattern;

    private LikePattern(String pattern) {
        this.pattern = pattern.toLowerCase(Locale.ROOT);
    }

    /** A matcher for the given LIKE pattern. */
    public static LikePattern of(String pattern) {
        return new LikePattern(pattern);
    }

    /** Whether {@code text} matches the whole pattern. */
    public boolean matches(String text) {
        return matchFrom(text.toLowerCase(Locale.ROOT), 0, 0);
    }

    private boolean matchFrom(String text, int t, int p) {
        while (p < pattern.length()) {
            char each = pattern.charAt(p);
            if (each == '%') {
                while (p < pattern.length() && pattern.charAt(p) == '%') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int start = t; start <= text.length(); start++) {
                    if (matchFrom(text, start, p)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length()) {
                return false;
            }
            if (each == '_') {
                t++;
                p++;
                continue;
            }
            if (each == ESCAPE && p + 1 < pattern.length()) {
                p++;
                each = pattern.charAt(p);
            }
            if (text.charAt(t) != each) {
                return false;
            }
            t++;
            p++;
        }
        return t == text.length();
    }
}
