package dev.doppel.server.plugin;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.StorageSnapshots;
import dev.doppel.plugin.PluginLog;
import dev.doppel.plugin.PrivilegeChecks;
import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.instance.ErrorLog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server's side of a {@link PluginContext}: what one loaded plugin may use, undone when it is unloaded. */
final class PluginContextImpl implements PluginContext {
    private final String name;
    private final Path datadir;
    private final SystemVariableRegistry variables;
    private final VirtualTables tables;
    private final PluginLog log;
    private final List<VirtualTable> added = new ArrayList<>();
    private final boolean upgradeInProgress;
    private final PluginReferences references;
    private final PluginServices services;

    PluginContextImpl(String name, Path datadir, SystemVariableRegistry variables, VirtualTables tables,
                      ErrorLog errorLog, boolean upgradeInProgress, PluginReferences references,
                      PluginServices services) {
        this.name = name;
        this.services = services;
        this.references = references;
        this.upgradeInProgress = upgradeInProgress;
        this.datadir = datadir;
        this.variables = variables;
        this.tables = tables;
        String subsystem = name.isEmpty() ? "Server" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        this.log = new PluginLog() {
            @Override
            public void system(int code, String message) {
                errorLog.write(0, ErrorLog.Label.SYSTEM, code, subsystem, message);
            }

            @Override
            public void error(int code, String message) {
                errorLog.write(0, ErrorLog.Label.ERROR, code, subsystem, message);
            }

            @Override
            public void warning(int code, String message) {
                errorLog.write(0, ErrorLog.Label.WARNING, code, subsystem, message);
            }

            @Override
            public void note(int code, String message) {
                errorLog.write(0, ErrorLog.Label.NOTE, code, subsystem, message);
            }
        };
    }

    @Override
    public String pluginName() {
        return name;
    }

    @Override
    public PluginLog log() {
        return log;
    }

    @Override
    public Path dataDirectory() {
        return datadir;
    }

    @Override
    public String serverVersion() {
        return ServerVersion.VERSION;
    }

    @Override
    public Object systemVariable(String variable) {
        return variables.globalValue(variable);
    }

    @Override
    public boolean upgradeInProgress() {
        return upgradeInProgress;
    }

    @Override
    public PrivilegeChecks privileges() {
        return services.privileges();
    }

    @Override
    public StorageSnapshots storageSnapshots() {
        return services.snapshots();
    }

    @Override
    public BackupLock backupLock() {
        return services.backupLock();
    }

    @Override
    public boolean initializing() {
        return false;
    }

    @Override
    public synchronized void addTable(VirtualTable table) {
        // A statement reading the table holds a reference on the plugin, so UNINSTALL meanwhile only marks it
        // DELETED (warning 1620) and the plugin goes when the read is done.
        VirtualTable referenced = new VirtualTable(table.schema(), table.name(), table.columns(), () -> {
            if (!references.acquire()) {
                return java.util.List.of();
            }
            try {
                return table.rows().get();
            } finally {
                references.release();
            }
        });
        tables.add(referenced);
        added.add(referenced);
    }

    /** Removes what the plugin added (its tables). */
    synchronized void release() {
        for (VirtualTable each : added) {
            tables.remove(each.schema(), each.name());
        }
        added.clear();
    }
}
