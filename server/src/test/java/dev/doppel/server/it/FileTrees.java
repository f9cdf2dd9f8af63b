package dev.doppel.server.it;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of directory trees for tests (a template data directory, a moved distribution). */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies {@code from} into {@code to} (created as needed), file by file with {@code options}. */
    public static void copy(Path from, Path to, CopyOption... options) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, options);
                }
            }
        }
    }
}
