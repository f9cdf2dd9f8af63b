package dev.doppel.clone;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;

/**
 * The clone plugin: type CLONE, name {@code clone}, version 1.0, as MySQL's, with its system variables. The
 * server refuses to initialize it while it upgrades the data directory (MY-013238), as MySQL's clone handler
 * does. The CLONE statement itself is not implemented yet.
 */
public final class ClonePlugin implements Plugin {
    static final PluginDescriptor DESCRIPTOR = CloneVariables.declare(
            PluginDescriptor.builder(PluginType.CLONE, "clone").version(1, 0).author("Doppel")
                    .description("CLONE PLUGIN").license(PluginLicense.GPL).factory(ClonePlugin::new)).build();

    @Override
    public void init(PluginContext context) {
    }
}
