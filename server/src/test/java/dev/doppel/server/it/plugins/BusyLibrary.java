package dev.doppel.server.it.plugins;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.SystemVariableDefinition;

import java.util.List;

/** {@code doppel_busy}: refuses UNINSTALL ("Plugin is still in use.") while its variable doppel_busy_in_use is ON. */
public final class BusyLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.DAEMON, "doppel_busy").author("Doppel tests")
                .systemVariable(SystemVariableDefinition.bool("doppel_busy_in_use", true))
                .factory(Busy::new).build());
    }

    /** The plugin: busy while its variable says so. */
    static final class Busy implements Plugin {
        private PluginContext context;

        @Override
        public void init(PluginContext context) {
            this.context = context;
        }

        @Override
        public String checkUninstall() {
            return Boolean.TRUE.equals(context.systemVariable("doppel_busy_in_use")) ? "Plugin is still in use." : null;
        }
    }
}
