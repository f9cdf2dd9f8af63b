package dev.doppel.plugin;

/** Plugin flags, as MySQL's PLUGIN_OPT_*. */
public enum PluginFlag {
    /** Cannot be installed with INSTALL PLUGIN (1721); only --plugin-load at startup. */
    NO_INSTALL,
    /** Cannot be removed with UNINSTALL PLUGIN (1720) while the server runs. */
    NO_UNINSTALL
}
