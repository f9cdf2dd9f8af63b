package dev.doppel.clone;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;

/**
 * The clone plugin: type CLONE, name {@code clone}, version 1.0, as MySQL's. It refuses to initialize while the
 * server upgrades its data directory. The CLONE statement itself is not implemented yet.
 */
public final class ClonePlugin implements Plugin {
    static final PluginDescriptor DESCRIPTOR = CloneVariables.declare(
            PluginDescriptor.builder(PluginType.CLONE, "clone").version(1, 0).author("Doppel")
                    .description("CLONE PLUGIN").license(PluginLicense.GPL).factory(ClonePlugin::new)).build();

    /** MySQL's ER_PLUGIN_INSTALL_ERROR, the error-log code the upgrade refusal is written with. */
    private static final int ER_PLUGIN_INSTALL_ERROR = 13238;

    @Override
    public void init(PluginContext context) throws Exception {
        if (context.upgradeInProgress()) {
            context.log().error(ER_PLUGIN_INSTALL_ERROR,
                    "Error installing plugin 'clone': Cannot install during upgrade");
            throw new IllegalStateException("Cannot install during upgrade");
        }
    }
}
