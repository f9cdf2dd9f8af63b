package dev.doppel.plugin;

/**
 * A plugin's lifecycle, as MySQL's init / check_uninstall / deinit. One instance is made per plugin when it is
 * loaded; {@link #init} runs once before the plugin is ACTIVE, {@link #deinit} once when it is unloaded
 * (UNINSTALL PLUGIN or shutdown).
 */
public interface Plugin {

    /**
     * Starts the plugin. An exception here means the plugin failed to initialize: INSTALL PLUGIN gives error
     * 1123 and leaves nothing behind; at startup the plugin is dropped (load option ON) or the server does not
     * start (FORCE, FORCE_PLUS_PERMANENT).
     */
    void init(PluginContext context) throws Exception;

    /**
     * Asked before UNINSTALL PLUGIN. Returns null when the plugin may be removed now, or the reason it may not
     * (the text after "Plugin 'x' cannot be uninstalled now. ", error 1883), e.g. "Plugin is still in use.".
     */
    default String checkUninstall() {
        return null;
    }

    /** Stops the plugin and releases what {@link #init} took. */
    default void deinit() {
    }
}
