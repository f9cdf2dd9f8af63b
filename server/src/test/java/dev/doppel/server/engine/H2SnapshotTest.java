package dev.doppel.server.engine;

import dev.doppel.plugin.SnapshotPiece;
import dev.doppel.server.engine.store.H2SpaceReclaimer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class H2SnapshotTest {
    @TempDir
    Path dir;

    @Test
    void bytesAfterTheLastChunkAreCopiedOnlyOnceAChunkIsWrittenThere() throws IOException {
        Path source = dir.resolve("source.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(source.toString()).open()) {
            MVMap<Integer, String> map = store.openMap("rows");
            for (int i = 0; i < 2000; i++) {
                map.put(i, "row " + i);
            }
            store.commit();
        }
        // what a chunk write cut short by a crash leaves behind the last chunk; the store writes its next chunk there
        byte[] tail = new byte[64 * 1024];
        new Random(3).nextBytes(tail);
        Files.write(source, tail, StandardOpenOption.APPEND);

        Path copy = dir.resolve("copy.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(source.toString()).open()) {
            store.setReuseSpace(false);
            MVMap<Integer, String> map = store.openMap("rows");
            try (H2SpaceReclaimer reclaimer = new H2SpaceReclaimer(store, false);
                 H2Snapshot snapshot = new H2Snapshot(source, store, reclaimer, new dev.doppel.server.engine.store.CommitGate())) {
                write(snapshot, snapshot.fileCopy(), copy);
                map.put(5000, "written during the copy");
                store.commit();
                write(snapshot, snapshot.pageCopy(), copy);
                write(snapshot, snapshot.redoCopy(), copy);
            }
        }

        try (MVStore copied = new MVStore.Builder().fileName(copy.toString()).readOnly().open()) {
            MVMap<Integer, String> map = copied.openMap("rows");
            assertThat(map.get(5000)).isEqualTo("written during the copy");
            assertThat(map.get(1999)).isEqualTo("row 1999");
            assertThat(map.size()).isEqualTo(2001);
        }
    }

    /** What the clone's copier does with the pieces: ranges read from the live file, bytes as given. */
    private static void write(H2Snapshot snapshot, List<SnapshotPiece> pieces, Path copy) throws IOException {
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (SnapshotPiece piece : pieces) {
                ByteBuffer bytes;
                if (piece.content() != null) {
                    bytes = ByteBuffer.wrap(piece.content());
                } else {
                    bytes = ByteBuffer.allocate((int) piece.length());
                    try (FileChannel in = snapshot.open(piece.file())) {
                        while (bytes.hasRemaining() && in.read(bytes, piece.offset() + bytes.position()) > 0) {
                            // reads the whole range
                        }
                    }
                    bytes.flip();
                }
                while (bytes.hasRemaining()) {
                    out.write(bytes, piece.offset() + bytes.position());
                }
            }
        }
    }
}
