package dev.doppel.server.config.variables;

/** One row of SHOW VARIABLES: Variable_name and Value. */
public record VariableRow(String name, String value) {
}
