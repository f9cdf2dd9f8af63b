package dev.doppel.server.plugin;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;

import java.util.List;

/**
 * The plugins compiled into the server, registered before any library is loaded. Mandatory ones are FORCE
 * and have no activation option; mysql_native_password is OFF by default, as in MySQL 8.4
 * (--mysql-native-password=ON enables it).
 */
final class BuiltInPlugins {
    static final String NATIVE_PASSWORD = "mysql_native_password";

    /** A built-in plugin and its default load option; {@code mandatory} ones cannot be switched. */
    record BuiltIn(PluginDescriptor descriptor, LoadOption defaultOption, boolean mandatory) {
    }

    private static final Plugin NOTHING_TO_DO = context -> {
    };

    private BuiltInPlugins() {
    }

    static List<BuiltIn> all() {
        return List.of(
                new BuiltIn(descriptor(PluginType.AUTHENTICATION, "caching_sha2_password", "Caching sha2 authentication"),
                        LoadOption.FORCE, true),
                new BuiltIn(descriptor(PluginType.STORAGE_ENGINE, "PERFORMANCE_SCHEMA", "Performance Schema"),
                        LoadOption.FORCE, true),
                new BuiltIn(descriptor(PluginType.STORAGE_ENGINE, "H2",
                        "H2 MVStore: transactional, crash-safe default engine (also used for ENGINE=InnoDB)"),
                        LoadOption.FORCE, true),
                new BuiltIn(descriptor(PluginType.AUTHENTICATION, NATIVE_PASSWORD, "Native MySQL authentication"),
                        LoadOption.OFF, false));
    }

    private static PluginDescriptor descriptor(PluginType type, String name, String description) {
        return PluginDescriptor.builder(type, name).version(1, 0).author("Doppel").description(description)
                .license(PluginLicense.GPL).factory(() -> NOTHING_TO_DO).build();
    }
}
