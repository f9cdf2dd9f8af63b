package dev.doppel.server.plugin;

import dev.doppel.server.config.PluginLoadOption;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of --plugin-load and --plugin-load-add as MySQL reads them: --plugin-load replaces what came
 * before, --plugin-load-add appends; each value is a list of {@code library} or {@code name=library}
 * ({@code #} also separates), separated by {@code ;} (or {@code :} on Unix), empty elements skipped.
 */
public final class PluginLoadList {
    /** One element: a plugin name (null = every plugin of the library) and the library's soname. */
    public record Element(String name, String soname) {
    }

    private PluginLoadList() {
    }

    /** The values to process, in order, after applying --plugin-load's reset. */
    public static List<String> effectiveValues(List<PluginLoadOption> options) {
        List<String> result = new ArrayList<>();
        for (PluginLoadOption each : options) {
            if (each.kind() == PluginLoadOption.Kind.LOAD) {
                result.clear();
            }
            result.add(each.value());
        }
        return result;
    }

    /** The elements of one option value. */
    public static List<Element> parse(String value) {
        List<Element> result = new ArrayList<>();
        for (String each : value.split("[;:]")) {
            String element = each.trim();
            if (element.isEmpty()) {
                continue;
            }
            int separator = indexOfNameSeparator(element);
            if (separator < 0) {
                result.add(new Element(null, element));
            } else {
                result.add(new Element(element.substring(0, separator).trim(), element.substring(separator + 1).trim()));
            }
        }
        return result;
    }

    private static int indexOfNameSeparator(String element) {
        int equals = element.indexOf('=');
        int hash = element.indexOf('#');
        if (equals < 0) {
            return hash;
        }
        return hash < 0 ? equals : Math.min(equals, hash);
    }
}
