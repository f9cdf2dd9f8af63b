package dev.doppel.server.plugin;

/** Counts the statements using a plugin, as MySQL's plugin references do. */
interface PluginReferences {
    /** Takes a reference; false when the plugin is no longer usable (being or already uninstalled). */
    boolean acquire();

    /** Gives a reference back; the last one lets a DELETED plugin finish unloading. */
    void release();
}
