package dev.doppel.server.config;

import java.util.Locale;

/**
 * A diagnostic from reading options, written to the error log once it is open, in MySQL's form
 * {@code [Warning] [MY-000076] [Server] text}. Codes below 10000 are MySQL's global (EE_) errors,
 * the others its server error-log codes. Most are warnings; a {@link ConfigException} carries ERROR ones.
 */
public record ConfigWarning(Severity severity, int code, String text) {
    /** The line mysqld writes after a fatal startup error. */
    static final ConfigWarning ABORTING = new ConfigWarning(Severity.ERROR, 10119, "Aborting");

    /** Error-log severity labels, spelled as MySQL prints them. */
    public enum Severity {
        SYSTEM("System"), ERROR("ERROR"), WARNING("Warning"), NOTE("Note");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static ConfigWarning warning(int code, String text) {
        return new ConfigWarning(Severity.WARNING, code, text);
    }

    static ConfigWarning error(int code, String text) {
        return new ConfigWarning(Severity.ERROR, code, text);
    }

    /** {@code MY-000067} style code. */
    public String myCode() {
        return String.format(Locale.ROOT, "MY-%06d", code);
    }

    /** The line without timestamp and thread id: {@code [ERROR] [MY-000067] [Server] unknown variable 'x=1'.} */
    public String logText() {
        return "[" + severity.label() + "] [" + myCode() + "] [Server] " + text;
    }
}
