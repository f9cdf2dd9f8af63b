package dev.doppel.server.plugin;

import dev.doppel.server.config.RawOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The startup options the server did not know itself, kept for plugins: activation options
 * (--NAME[=OFF|ON|FORCE|FORCE_PLUS_PERMANENT], --plugin-NAME, --skip-NAME, --enable-NAME, --disable-NAME) and
 * plugin variables (--clone-max-concurrency=8), with or without {@code loose-}. Each option a loaded plugin
 * uses is marked; what is left at the end is unknown, as mysqld would find it.
 */
public final class PluginOptions {
    private final List<RawOption> options;
    private final boolean[] used;

    public PluginOptions(List<RawOption> options) {
        this.options = List.copyOf(options);
        this.used = new boolean[options.size()];
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static String withoutLoose(String name) {
        return name.startsWith("loose_") ? name.substring("loose_".length()) : name;
    }

    /** The activation state the options give plugin {@code name}, the last one winning; empty if none. */
    public Optional<LoadOption> loadOption(String name) {
        String plugin = normalize(name);
        LoadOption result = null;
        for (int i = 0; i < options.size(); i++) {
            RawOption each = options.get(i);
            String option = withoutLoose(normalize(each.name()));
            LoadOption found = null;
            if (option.equals(plugin) || option.equals("plugin_" + plugin)) {
                found = each.value() == null ? LoadOption.ON : LoadOption.parse(each.value()).orElse(null);
                if (found == null) {
                    throw new IllegalArgumentException("Unknown value '" + each.value() + "' for option '"
                            + each.name() + "' (use OFF, ON, FORCE or FORCE_PLUS_PERMANENT)");
                }
            } else if (option.equals("skip_" + plugin) || option.equals("disable_" + plugin)
                    || option.equals("skip_plugin_" + plugin)) {
                found = LoadOption.OFF;
            } else if (option.equals("enable_" + plugin) || option.equals("enable_plugin_" + plugin)) {
                found = LoadOption.ON;
            }
            if (found != null) {
                used[i] = true;
                result = found;
            }
        }
        return Optional.ofNullable(result);
    }

    /** The value the options give system variable {@code variable} (the last one winning), marking it used. */
    public Optional<RawOption> variable(String variable) {
        String name = normalize(variable);
        RawOption result = null;
        for (int i = 0; i < options.size(); i++) {
            String option = withoutLoose(normalize(options.get(i).name()));
            if (option.equals(name) || option.equals("skip_" + name) || option.equals("enable_" + name)
                    || option.equals("disable_" + name)) {
                used[i] = true;
                result = options.get(i);
            }
        }
        return Optional.ofNullable(result);
    }

    /** The options no plugin used. */
    public List<RawOption> unused() {
        List<RawOption> result = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (!used[i]) {
                result.add(options.get(i));
            }
        }
        return result;
    }
}
