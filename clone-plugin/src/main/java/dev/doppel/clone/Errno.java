package dev.doppel.clone;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** The operating-system error behind an IOException, as MySQL names it in messages ("errno: 28 - ..."). */
record Errno(int number, String text) {

    static Errno of(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || message.contains("permission denied")) {
            return new Errno(13, "Permission denied");
        }
        if (e instanceof NoSuchFileException || message.contains("no such file")) {
            return new Errno(2, "No such file or directory");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new Errno(17, "File exists");
        }
        if (message.contains("not a directory")) {
            return new Errno(20, "Not a directory");
        }
        if (message.contains("no space left")) {
            return new Errno(28, "No space left on device");
        }
        if (message.contains("read-only file system")) {
            return new Errno(30, "Read-only file system");
        }
        if (message.contains("quota")) {
            return new Errno(122, "Disk quota exceeded");
        }
        return new Errno(5, "Input/output error");
    }
}
