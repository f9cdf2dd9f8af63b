package dev.doppel.server.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Syncs a directory, so that the names of the files created or renamed in it survive a power cut: syncing a file
 * puts its bytes on stable storage, not its entry in the directory.
 */
public final class DirectorySync {
    private DirectorySync() {
    }

    /**
     * Syncs every file directly in {@code directory}, then the directory and its parent: for a directory made whole
     * at once (--initialize), which must then survive a power cut as it is.
     */
    public static void syncCreated(Path directory) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            for (Path each : (Iterable<Path>) files::iterator) {
                if (java.nio.file.Files.isRegularFile(each, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (FileChannel channel = FileChannel.open(each, StandardOpenOption.READ)) {
                        channel.force(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the files of " + directory, e);
        }
        sync(directory);
        if (directory.toAbsolutePath().getParent() != null) {
            sync(directory.toAbsolutePath().getParent());
        }
    }

    public static void sync(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the directory " + directory, e);
        }
    }
}
