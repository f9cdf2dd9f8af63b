package dev.doppel.server.sql.files;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * MySQL's rules for the files a statement reads or writes on the server (SELECT ... INTO OUTFILE and DUMPFILE,
 * LOAD_FILE): the account needs the FILE privilege, and secure_file_priv decides where: NULL nowhere, '' anywhere,
 * a directory only inside it.
 */
public final class SecureFiles {
    private SecureFiles() {
    }

    /** The path a statement may write, or MySQL's error: 1045 without FILE, 1290 outside secure_file_priv. */
    static Path forWriting(String name, Session session) {
        return permitted(name, session);
    }

    /** The file LOAD DATA may read, or MySQL's error: 1045 without FILE, 1290 outside secure_file_priv, 29. */
    static Path forLoading(String name, Session session) {
        Path path = permitted(name, session);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw MySqlError.ER_FILE_NOT_FOUND.exception(path.toString(), 2, "No such file or directory");
        }
        return path;
    }

    /** FILE and secure_file_priv, as INTO OUTFILE and LOAD DATA check them: 1045, then 1290. */
    private static Path permitted(String name, Session session) {
        if (!session.privileges().hasGlobal("FILE")) {
            throw MySqlError.ER_ACCESS_DENIED_ERROR.exception(session.user(), session.host(),
                    session.connection().usingPassword() ? "YES" : "NO");
        }
        Path path = allowed(name, session);
        if (path == null) {
            throw MySqlError.ER_OPTION_PREVENTS_STATEMENT.exception("--secure-file-priv");
        }
        return path;
    }

    /** The path a statement may read, or null where MySQL's LOAD_FILE returns NULL. */
    public static Path forReading(String name, Session session) {
        if (name == null || !session.privileges().hasGlobal("FILE")) {
            return null;
        }
        Path path = allowed(name, session);
        return path != null && Files.isRegularFile(path) && Files.isReadable(path) ? path : null;
    }

    /** The absolute path for {@code name} when secure_file_priv allows it, else null. */
    private static Path allowed(String name, Session session) {
        Object setting = session.server().variables().globalValue("secure_file_priv");
        if (setting == null) {
            return null;
        }
        Path path;
        try {
            if (name.indexOf('\0') >= 0) {
                return null;
            }
            Path base = session.server().config().datadir().toAbsolutePath();
            path = base.resolve(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        String directory = setting.toString();
        if (directory.isEmpty()) {
            return path;
        }
        try {
            Path root = Path.of(directory).toRealPath();
            // the directory the file goes in, symbolic links resolved: a link may not lead out of secure_file_priv
            Path parent = path.getParent() == null ? null : path.getParent().toRealPath();
            Path real = Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? path.toRealPath() : path;
            return parent != null && parent.startsWith(root) && real.startsWith(root) ? path : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
