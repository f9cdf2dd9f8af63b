package dev.doppel.server.instance;

import dev.doppel.server.config.RawOption;

import java.util.List;

/**
 * Startup options that neither the server nor a loaded plugin knows, reported as mysqld does: a warning for
 * {@code loose-} ones, an error that stops startup for the others. X Protocol options are accepted silently.
 */
public final class UnclaimedOptions {
    private UnclaimedOptions() {
    }

    /** Logs the warnings and returns the first fatal option, or null when startup may go on. */
    public static RawOption report(List<RawOption> options, ErrorLog log) {
        RawOption fatal = null;
        for (RawOption each : options) {
            if (each.baseName().startsWith("mysqlx")) {
                continue;
            }
            if (each.loose()) {
                log.warning(each.unknownCode(), each.unknownMessage());
            } else if (fatal == null) {
                fatal = each;
            }
        }
        return fatal;
    }
}
