package dev.doppel.server.engine.store;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.TransactionStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Replays the redo log after a crash (docs/durability.md, "The redo log"). The records are read, and the version the
 * store's file ends at is read from the file, before the engine opens it: the engine may write a version of its own
 * while it opens. Records of versions the file holds are skipped; the rest go back into the store in log order, once
 * the engine has opened it and rolled back what was left uncommitted.
 */
public final class RedoRecovery {
    private final List<byte[]> payloads;

    private RedoRecovery(List<byte[]> payloads) {
        this.payloads = payloads;
    }

    /** What the log in {@code datadir} holds beyond the store file {@code storeFile}. */
    public static RedoRecovery read(Path datadir, Path storeFile) throws Exception {
        List<RedoSegments.Record> records = RedoSegments.read(RedoSegments.directory(datadir));
        if (records.isEmpty()) {
            return new RedoRecovery(List.of());
        }
        long storedBelow = StoreOpening.onLargeStack(() -> {
            MVStore store = new MVStore.Builder().fileName(storeFile.toString()).readOnly().open();
            try {
                return store.getCurrentVersion();
            } finally {
                store.close();
            }
        });
        List<byte[]> missing = new java.util.ArrayList<>();
        for (RedoSegments.Record each : records) {
            if (each.version() < storedBelow) {
                continue;
            }
            if (each.payload().length == RedoRecords.BARRIER.length) {
                // a change only the store held, and the store does not: what follows may depend on it
                break;
            }
            missing.add(each.payload());
        }
        return new RedoRecovery(missing);
    }

    /** How many commits the store is missing. */
    public int commits() {
        return payloads.size();
    }

    /**
     * Puts the missing commits into the open store and writes and syncs it, so that the log can start anew.
     *
     * @return how many changes were put back
     */
    public long replay(MVStore store, TransactionStore transactions) {
        long changes = RedoRecords.replay(store, transactions, payloads);
        store.commit();
        store.sync();
        return changes;
    }
}
