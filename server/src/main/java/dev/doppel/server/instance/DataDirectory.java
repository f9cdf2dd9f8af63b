package dev.doppel.server.instance;

import dev.doppel.server.engine.H2Engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The data directory: the engine's database, auto.cnf (server_uuid), the format-version marker, key files.
 * While a server runs on it, it holds an exclusive lock on {@value #LOCK_FILE} so a second server refuses it.
 */
public final class DataDirectory implements AutoCloseable {
    public static final String FORMAT_FILE = "doppel_format";
    public static final String LOCK_FILE = "doppel.lock";
    /** The format this server writes; 2 added mysql.plugin. */
    public static final int FORMAT_VERSION = 3;

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** A directory that is about to be initialized must not exist or be empty. */
    public static boolean isEmptyOrMissing(Path path) throws IOException {
        if (!Files.exists(path)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    public static boolean isInitialized(Path path) {
        return Files.isRegularFile(path.resolve(FORMAT_FILE)) && H2Engine.exists(path);
    }

    /** Creates the directory and writes auto.cnf; the caller creates the engine and keys. */
    public static DataDirectory create(Path path) throws IOException, StartupException {
        Files.createDirectories(path);
        DataDirectory result = lock(path);
        writeAutoCnf(path);
        return result;
    }

    /** Writes the format marker last, so an interrupted --initialize leaves a directory that does not start. */
    public void markInitialized(String serverVersion) throws IOException {
        Files.writeString(path.resolve(FORMAT_FILE), "format=" + FORMAT_VERSION + "\nserver_version=" + serverVersion
                + "\n", StandardCharsets.UTF_8);
    }

    /** The format version recorded in the directory (the server that last upgraded or created it). */
    public int formatVersion() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(path.resolve(FORMAT_FILE))) {
            properties.load(reader);
        }
        try {
            return Integer.parseInt(properties.getProperty("format", "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Locks an initialized data directory for this server. */
    public static DataDirectory open(Path path) throws IOException, StartupException {
        if (!Files.isDirectory(path)) {
            throw new StartupException(13276, "Failed to set datadir to '" + path + "/' (OS errno: 2 - No such file or"
                    + " directory)");
        }
        if (!isInitialized(path)) {
            throw new StartupException(13236, "The designated data directory " + path + "/ is unusable. It is not"
                    + " initialized: run doppeld --initialize (or --initialize-insecure) on an empty directory, or"
                    + " remove the files the server added to it.");
        }
        DataDirectory result = lock(path);
        if (!Files.exists(path.resolve("auto.cnf"))) {
            writeAutoCnf(path);
        }
        return result;
    }

    private static DataDirectory lock(Path path) throws IOException, StartupException {
        FileChannel channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StartupException(12574, "Unable to lock " + path.resolve(LOCK_FILE) + " error: 11. Check that"
                    + " you do not already have another server process using the same data directory.");
        }
        return new DataDirectory(path, channel, lock);
    }

    private static void writeAutoCnf(Path path) throws IOException {
        Files.writeString(path.resolve("auto.cnf"), "[auto]\nserver-uuid=" + UUID.randomUUID() + "\n",
                StandardCharsets.UTF_8);
    }

    public Path path() {
        return path;
    }

    /** The server_uuid from auto.cnf. */
    public String serverUuid() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(path.resolve("auto.cnf"))) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return "";
        }
        return properties.getProperty("server-uuid", "");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
