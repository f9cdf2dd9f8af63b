package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;

/** A warning a SET raised (for SHOW WARNINGS): MySQL error number and message text. */
public record VariableWarning(int code, String message) {
    static VariableWarning of(MySqlError error, Object... args) {
        return new VariableWarning(error.number(), error.message(args));
    }
}
