package dev.doppel.plugin;

/** PLUGIN_LICENSE values. */
public enum PluginLicense {
    PROPRIETARY, GPL, BSD
}
