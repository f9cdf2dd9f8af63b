package dev.doppel.example;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;

import java.util.List;

/**
 * The library doppel_example.jar, named in META-INF/services/dev.doppel.plugin.PluginLibrary. It declares one
 * plugin, {@code example}; INSTALL PLUGIN example SONAME 'doppel_example.so' finds it here.
 */
public final class ExampleLibrary implements PluginLibrary {

    @Override
    public String apiVersion() {
        // A compile-time constant: the jar records the API version it was built against, not the server's.
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(ExamplePlugin.descriptor());
    }
}
