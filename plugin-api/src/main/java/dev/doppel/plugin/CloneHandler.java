package dev.doppel.plugin;

/**
 * What a plugin of type {@link PluginType#CLONE} implements besides {@link Plugin}, as MySQL's clone plugin
 * implements its handlerton: the server parses {@code CLONE LOCAL DATA DIRECTORY [=] 'dir'}, checks the
 * BACKUP_ADMIN privilege and that the plugin is ACTIVE, then calls {@link #cloneLocal} on the session's thread.
 */
public interface CloneHandler {

    /**
     * Makes a consistent copy of the server's data in {@code request.directory()} and returns when it is complete
     * and synced. Failures reach the client as the {@link MySqlException} thrown (e.g. 1525, 1007, 3634, 1317).
     */
    void cloneLocal(CloneRequest request);
}
