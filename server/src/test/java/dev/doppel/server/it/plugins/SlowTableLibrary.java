package dev.doppel.server.it.plugins;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.VirtualTable;

import java.util.List;

/**
 * {@code doppel_slow}: an information_schema table DOPPEL_SLOW whose rows take 2 s to produce, so a statement
 * reading it holds the plugin in use (for UNINSTALL's warning 1620).
 */
public final class SlowTableLibrary implements PluginLibrary {
    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.INFORMATION_SCHEMA, "doppel_slow").author("Doppel tests")
                .factory(Slow::new).build());
    }

    /** The plugin: one slow table. */
    static final class Slow implements Plugin {
        @Override
        public void init(PluginContext context) {
            context.addTable(new VirtualTable("information_schema", "DOPPEL_SLOW",
                    List.of(new VirtualTable.Column("N", "BIGINT")), Slow::rows));
        }

        private static List<Object[]> rows() {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.<Object[]>of(new Object[] {42L});
        }
    }
}
