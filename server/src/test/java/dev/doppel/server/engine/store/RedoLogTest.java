package dev.doppel.server.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedoLogTest {
    private static final long ROOM = Long.MAX_VALUE;

    @TempDir
    Path datadir;

    @Test
    void recordsComeBackInOrderWithTheirVersions() throws Exception {
        try (RedoLog log = RedoLog.start(datadir, () -> ROOM)) {
            long first = log.append(new byte[] {1, 2, 3}, 7);
            long second = log.append(new byte[] {4}, 8);
            assertThat(second).isGreaterThan(first).isEqualTo(log.written());
            log.syncTo(log.written());
        }
        List<RedoSegments.Record> records = RedoSegments.read(RedoSegments.directory(datadir));
        assertThat(records).extracting(RedoSegments.Record::version).containsExactly(7L, 8L);
        assertThat(records.get(0).payload()).containsExactly(1, 2, 3);
        assertThat(records.get(1).payload()).containsExactly(4);
    }

    @Test
    void readingStopsAtATornRecord() throws Exception {
        try (RedoLog log = RedoLog.start(datadir, () -> ROOM)) {
            log.append(new byte[] {1}, 1);
            log.append(new byte[] {2, 2}, 2);
            log.append(new byte[] {3, 3, 3}, 3);
        }
        Path segment = RedoSegments.segment(RedoSegments.directory(datadir), 0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            // the second record's payload: its checksum no longer matches
            file.seek(RedoSegments.HEADER_BYTES + 1 + RedoSegments.HEADER_BYTES);
            file.write(9);
        }
        assertThat(RedoSegments.read(RedoSegments.directory(datadir))).extracting(RedoSegments.Record::version)
                .containsExactly(1L);
    }

    @Test
    void theLogGoesOnAcrossSegmentsAndStopsAtAGap() throws Exception {
        byte[] payload = new byte[300_000];
        try (RedoLog log = RedoLog.start(datadir, () -> ROOM)) {
            for (int i = 0; i < 40; i++) {
                payload[0] = (byte) i;
                assertThat(log.append(payload, i)).isPositive();
                log.prepareSpare();
            }
        }
        Path directory = RedoSegments.directory(datadir);
        List<Long> starts = RedoSegments.starts(directory);
        assertThat(starts).hasSizeGreaterThanOrEqualTo(3);
        List<RedoSegments.Record> records = RedoSegments.read(directory);
        assertThat(records).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(records.get(i).version()).isEqualTo(i);
            assertThat(records.get(i).payload()[0]).isEqualTo((byte) i);
        }
        Files.delete(RedoSegments.segment(directory, starts.get(1)));
        List<RedoSegments.Record> beforeGap = RedoSegments.read(directory);
        assertThat(beforeGap).hasSizeLessThan(40);
        assertThat(beforeGap).extracting(RedoSegments.Record::version)
                .containsExactlyElementsOf(records.subList(0, beforeGap.size()).stream().map(RedoSegments.Record::version).toList());
    }

    @Test
    void aCheckpointLetsOlderSegmentsGo() throws Exception {
        byte[] payload = new byte[300_000];
        try (RedoLog log = RedoLog.start(datadir, () -> ROOM)) {
            for (int i = 0; i < 30; i++) {
                log.append(payload, i);
                log.prepareSpare();
            }
            int before = RedoSegments.starts(RedoSegments.directory(datadir)).size();
            log.trim(20);
            List<Long> after = RedoSegments.starts(RedoSegments.directory(datadir));
            assertThat(after.size()).isLessThan(before);
            assertThat(RedoSegments.read(RedoSegments.directory(datadir))).extracting(RedoSegments.Record::version)
                    .contains(20L, 29L);
        }
    }

    @Test
    void withoutRoomForASegmentNothingIsAppended() throws Exception {
        try (RedoLog log = RedoLog.start(datadir, () -> 0)) {
            assertThat(log.append(new byte[] {1}, 1)).isEqualTo(-1);
        }
    }
}
