package dev.doppel.server.it.plugins;

import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;

import java.util.List;

/** {@code doppel_hanging}: its init never returns, not even when interrupted. */
public final class HangingLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.DAEMON, "doppel_hanging").author("Doppel tests")
                .description("init sleeps forever").factory(() -> context -> {
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException ignored) {
                            // keeps hanging
                        }
                    }
                }).build());
    }
}
