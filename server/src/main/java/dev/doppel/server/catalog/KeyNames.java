package dev.doppel.server.catalog;

import java.util.Locale;

/**
 * MySQL scopes index names per table, the engine per schema: an index (or the UNIQUE / PRIMARY KEY constraint that
 * makes it) is named {@code <table>.<name>} in the engine, and shown under its MySQL name. Names without the prefix
 * (unnamed keys the engine named, tables created by older builds) are shown as they are.
 */
public final class KeyNames {
    private KeyNames() {
    }

    /** The engine's name for the key {@code name} of {@code table}. */
    public static String engineName(String table, String name) {
        return table + "." + name;
    }

    /** The MySQL name of the engine's index or constraint {@code engineName} of {@code table}. */
    public static String mysqlName(String table, String engineName) {
        if (engineName == null) {
            return null;
        }
        String prefix = table + ".";
        return engineName.length() > prefix.length() && engineName.toLowerCase(Locale.ROOT)
                .startsWith(prefix.toLowerCase(Locale.ROOT)) ? engineName.substring(prefix.length()) : engineName;
    }

    /** Whether {@code engineName} carries the table prefix of {@code table}. */
    public static boolean isScoped(String table, String engineName) {
        return !mysqlName(table, engineName).equals(engineName);
    }
}
