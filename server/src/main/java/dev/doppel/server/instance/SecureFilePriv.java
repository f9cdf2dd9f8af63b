package dev.doppel.server.instance;

import dev.doppel.server.config.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The secure_file_priv directory at startup: made when it is the default, required when it was given (10095). */
final class SecureFilePriv {
    private SecureFilePriv() {
    }

    static void prepare(ServerConfig config) throws StartupException {
        Object setting = config.variables().globalValue("secure_file_priv");
        if (setting == null || setting.toString().isEmpty()) {
            return;
        }
        Path directory = Path.of(setting.toString());
        if (!Files.isDirectory(directory) && config.secureFilePrivDefault()) {
            try {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
            } catch (IOException | UnsupportedOperationException e) {
                // reported below, as for a directory that was given
            }
        }
        if (!Files.isDirectory(directory)) {
            throw new StartupException(10095, "Failed to access directory for --secure-file-priv. Please make sure"
                    + " that directory exists and is accessible by MySQL Server. Supplied value : " + setting);
        }
    }
}
