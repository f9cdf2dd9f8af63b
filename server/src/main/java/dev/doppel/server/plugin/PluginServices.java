package dev.doppel.server.plugin;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.PrivilegeChecks;
import dev.doppel.plugin.StorageSnapshots;

/** The server services every plugin context hands out: privilege checks, the engine's snapshots, the backup lock. */
public record PluginServices(PrivilegeChecks privileges, StorageSnapshots snapshots, BackupLock backupLock) {
}
