package dev.doppel.server.config.variables;

import dev.doppel.server.config.Charsets;

/**
 * The value type of a system variable, which decides what SET accepts and how values render.
 * CHARSET and COLLATION are names checked against {@link Charsets} (numbers are collation ids).
 */
public enum VariableType {
    BOOLEAN, INTEGER, UNSIGNED, DOUBLE, STRING, ENUM, SET, CHARSET, COLLATION
}
