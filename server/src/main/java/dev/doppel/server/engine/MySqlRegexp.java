package dev.doppel.server.engine;

import dev.doppel.plugin.MySqlError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MySQL's REGEXP_REPLACE(expr, pat, repl[, pos[, occurrence[, match_type]]]), built with a bound: the engine's own
 * had none, and one call (each of a million characters replaced by a thousand) stopped the server. A result longer
 * than max_allowed_packet is NULL with warning 1301, found while it is built. The replacement reads {@code $n} as
 * group n, as MySQL's (ICU) does. Matching is case-sensitive unless match_type says {@code i}, as the engine's other
 * regular expressions are here (MySQL's follow the collation).
 */
public final class MySqlRegexp {
    private static final ThreadLocal<Pattern> LAST = new ThreadLocal<>();

    private MySqlRegexp() {
    }

    public static String replace(String value, String pattern, String replacement) {
        return replace(value, pattern, replacement, 1L, 0L, "");
    }

    public static String replace(String value, String pattern, String replacement, Long position) {
        return replace(value, pattern, replacement, position, 0L, "");
    }

    public static String replace(String value, String pattern, String replacement, Long position, Long occurrence) {
        return replace(value, pattern, replacement, position, occurrence, "");
    }

    public static String replace(String value, String pattern, String replacement, Long position, Long occurrence,
                                 String matchType) {
        if (value == null || pattern == null || replacement == null || position == null || occurrence == null
                || matchType == null) {
            return null;
        }
        int characters = value.codePointCount(0, value.length());
        if (position < 1 || position > Math.max(characters, 1)) {
            throw MySqlError.ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR.exception();
        }
        Matcher matcher = compile(pattern, matchType).matcher(value);
        long limit = StatementEffects.maxAllowedPacket();
        int start = value.offsetByCodePoints(0, (int) (position - 1));
        StringBuilder out = new StringBuilder().append(value, 0, start);
        int copied = start;
        long found = 0;
        int at = start;
        while (at <= value.length() && matcher.find(at)) {
            found++;
            if (occurrence == 0 || found == occurrence) {
                String replaced = expand(matcher, replacement);
                out = withRoom(out, matcher.start() - copied + replaced.length(), limit);
                if (out == null) {
                    StatementEffects.packetOverflow("regexp_replace", limit);
                    return null;
                }
                out.append(value, copied, matcher.start()).append(replaced);
                copied = matcher.end();
                if (occurrence != 0) {
                    break;
                }
            }
            at = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
        }
        out = withRoom(out, value.length() - copied, limit);
        if (out == null) {
            StatementEffects.packetOverflow("regexp_replace", limit);
            return null;
        }
        out.append(value, copied, value.length());
        return out.toString();
    }

    /**
     * {@code out}, or a copy with room for {@code more} characters; null when that would pass {@code limit}. It grows
     * by doubling up to the limit and never beyond, so a result near the limit does not ask for twice as much.
     */
    private static StringBuilder withRoom(StringBuilder out, int more, long limit) {
        long needed = (long) out.length() + more;
        if (needed > limit) {
            return null;
        }
        if (needed <= out.capacity()) {
            return out;
        }
        StringBuilder grown = new StringBuilder((int) Math.min(Math.max(needed, out.capacity() * 2L), limit));
        return grown.append(out);
    }

    /** The replacement with {@code $n} as group n and a backslash taking the next character as it is. */
    private static String expand(Matcher matcher, String replacement) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                out.append(replacement.charAt(++i));
            } else if (c == '$' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                int group = replacement.charAt(++i) - '0';
                if (group > matcher.groupCount()) {
                    throw MySqlError.ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR.exception();
                }
                String text = matcher.group(group);
                out.append(text == null ? "" : text);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Pattern compile(String pattern, String matchType) {
        int flags = 0;
        for (char c : matchType.toCharArray()) {
            switch (c) {
                case 'c' -> flags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 'n' -> flags |= Pattern.DOTALL;
                case 'u' -> flags |= Pattern.UNIX_LINES;
                default -> throw MySqlError.ER_WRONG_ARGUMENTS.exception("regexp_replace");
            }
        }
        Pattern last = LAST.get();
        if (last != null && last.pattern().equals(pattern) && last.flags() == flags) {
            return last;
        }
        try {
            Pattern compiled = Pattern.compile(pattern, flags);
            LAST.set(compiled);
            return compiled;
        } catch (PatternSyntaxException e) {
            if (e.getDescription().startsWith("Unclosed group") || e.getDescription().startsWith("Unmatched closing")) {
                throw MySqlError.ER_REGEXP_MISMATCHED_PAREN.exception();
            }
            throw MySqlError.ER_REGEXP_RULE_SYNTAX.exception(1, Math.max(e.getIndex(), 0) + 1);
        }
    }
}
