package dev.doppel.plugin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * A copy of the storage engine's files in progress, in the stages of MySQL's clone, while writers go on. The
 * engine's files only grow at their end during a snapshot (its store appends and reuses no space), so what was
 * handed out once stays valid:
 * <ol>
 *   <li>{@link #fileCopy()}: the bulk, everything written so far (FILE COPY);</li>
 *   <li>{@link #pageCopy()}: what was written since (PAGE COPY);</li>
 *   <li>{@link #redoCopy()}: makes the consistent point (every commit acknowledged before it is in the copy whole,
 *       every later one not at all) and returns what was written up to it (REDO COPY).</li>
 * </ol>
 * Writing every piece of the three lists into empty files, in list order per stage and stage after stage, gives
 * a directory the engine opens as that point in time. The pieces of one stage may be written in parallel.
 */
public interface StorageSnapshot extends AutoCloseable {

    /** The files of the snapshot (relative paths), created empty in the target before any piece is written. */
    List<String> files();

    List<SnapshotPiece> fileCopy() throws IOException;

    List<SnapshotPiece> pageCopy() throws IOException;

    List<SnapshotPiece> redoCopy() throws IOException;

    /** Opens a live file of the snapshot for reading the pieces that refer to it. */
    FileChannel open(String file) throws IOException;

    /** Ends the snapshot; the engine may reuse space again. */
    @Override
    void close();
}
