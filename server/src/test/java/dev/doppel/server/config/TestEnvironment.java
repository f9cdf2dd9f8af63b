package dev.doppel.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A ConfigEnvironment rooted in a temporary directory, so tests never read /etc or $HOME. */
final class TestEnvironment {
    private TestEnvironment() {
    }

    /** Global files {@code etc/my.cnf}, {@code etc/doppel/my.cnf}; user file {@code home/.my.cnf}; basedir {@code base}. */
    static ConfigEnvironment in(Path root) {
        return new ConfigEnvironment(List.of(root.resolve("etc/my.cnf"), root.resolve("etc/doppel/my.cnf")),
                List.of(root.resolve("home/.my.cnf")), "testhost.example.com", root, root.resolve("base"),
                "/opt/doppel/bin/doppeld", "UTC", Map.of());
    }

    static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    static List<String> texts(List<ConfigWarning> messages) {
        return messages.stream().map(ConfigWarning::logText).toList();
    }
}
