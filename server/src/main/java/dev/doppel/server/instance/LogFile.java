package dev.doppel.server.instance;

import dev.doppel.server.config.ServerVersion;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file of the general or the slow query log: opened for appending with MySQL's header when a line is first
 * written to it, reopened when the variable names another file, closed by FLUSH LOGS (a rotation that renamed it goes
 * on in a new file). Its owner synchronizes the calls.
 */
final class LogFile {
    private final String header;
    private Path openFile;
    private OutputStream out;

    LogFile(String program, int port, Path socket) {
        this.header = program + ", Version: " + ServerVersion.VERSION + " (Doppel). started with:\nTcp port: " + port
                + "  Unix socket: " + (socket == null ? "" : socket) + "\nTime                 Id Command    Argument\n";
    }

    /** Makes {@code file} the one written to; true when it was opened now (its header written). */
    boolean openAt(Path file) throws IOException {
        if (out != null && file.equals(openFile)) {
            return false;
        }
        close();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
        openFile = file;
        out.write(header.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // a log that cannot be closed is opened anew next time
            }
        }
        out = null;
        openFile = null;
    }
}
