package dev.doppel.server.plugin;

/** A plugin's state, with the word INFORMATION_SCHEMA.PLUGINS shows for it. */
public enum PluginStatus {
    /** Registered, not initialized yet. */
    INACTIVE,
    /** Initialized and working. */
    ACTIVE,
    /** Registered with load option OFF: not initialized, its variables absent. */
    DISABLED,
    /** Being uninstalled. */
    DELETING,
    /** Uninstalled while still in use; removed when the last user lets go or at shutdown. */
    DELETED
}
