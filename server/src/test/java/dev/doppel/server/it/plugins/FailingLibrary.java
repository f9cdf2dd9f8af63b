package dev.doppel.server.it.plugins;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.SystemVariableDefinition;

import java.util.List;

/**
 * Two plugins: {@code doppel_failing}, whose init throws (and which declares a variable that must vanish with it),
 * and {@code doppel_sibling}, which works.
 */
public final class FailingLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(
                PluginDescriptor.builder(PluginType.DAEMON, "doppel_failing").author("Doppel tests")
                        .description("init throws")
                        .systemVariable(SystemVariableDefinition.integer("doppel_failing_level", 1, 0, 5))
                        .factory(() -> context -> {
                            throw new IllegalStateException("doppel_failing refuses to start");
                        }).build(),
                PluginDescriptor.builder(PluginType.DAEMON, "doppel_sibling").author("Doppel tests")
                        .description("the working sibling").factory(() -> context -> {
                        }).build());
    }
}
