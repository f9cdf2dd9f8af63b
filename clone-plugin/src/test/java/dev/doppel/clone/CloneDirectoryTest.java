package dev.doppel.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneDirectoryTest {
    @TempDir
    Path target;

    @Test
    void theSavedStatusLoadsAsTheCloneShowsIt() throws Exception {
        CloneDirectory markers = new CloneDirectory(target);
        markers.create();
        CloneStatus status = new CloneStatus(3, 42, CloneStatus.LOCAL_INSTANCE, target + "/");
        status.begin = Instant.parse("2026-11-21T06:00:00.123456Z");
        status.end = Instant.parse("2026-11-21T06:00:02Z");
        status.state = CloneState.COMPLETED;
        status.stage(CloneStage.FILE_COPY).start(1000);
        status.stage(CloneStage.FILE_COPY).data.set(1000);
        status.stage(CloneStage.FILE_COPY).threads = 2;
        status.stage(CloneStage.FILE_COPY).complete();
        status.stage(CloneStage.PAGE_COPY).start(10);
        markers.save(status);

        CloneStatus loaded = markers.load();
        assertThat(loaded.id).isEqualTo(3);
        assertThat(loaded.pid).isZero();
        assertThat(loaded.destination).isEqualTo("LOCAL INSTANCE");
        assertThat(loaded.state).isEqualTo(CloneState.COMPLETED);
        assertThat(loaded.begin).isEqualTo(status.begin);
        assertThat(loaded.end).isEqualTo(status.end);
        assertThat(loaded.stage(CloneStage.FILE_COPY).state).isEqualTo(CloneState.COMPLETED);
        assertThat(loaded.stage(CloneStage.FILE_COPY).data.get()).isEqualTo(1000);
        assertThat(loaded.stage(CloneStage.FILE_COPY).threads).isEqualTo(2);
        // a stage still running when the status was written shows as failed
        assertThat(loaded.stage(CloneStage.PAGE_COPY).state).isEqualTo(CloneState.FAILED);
        assertThat(loaded.stage(CloneStage.RESTART).state).isEqualTo(CloneState.NOT_STARTED);
        assertThat(Files.list(markers.path()).map(each -> each.getFileName().toString()))
                .containsExactlyInAnyOrder("#view_status", "#view_progress");
    }

    @Test
    void noViewFilesMeansNoStatus() throws Exception {
        CloneDirectory markers = new CloneDirectory(target);
        markers.create();
        assertThat(markers.load()).isNull();
        assertThat(markers.recovery()).isNull();
    }
}
