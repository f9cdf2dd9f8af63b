package dev.doppel.server.config.variables;

/** Where a system variable lives: server-wide, per session, or both (global default copied into sessions). */
public enum VariableScope {
    GLOBAL, SESSION, BOTH;

    boolean hasGlobal() {
        return this != SESSION;
    }

    boolean hasSession() {
        return this != GLOBAL;
    }
}
