package dev.doppel.server.it.plugins;

import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;

import java.util.List;

/** A library built for plugin API 2.0, a major version this server does not have. */
public final class FutureApiLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return "2.0";
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.DAEMON, "doppel_future").factory(() -> context -> {
        }).build());
    }
}
