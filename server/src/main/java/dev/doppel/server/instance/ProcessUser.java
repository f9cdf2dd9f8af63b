package dev.doppel.server.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * mysqld's rule for the operating-system user the server runs as: as root only when {@code --user=root} says so.
 * mysqld switches to another user given with --user; a JVM cannot change its user, so Doppel asks to be started as
 * that user instead (docs/security.md, "Running as its own user").
 */
public final class ProcessUser {
    private ProcessUser() {
    }

    /** Refuses to go on as root without {@code --user=root}; warns about --user when not root, as mysqld does. */
    public static void check(Optional<String> user, ErrorLog log) throws StartupException {
        check(user, isRoot(), System.getProperty("user.name"), log);
    }

    static void check(Optional<String> user, boolean root, String current, ErrorLog log) throws StartupException {
        if (!root) {
            if (user.isPresent() && !user.get().equals(current)) {
                log.warning(10122, "One can only use the --user switch if running as root");
            }
            return;
        }
        if (user.isEmpty()) {
            throw new StartupException(10123, "Fatal error: Please read \"Security\" section of the manual to find out"
                    + " how to run mysqld as root!");
        }
        if (!user.get().equals("root") && !user.get().equals("0")) {
            throw new StartupException(10123, "Fatal error: the server cannot switch to user '" + user.get()
                    + "' by itself; start it as that user (for example: runuser -u " + user.get()
                    + " -- bin/doppeld ...), or give --user=root to run it as root");
        }
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
