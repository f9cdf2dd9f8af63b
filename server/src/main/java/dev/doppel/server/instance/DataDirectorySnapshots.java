package dev.doppel.server.instance;

import dev.doppel.plugin.SnapshotPiece;
import dev.doppel.plugin.StorageSnapshot;
import dev.doppel.plugin.StorageSnapshots;
import dev.doppel.server.engine.StorageEngine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot service plugins get: the engine's snapshot plus the format marker, which a server needs to start on
 * the copy. Not copied, as in MySQL: auto.cnf (the copy gets a new server_uuid), the TLS and RSA key files (the
 * copy generates its own), the pid file, the lock file, the error log and any {@code #clone} directory.
 */
public final class DataDirectorySnapshots implements StorageSnapshots {
    private final Path datadir;
    private final StorageEngine engine;

    public DataDirectorySnapshots(Path datadir, StorageEngine engine) {
        this.datadir = datadir;
        this.engine = engine;
    }

    @Override
    public StorageSnapshot begin() throws IOException {
        StorageSnapshot engineFiles = engine.snapshot();
        long markerLength = Files.size(datadir.resolve(DataDirectory.FORMAT_FILE));
        return new StorageSnapshot() {
            @Override
            public List<String> files() {
                List<String> result = new ArrayList<>(engineFiles.files());
                result.add(DataDirectory.FORMAT_FILE);
                return result;
            }

            @Override
            public List<SnapshotPiece> fileCopy() throws IOException {
                List<SnapshotPiece> result = new ArrayList<>(engineFiles.fileCopy());
                result.add(SnapshotPiece.range(DataDirectory.FORMAT_FILE, 0, markerLength));
                return result;
            }

            @Override
            public List<SnapshotPiece> pageCopy() throws IOException {
                return engineFiles.pageCopy();
            }

            @Override
            public List<SnapshotPiece> redoCopy() throws IOException {
                return engineFiles.redoCopy();
            }

            @Override
            public FileChannel open(String file) throws IOException {
                if (file.equals(DataDirectory.FORMAT_FILE)) {
                    return FileChannel.open(datadir.resolve(file), StandardOpenOption.READ);
                }
                return engineFiles.open(file);
            }

            @Override
            public void close() {
                engineFiles.close();
            }
        };
    }
}
