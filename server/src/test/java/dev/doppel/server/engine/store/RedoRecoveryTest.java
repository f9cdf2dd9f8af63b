package dev.doppel.server.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedoRecoveryTest {
    @TempDir
    Path datadir;

    /** A store file whose last version is below the returned one. */
    private long storeWithVersions(int versions) {
        MVStore store = new MVStore.Builder().fileName(datadir.resolve("s.mv.db").toString()).open();
        try {
            for (int i = 0; i < versions; i++) {
                store.openMap("m").put(i, i);
                store.commit();
            }
            return store.getCurrentVersion();
        } finally {
            store.close();
        }
    }

    @Test
    void recordsTheStoreHoldsAreSkippedAndTheRestReplayed() throws Exception {
        long storedBelow = storeWithVersions(3);
        try (RedoLog log = RedoLog.start(datadir, () -> Long.MAX_VALUE)) {
            log.append(new byte[] {1}, storedBelow - 1);
            log.append(new byte[] {2}, storedBelow);
            log.append(new byte[] {3}, storedBelow + 1);
        }
        assertThat(RedoRecovery.read(datadir, datadir.resolve("s.mv.db")).commits()).isEqualTo(2);
    }

    @Test
    void replayStopsAtABarrierTheStoreDoesNotHold() throws Exception {
        long storedBelow = storeWithVersions(3);
        try (RedoLog log = RedoLog.start(datadir, () -> Long.MAX_VALUE)) {
            log.append(RedoRecords.BARRIER, storedBelow - 1);
            log.append(new byte[] {1}, storedBelow);
            log.append(RedoRecords.BARRIER, storedBelow);
            log.append(new byte[] {2}, storedBelow);
        }
        assertThat(RedoRecovery.read(datadir, datadir.resolve("s.mv.db")).commits()).isEqualTo(1);
    }

    @Test
    void anEmptyLogNeedsNoStore() throws Exception {
        try (RedoLog log = RedoLog.start(datadir, () -> Long.MAX_VALUE)) {
            assertThat(log.written()).isZero();
        }
        assertThat(RedoRecovery.read(datadir, datadir.resolve("absent.mv.db")).commits()).isZero();
    }
}
