package dev.doppel.server.config;

import java.util.List;

/**
 * Startup configuration that mysqld would refuse: the server prints {@link #messages()} and exits
 * with {@link #exitCode()} (1).
 *
 * <p>Errors from option processing are error-log lines ending with {@code [ERROR] [MY-010119] [Server]
 * Aborting}. Errors while locating option files happen before the error log exists; mysqld prints
 * them as {@code <program>: [ERROR] <text>} on stderr, which {@link #early()} signals.
 */
public final class ConfigException extends Exception {
    private final List<ConfigWarning> messages;
    private final boolean early;

    ConfigException(List<ConfigWarning> messages, boolean early) {
        super(lastError(messages));
        this.messages = List.copyOf(messages);
        this.early = early;
    }

    private static String lastError(List<ConfigWarning> messages) {
        String result = null;
        for (ConfigWarning each : messages) {
            if (each.severity() == ConfigWarning.Severity.ERROR && each != ConfigWarning.ABORTING) {
                result = each.text();
            }
        }
        return result;
    }

    /** Every diagnostic in the order mysqld prints it: warnings seen before the error, the error(s), Aborting. */
    public List<ConfigWarning> messages() {
        return messages;
    }

    /** Whether to print as {@code <program>: [ERROR] text} to stderr (option-file location errors). */
    public boolean early() {
        return early;
    }

    /** The process exit code mysqld uses. */
    public int exitCode() {
        return 1;
    }
}
