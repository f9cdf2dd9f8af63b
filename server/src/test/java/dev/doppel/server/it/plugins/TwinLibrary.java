package dev.doppel.server.it.plugins;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.SystemVariableDefinition;

import java.util.List;

/** One library declaring two plugins, {@code doppel_twin_a} (with variable doppel_twin_a_size) and {@code doppel_twin_b}. */
public final class TwinLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(
                PluginDescriptor.builder(PluginType.DAEMON, "doppel_twin_a").author("Doppel tests")
                        .description("first twin")
                        .systemVariable(SystemVariableDefinition.integer("doppel_twin_a_size", 7, 1, 100))
                        .factory(() -> context -> {
                        }).build(),
                PluginDescriptor.builder(PluginType.INFORMATION_SCHEMA, "doppel_twin_b").author("Doppel tests")
                        .description("second twin").factory(() -> context -> {
                        }).build());
    }
}
