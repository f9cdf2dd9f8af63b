package dev.doppel.server.it.plugins;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginFlag;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;

import java.util.List;

/** {@code doppel_noinstall}, flagged NO_INSTALL: only --plugin-load may load it. */
public final class NoInstallLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.DAEMON, "doppel_noinstall").author("Doppel tests")
                .flag(PluginFlag.NO_INSTALL).factory(() -> context -> {
                }).build());
    }
}
