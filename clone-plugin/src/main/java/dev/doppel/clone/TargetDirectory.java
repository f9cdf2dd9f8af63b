package dev.doppel.clone;

import dev.doppel.plugin.MySqlError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The checks on {@code DATA DIRECTORY 'dir'}, in MySQL's order; every message echoes the path as typed. */
final class TargetDirectory {
    /** FN_REFLEN - 1: MySQL refuses a path of this length or longer. */
    static final int MAX_PATH_LENGTH = 511;

    private TargetDirectory() {
    }

    /** The absolute target path, after 1525 (relative), 1680 (too long), 1007 (exists) and 3632 (in datadir). */
    static Path validate(String typed, Path datadir) {
        Path path;
        try {
            path = Path.of(typed);
        } catch (InvalidPathException e) {
            throw MySqlError.ER_WRONG_VALUE.exception("path", typed);
        }
        if (typed.isEmpty() || !path.isAbsolute()) {
            throw MySqlError.ER_WRONG_VALUE.exception("path", typed);
        }
        if (typed.length() >= MAX_PATH_LENGTH) {
            throw MySqlError.ER_PATH_LENGTH.exception("DATA DIRECTORY");
        }
        path = path.normalize();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw MySqlError.ER_DB_CREATE_EXISTS.exception(typed);
        }
        if (withinDataDirectory(path, datadir)) {
            throw MySqlError.ER_PATH_IN_DATADIR.exception(typed);
        }
        return path;
    }

    /** Creates the target directory (and missing parents); 1006 naming the path as typed when it cannot. */
    static void create(String typed, Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            Errno errno = Errno.of(e);
            throw MySqlError.ER_CANT_CREATE_DB.exception(typed + "/", errno.number(), errno.text());
        }
    }

    private static boolean withinDataDirectory(Path path, Path datadir) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            return existing.toRealPath().startsWith(datadir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
