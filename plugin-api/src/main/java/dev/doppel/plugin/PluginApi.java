package dev.doppel.plugin;

/**
 * The version of this plugin API, MySQL's plugin interface version in Doppel's terms. A library built against
 * major version N loads only into a server whose API has the same major version (minor versions only add);
 * see {@link PluginLibrary#apiVersion()}.
 */
public final class PluginApi {
    public static final int MAJOR = 1;
    public static final int MINOR = 11;
    /** "major.minor", as INFORMATION_SCHEMA.PLUGINS shows it in PLUGIN_LIBRARY_VERSION. */
    public static final String VERSION = MAJOR + "." + MINOR;

    private PluginApi() {
    }
}
