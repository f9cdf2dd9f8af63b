package dev.doppel.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine never commits its store on its own, past the CommitGate: every connection whose URL names WRITE_DELAY
 * sets it again, and a value other than the server's turned the background writer back on (the probe's writers did,
 * and the server's maintenance connections did before the URL carried the maximum).
 */
class EngineOwnStoreCommitsTest {
    @TempDir
    Path datadir;

    @Test
    void noConnectionTurnsTheBackgroundWriterOrTheCommitBufferBackOn() throws Exception {
        H2Engine engine = H2Engine.create(datadir);
        try {
            for (Connection each : new Connection[] {engine.maintenanceConnection(), engine.connect()}) {
                try (Connection connection = each) {
                    MVStore store = ((SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession())
                            .getDatabase().getStore().getMvStore();
                    assertThat(store.getAutoCommitDelay()).isEqualTo(Integer.MAX_VALUE);
                    assertThat(store.getAutoCommitMemory()).isEqualTo(Integer.MAX_VALUE);
                }
            }
        } finally {
            engine.close();
        }
    }
}
