package dev.doppel.server.plugin;

import java.util.Locale;
import java.util.Optional;

/** A plugin's activation state option (--NAME=OFF|ON|FORCE|FORCE_PLUS_PERMANENT), shown as LOAD_OPTION. */
public enum LoadOption {
    OFF, ON, FORCE, FORCE_PLUS_PERMANENT;

    /** Whether an initialization failure stops the server. */
    public boolean forced() {
        return this == FORCE || this == FORCE_PLUS_PERMANENT;
    }

    /** Parses a value of --NAME=..., as MySQL's typelib does: a name (any case) or its number 0-3. */
    public static Optional<LoadOption> parse(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        for (LoadOption each : values()) {
            if (each.name().equals(text) || Integer.toString(each.ordinal()).equals(text)) {
                return Optional.of(each);
            }
        }
        return switch (text) {
            case "TRUE", "YES" -> Optional.of(ON);
            case "FALSE", "NO" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
