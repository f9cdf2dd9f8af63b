package dev.doppel.server.plugin;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginDescriptor;

/**
 * One registered plugin: its descriptor, the library it came from (null for built-ins), the load option, its
 * status and, once initialized, the instance.
 */
final class LoadedPlugin {
    final PluginDescriptor descriptor;
    final PluginLibraryFile library;
    final LoadOption loadOption;
    /** Whether the plugin has a mysql.plugin row (installed with INSTALL PLUGIN, not --plugin-load). */
    final boolean registered;
    volatile PluginStatus status = PluginStatus.INACTIVE;
    Plugin instance;
    /** Statements using the plugin right now (reading one of its tables); guarded by the host. */
    int references;
    PluginContextImpl context;

    LoadedPlugin(PluginDescriptor descriptor, PluginLibraryFile library, LoadOption loadOption, boolean registered) {
        this.descriptor = descriptor;
        this.library = library;
        this.loadOption = loadOption;
        this.registered = registered;
    }

    String name() {
        return descriptor.name();
    }

    boolean builtIn() {
        return library == null;
    }
}
