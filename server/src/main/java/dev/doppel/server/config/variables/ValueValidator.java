package dev.doppel.server.config.variables;

/**
 * Checks a string value of a variable and returns its canonical form, or throws the MySQL error
 * (a {@link dev.doppel.plugin.MySqlException}) that SET reports.
 */
@FunctionalInterface
public interface ValueValidator {
    String validate(String variable, String value);
}
