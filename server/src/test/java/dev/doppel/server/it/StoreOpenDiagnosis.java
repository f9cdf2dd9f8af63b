package dev.doppel.server.it;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;

/**
 * One line on why a data directory's store did not open, for a test's failure message (the summary of a CI run shows
 * only that): the engine's StackOverflowError on open (docs/durability.md) is either a cycle in its layout map (a
 * chunk whose entry is missing) or a chain of chunk lookups deeper than a thread's stack; an open on a thread with a
 * stack of 1 GB tells them apart.
 */
public final class StoreOpenDiagnosis {
    private static final long LARGE_STACK = 1L << 30;

    private StoreOpenDiagnosis() {
    }

    /** Opens {@code datadir}'s store read-only with a large stack and says how that went. */
    public static String of(Path datadir) {
        Path file = datadir.resolve("doppel.mv.db");
        if (!Files.exists(file)) {
            return "no store file at " + file;
        }
        String[] outcome = new String[1];
        Thread open = new Thread(null, () -> {
            try {
                MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
                long chunks = store.getFileStore().getLayoutMap().keySet().stream()
                        .filter(key -> key.startsWith("chunk.")).count();
                store.closeImmediately();
                outcome[0] = "the store opens with a 1 GB stack (" + chunks + " chunks in its layout)";
            } catch (Throwable e) {
                outcome[0] = "the store fails with a 1 GB stack too: " + e;
            }
        }, "store-open-diagnosis", LARGE_STACK);
        open.start();
        try {
            open.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "diagnosis interrupted";
        }
        return outcome[0].length() > 300 ? outcome[0].substring(0, 300) : outcome[0];
    }
}
