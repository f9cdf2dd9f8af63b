package dev.doppel.plugin;

import java.io.IOException;

/** The storage engine's snapshot service, the clone SPI: {@link PluginContext#storageSnapshots()}. */
public interface StorageSnapshots {

    /** Starts a snapshot of the data directory's durable data (the engine's files and the format marker). */
    StorageSnapshot begin() throws IOException;
}
