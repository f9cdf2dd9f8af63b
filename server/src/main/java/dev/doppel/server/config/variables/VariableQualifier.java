package dev.doppel.server.config.variables;

/** How a statement names a variable: {@code @@x} / {@code SET x} (NONE), {@code @@session.x}, {@code @@global.x}. */
public enum VariableQualifier {
    NONE, SESSION, GLOBAL
}
