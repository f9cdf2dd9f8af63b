package dev.doppel.clone;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.CloneRequest;
import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.SnapshotPiece;
import dev.doppel.plugin.StorageSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One CLONE LOCAL DATA DIRECTORY: the stages of MySQL's clone over the engine's snapshot, each logged and shown
 * in the status tables, the target's {@code #clone} directory kept as MySQL keeps it.
 */
final class LocalClone {
    private static final int LOG_CODE = 13458;

    private final PluginContext context;
    private final CloneStatus status;
    private final CloneRequest request;
    private final Path target;
    private final CloneDirectory markers;

    LocalClone(PluginContext context, CloneStatus status, CloneRequest request, Path target) {
        this.context = context;
        this.status = status;
        this.request = request;
        this.target = target;
        this.markers = new CloneDirectory(target);
    }

    void run() throws InterruptedException {
        status.begin = Instant.now();
        status.state = CloneState.IN_PROGRESS;
        log("Clone Begin: LOCAL INSTANCE to " + status.destination);
        BackupLock.Holder ddlBlocked = null;
        try {
            TargetDirectory.create(request.directory(), target);
            prepareMarkers();

            StageProgress dropData = begin(CloneStage.DROP_DATA, 0);
            if (Boolean.TRUE.equals(context.systemVariable("clone_block_ddl"))) {
                long seconds = (Long) context.systemVariable("clone_ddl_timeout");
                ddlBlocked = context.backupLock().acquire(Duration.ofSeconds(seconds));
            }
            end(CloneStage.DROP_DATA, dropData);

            try (StorageSnapshot snapshot = context.storageSnapshots().begin()) {
                ParallelCopier copier = new ParallelCopier(snapshot, target, settings(), request::killed);
                createFiles(snapshot.files());
                copyStage(CloneStage.FILE_COPY, snapshot.fileCopy(), copier);
                copyStage(CloneStage.PAGE_COPY, snapshot.pageCopy(), copier);
                copyStage(CloneStage.REDO_COPY, snapshot.redoCopy(), copier);
                sync(CloneStage.FILE_SYNC, snapshot.files());
            }
            status.end = Instant.now();
            status.state = CloneState.COMPLETED;
            save();
            markers.sync();
            markers.unmark(CloneDirectory.IN_PROGRESS);
            force(markers.path());
            log("Clone End: " + status.destination + " completed");
        } catch (MySqlException e) {
            failed(e);
            throw e;
        } catch (IOException e) {
            MySqlException error = writeError(e);
            failed(error);
            throw error;
        } catch (RuntimeException e) {
            // the engine failed under the snapshot; the status must not stay In Progress
            MySqlException error = MySqlError.ER_INTERNAL_ERROR.exception("Clone failed: " + e);
            failed(error);
            throw error;
        } finally {
            if (ddlBlocked != null) {
                ddlBlocked.close();
            }
        }
    }

    private ParallelCopier.Settings settings() {
        long buffer = (Long) context.systemVariable("clone_buffer_size");
        long threads = (Long) context.systemVariable("clone_max_concurrency");
        boolean autotune = Boolean.TRUE.equals(context.systemVariable("clone_autotune_concurrency"));
        long bandwidthMib = (Long) context.systemVariable("clone_max_data_bandwidth");
        return new ParallelCopier.Settings((int) buffer, (int) threads, autotune, bandwidthMib << 20);
    }

    /** The in-progress marker reaches the disk before any data, so a crash leaves a target that does not start. */
    private void prepareMarkers() throws IOException {
        markers.create();
        markers.mark(CloneDirectory.IN_PROGRESS);
        markers.mark(CloneDirectory.FIRST_START);
        save();
        markers.sync();
        force(target);
    }

    private void createFiles(List<String> files) throws IOException {
        for (String each : files) {
            Path file = target.resolve(each);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        }
    }

    private void copyStage(CloneStage stage, List<SnapshotPiece> pieces, ParallelCopier copier)
            throws InterruptedException, IOException {
        StageProgress progress = begin(stage, ParallelCopier.bytes(pieces));
        copier.copy(pieces, progress);
        end(stage, progress);
    }

    /** FILE SYNC: every copied file, the #clone files and the directories reach the disk. */
    private void sync(CloneStage stage, List<String> files) throws IOException {
        StageProgress progress = begin(stage, 0);
        progress.threads = 1;
        for (String each : files) {
            force(target.resolve(each));
        }
        force(target);
        if (target.getParent() != null) {
            force(target.getParent());
        }
        end(stage, progress);
    }

    private StageProgress begin(CloneStage stage, long estimate) throws IOException {
        if (request.killed()) {
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        }
        StageProgress progress = status.stage(stage);
        progress.start(estimate);
        log("Clone State BEGIN " + stage.label + (estimate > 0 ? ": " + estimate + " bytes" : ""));
        save();
        return progress;
    }

    private void end(CloneStage stage, StageProgress progress) throws IOException {
        progress.complete();
        log("Clone State END " + stage.label + ": " + progress.data.get() + " bytes, " + progress.threads
                + " threads, " + Duration.between(progress.begin, progress.end).toMillis() + " ms");
        save();
    }

    private void save() throws IOException {
        markers.save(status);
    }

    private void failed(MySqlException error) {
        status.fail(error.number(), error.getMessage());
        context.log().note(LOG_CODE, "Clone Set Error code: " + error.number() + " (" + error.getMessage() + ")");
        try {
            save();
        } catch (IOException ignored) {
            // the target may be what failed (disk full); the in-memory status still shows the failure
        }
    }

    private MySqlException writeError(IOException e) {
        Errno errno = Errno.of(e);
        String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                ? fs.getFile() : target.toString();
        return MySqlError.ER_ERROR_ON_WRITE.exception(file, errno.number(), errno.text());
    }

    private void log(String message) {
        context.log().note(LOG_CODE, message);
    }

    private static void force(Path path) throws IOException {
        CloneDirectory.force(path);
    }
}
