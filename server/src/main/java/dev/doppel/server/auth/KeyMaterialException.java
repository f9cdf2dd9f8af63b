package dev.doppel.server.auth;

import java.io.IOException;
import java.nio.file.Path;

/** A TLS or RSA key file that is missing, unreadable or does not hold what it should; the message names the file. */
public final class KeyMaterialException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public KeyMaterialException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public KeyMaterialException(Path file, String problem) {
        this(file, problem, null);
    }

    public Path file() {
        return file;
    }
}
