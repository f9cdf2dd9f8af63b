package dev.doppel.plugin;

/**
 * The server's error log, for a plugin. Lines are written in MySQL's format with the plugin's subsystem:
 * {@code 2026-11-21T06:00:00.123456Z 0 [Note] [MY-013272] [Clone] message}. {@code code} is the MY- number.
 */
public interface PluginLog {
    void system(int code, String message);

    void error(int code, String message);

    void warning(int code, String message);

    void note(int code, String message);
}
