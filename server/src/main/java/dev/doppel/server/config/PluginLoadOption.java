package dev.doppel.server.config;

/**
 * One {@code --plugin-load} (replaces the list so far) or {@code --plugin-load-add} (appends) option,
 * in the order given; the plugin host replays them to get the plugins to load at startup.
 */
public record PluginLoadOption(Kind kind, String value) {
    public enum Kind {
        LOAD, LOAD_ADD
    }
}
