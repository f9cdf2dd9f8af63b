package dev.doppel.server.config;

import java.util.List;

/**
 * An option the server did not recognise, kept for the plugin host: the name as given without the
 * leading dashes and with {@code -} normalised to {@code _} (prefixes such as {@code loose_} or
 * {@code skip_} kept), the value (null when there was no {@code =value}), and where it came from (an
 * option file path, or {@code command line}), and the option as it was written, without leading dashes.
 */
public record RawOption(String name, String value, String source, String given) {
    private static final List<String> PREFIXES = List.of("loose_", "skip_", "enable_", "disable_", "maximum_");

    /** mysqld's message for this option when nothing claims it: unknown variable (with a value) or option. */
    public String unknownMessage() {
        return value != null ? "unknown variable '" + given + "'." : "unknown option '--" + given + "'.";
    }

    /** MY-000067 (unknown variable) or MY-000068 (unknown option). */
    public int unknownCode() {
        return value != null ? 67 : 68;
    }

    /** Whether the option was given with the {@code loose} prefix. */
    public boolean loose() {
        return name.startsWith("loose_");
    }

    /** The name with every special prefix (loose, skip, enable, disable, maximum) removed: {@code skip_clone} → {@code clone}. */
    public String baseName() {
        String result = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String each : PREFIXES) {
                if (result.startsWith(each) && result.length() > each.length()) {
                    result = result.substring(each.length());
                    stripped = true;
                }
            }
        }
        return result;
    }
}
