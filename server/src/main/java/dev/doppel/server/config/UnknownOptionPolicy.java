package dev.doppel.server.config;

import java.util.Collection;

/**
 * Decides whether an option the server does not know is claimed by someone loaded later (a plugin:
 * {@code --clone=FORCE_PLUS_PERMANENT}, {@code --skip-clone}, {@code --clone-buffer-size=...}).
 * Claimed options are kept raw in {@link ServerConfig#pluginOptions()}; unclaimed ones are fatal unless
 * given with the {@code loose-} prefix, as in mysqld.
 */
@FunctionalInterface
public interface UnknownOptionPolicy {
    boolean claims(RawOption option);

    /** Claims nothing: every unknown option without {@code loose-} is a startup error. */
    static UnknownOptionPolicy none() {
        return option -> false;
    }

    /** Claims options whose base name is {@code name} or starts with {@code name_} (a plugin and its variables). */
    static UnknownOptionPolicy plugins(Collection<String> names) {
        return option -> {
            String base = option.baseName();
            for (String each : names) {
                String plugin = each.replace('-', '_');
                if (base.equals(plugin) || base.startsWith(plugin + "_")
                        || base.equals("plugin_" + plugin) || base.startsWith("plugin_" + plugin + "_")) {
                    return true;
                }
            }
            return false;
        };
    }
}
