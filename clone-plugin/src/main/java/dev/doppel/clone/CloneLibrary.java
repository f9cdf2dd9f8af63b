package dev.doppel.clone;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;

import java.util.List;

/** The library mysql_clone.jar: it declares one plugin, {@code clone}. */
public final class CloneLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(ClonePlugin.DESCRIPTOR);
    }
}
