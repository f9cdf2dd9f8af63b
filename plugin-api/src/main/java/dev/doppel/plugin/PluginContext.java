package dev.doppel.plugin;

import java.nio.file.Path;

/**
 * What the server offers a plugin while it is loaded. The context is given to {@link Plugin#init} and stays valid
 * until {@link Plugin#deinit} returns.
 */
public interface PluginContext {

    /** The plugin's name as declared. */
    String pluginName();

    /** The error log, with lines attributed to this plugin. */
    PluginLog log();

    /** The server's data directory (absolute). */
    Path dataDirectory();

    /** The server version string, e.g. "8.4.6-doppel". */
    String serverVersion();

    /** The current global value of one of this plugin's system variables (Boolean, Long or String). */
    Object systemVariable(String name);

    /**
     * Whether the server is upgrading its data directory in this startup (a plugin that must not run during an
     * upgrade refuses to initialize, as MySQL's clone plugin does).
     */
    boolean upgradeInProgress();

    /** Whether the server runs --initialize (plugins that add tables or start work skip that). */
    boolean initializing();

    /** Privilege checks against the server's accounts and grants. */
    PrivilegeChecks privileges();

    /** Adds a table to information_schema or performance_schema until the plugin is unloaded. */
    void addTable(VirtualTable table);

    /** The storage engine's snapshot service, for copying the live data (the clone plugin). */
    StorageSnapshots storageSnapshots();

    /** The server's backup lock, which keeps DDL out while held (clone_block_ddl). */
    BackupLock backupLock();
}
