package dev.doppel.clone;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code #clone} directory of a clone's target, as MySQL keeps it: {@code #status_in_progress} while data
 * arrives (a server refuses to start while it exists), {@code #status_fix} until the clone's first start,
 * {@code #view_status} and {@code #view_progress} with the persisted status tables, and {@code #status_recovery},
 * which the server writes at that first start.
 */
final class CloneDirectory {
    static final String NAME = "#clone";
    static final String IN_PROGRESS = "#status_in_progress";
    static final String FIRST_START = "#status_fix";
    static final String VIEW_STATUS = "#view_status";
    static final String VIEW_PROGRESS = "#view_progress";
    static final String RECOVERY = "#status_recovery";

    private final Path path;

    CloneDirectory(Path datadir) {
        this.path = datadir.resolve(NAME);
    }

    Path path() {
        return path;
    }

    void create() throws IOException {
        Files.createDirectories(path);
    }

    void mark(String marker) throws IOException {
        Files.write(path.resolve(marker), new byte[0]);
    }

    /** Makes the markers and view files written so far, and their names, reach the disk. */
    void sync() throws IOException {
        try (var entries = Files.list(path)) {
            for (Path each : (Iterable<Path>) entries::iterator) {
                force(each);
            }
        }
        force(path);
    }

    void unmark(String marker) throws IOException {
        Files.deleteIfExists(path.resolve(marker));
    }

    boolean has(String marker) {
        return Files.exists(path.resolve(marker));
    }

    /**
     * Writes both view files, each replaced whole (written aside, renamed). They are not synced here: the status
     * changes at every stage, and only the last one matters to the copy, which {@link #sync} makes durable.
     */
    void save(CloneStatus status) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(status.state.ordinal() + " " + status.id);
        lines.add(micros(status.begin) + " " + micros(status.end));
        lines.add(status.source);
        lines.add(Integer.toString(status.errorNumber));
        lines.add(status.errorMessage.replace('\n', ' '));
        lines.add("");
        lines.add("0");
        lines.add("");
        replace(VIEW_STATUS, lines);
        List<String> progress = new ArrayList<>();
        progress.add(Long.toString(status.id));
        for (StageProgress each : status.stages) {
            progress.add(each.state.ordinal() + " " + each.threads + " " + micros(each.begin) + " " + micros(each.end)
                    + " " + each.estimate + " " + each.data.get() + " 0");
        }
        replace(VIEW_PROGRESS, progress);
    }

    /**
     * The status a clone left in this directory, as the cloned server shows it: PID 0, destination LOCAL
     * INSTANCE, and stages that were running when the copy stopped shown as Failed. Null if there is none.
     */
    CloneStatus load() throws IOException {
        List<String> status;
        List<String> progress;
        try {
            status = Files.readAllLines(path.resolve(VIEW_STATUS), StandardCharsets.UTF_8);
            progress = Files.readAllLines(path.resolve(VIEW_PROGRESS), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (status.size() < 5 || progress.size() < 1 + CloneStage.values().length) {
            return null;
        }
        String[] stateAndId = status.get(0).split(" ");
        String[] times = status.get(1).split(" ");
        CloneStatus result = new CloneStatus(Long.parseLong(stateAndId[1]), 0, status.get(2),
                CloneStatus.LOCAL_INSTANCE);
        result.state = CloneState.values()[Integer.parseInt(stateAndId[0])];
        result.begin = instant(times[0]);
        result.end = instant(times[1]);
        result.errorNumber = Integer.parseInt(status.get(3).trim());
        result.errorMessage = status.get(4);
        for (int i = 0; i < result.stages.length; i++) {
            String[] fields = progress.get(i + 1).split(" ");
            StageProgress stage = result.stages[i];
            stage.state = CloneState.values()[Integer.parseInt(fields[0])];
            if (stage.state == CloneState.IN_PROGRESS) {
                stage.state = CloneState.FAILED;
            }
            stage.threads = Integer.parseInt(fields[1]);
            stage.begin = instant(fields[2]);
            stage.end = instant(fields[3]);
            stage.estimate = Long.parseLong(fields[4]);
            stage.data.set(Long.parseLong(fields[5]));
        }
        return result;
    }

    /** The recovery begin and end the server recorded at the clone's first start, or null. */
    Instant[] recovery() throws IOException {
        try {
            List<String> lines = Files.readAllLines(path.resolve(RECOVERY), StandardCharsets.UTF_8);
            return new Instant[] {instant(lines.get(0).trim()), instant(lines.get(1).trim())};
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void replace(String name, List<String> lines) throws IOException {
        Path aside = path.resolve(name + ".new");
        try (FileChannel channel = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        Files.move(aside, path.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static long micros(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return value == 0 ? null : Instant.ofEpochSecond(value / 1_000_000L, (value % 1_000_000L) * 1000);
    }
}
