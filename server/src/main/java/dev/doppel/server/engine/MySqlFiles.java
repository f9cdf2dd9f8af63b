package dev.doppel.server.engine;

/** LOAD_FILE for the engine: the statement's session decides what it may read (sql.SecureFiles). */
public final class MySqlFiles {
    private MySqlFiles() {
    }

    public static byte[] loadFile(String name) {
        return StatementEffects.loadFile(name);
    }
}
