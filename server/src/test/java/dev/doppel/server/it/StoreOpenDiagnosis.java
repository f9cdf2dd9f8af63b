package dev.doppel.server.it;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.doppel.server.engine.store.StoreOpening;
import org.h2.mvstore.MVStore;

/**
 * One line on why a data directory's store did not open, for a test's failure message (the summary of a CI run shows
 * only that) after the engine's StackOverflowError on open (docs/durability.md): what a read-only open of the same
 * file on the server's large stack ({@link StoreOpening}) gives, the layout's chunk count or the engine's error.
 */
public final class StoreOpenDiagnosis {
    private StoreOpenDiagnosis() {
    }

    /** Opens {@code datadir}'s store read-only with the large stack and says how that went. */
    public static String of(Path datadir) {
        Path file = datadir.resolve("doppel.mv.db");
        if (!Files.exists(file)) {
            return "no store file at " + file;
        }
        String[] outcome = new String[1];
        try {
            outcome[0] = StoreOpening.onLargeStack(() -> {
                MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
                long chunks = store.getFileStore().getLayoutMap().keySet().stream()
                        .filter(key -> key.startsWith("chunk.")).count();
                store.closeImmediately();
                return "the store opens with a 512 MB stack (" + chunks + " chunks in its layout)";
            });
        } catch (Throwable e) {
            outcome[0] = "the store fails with a 512 MB stack too: " + e;
        }
        return outcome[0].length() > 300 ? outcome[0].substring(0, 300) : outcome[0];
    }
}
