package dev.doppel.plugin;

import java.util.List;

/**
 * The entry point of a plugin library (a jar in plugin_dir), found through {@link java.util.ServiceLoader}: the
 * jar lists its implementation in {@code META-INF/services/dev.doppel.plugin.PluginLibrary}. One library may
 * declare several plugins, as a MySQL shared library does.
 */
public interface PluginLibrary {

    /**
     * The plugin API version the library was built against. Implement it as {@code return PluginApi.VERSION;}:
     * the compiler copies the constant into the library, so it records the version it was compiled with.
     */
    String apiVersion();

    /** The plugins this library declares. */
    List<PluginDescriptor> plugins();
}
