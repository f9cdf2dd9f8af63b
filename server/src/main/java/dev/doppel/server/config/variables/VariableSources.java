package dev.doppel.server.config.variables;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each system variable's global value came from, for performance_schema.variables_info: COMPILED (the
 * default), COMMAND_LINE, an option file's kind (GLOBAL, SERVER, EXPLICIT, EXTRA, USER) with its path, or DYNAMIC
 * (SET GLOBAL) with when and by whom.
 */
public final class VariableSources {
    /** One variable's source; {@code setTime}, {@code user} and {@code host} only for DYNAMIC. */
    public record Source(String kind, String path, Instant setTime, String user, String host) {
    }

    private static final Source COMPILED = new Source("COMPILED", "", null, null, null);

    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    /** The variable was set at startup by an option: {@code path} is its file, empty for the command line. */
    public void fromOption(String name, String kind, String path) {
        sources.put(name, new Source(kind == null ? "COMPILED" : kind, path == null ? "" : path, null, null, null));
    }

    /** SET GLOBAL by {@code user}@{@code host}. */
    public void dynamic(String name, String user, String host) {
        sources.put(name, new Source("DYNAMIC", "", Instant.now(), user, host));
    }

    public Source of(String name) {
        return sources.getOrDefault(name, COMPILED);
    }
}
