package dev.doppel.server.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the server does for a data directory made by CLONE (its {@code #clone} directory), as InnoDB does in
 * MySQL: refuse to start while {@code #status_in_progress} says the copy did not complete, and on the first start
 * ({@code #status_fix}) record when recovery began and ended in {@code #status_recovery}, which the clone plugin
 * turns into its RESTART and RECOVERY stages.
 */
final class ClonedDataDirectory {
    private static final String CLONE_DIRECTORY = "#clone";
    private static final String IN_PROGRESS = "#status_in_progress";
    private static final String FIRST_START = "#status_fix";
    private static final String RECOVERY = "#status_recovery";

    private final Path markers;
    private final boolean firstStart;
    private Instant recoveryBegin;

    ClonedDataDirectory(Path datadir) throws StartupException {
        this.markers = datadir.resolve(CLONE_DIRECTORY);
        if (Files.exists(markers.resolve(IN_PROGRESS))) {
            throw new StartupException(12930, "Plugin initialization aborted with error Incomplete cloned data"
                    + " directory. " + markers.resolve(IN_PROGRESS) + " exists: the clone into " + datadir
                    + " did not complete. Remove the directory and clone again.");
        }
        this.firstStart = Files.exists(markers.resolve(FIRST_START));
    }

    /** Before the engine opens the copy (its crash recovery). */
    void recoveryBegins() {
        recoveryBegin = Instant.now();
    }

    /** After the engine opened the copy: records the recovery for the clone plugin. */
    void recoveryEnded() throws IOException {
        if (!firstStart) {
            return;
        }
        Instant end = Instant.now();
        Files.writeString(markers.resolve(RECOVERY), micros(recoveryBegin) + "\n" + micros(end) + "\n\n0\n\n",
                StandardCharsets.UTF_8);
        Files.delete(markers.resolve(FIRST_START));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
