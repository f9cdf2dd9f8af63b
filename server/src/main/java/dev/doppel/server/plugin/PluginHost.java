package dev.doppel.server.plugin;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginFlag;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.CloneHandler;
import dev.doppel.plugin.StatusVariableDefinition;
import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.PluginLoadOption;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.instance.ErrorLog;
import dev.doppel.server.instance.StartupException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The plugin host: built-in plugins, libraries from plugin_dir, --plugin-load(-add), the mysql.plugin registry,
 * activation states, INSTALL PLUGIN and UNINSTALL PLUGIN with MySQL's checks in MySQL's order, and the rows of
 * INFORMATION_SCHEMA.PLUGINS.
 */
public final class PluginHost {
    /** MySQL's version id of this server, for PLUGIN_TYPE_VERSION. */
    public static final int SERVER_VERSION_ID = 80406;
    /** How long a plugin's init may take; the system property doppel.plugin.init-timeout overrides it (tests). */
    static final long INIT_TIMEOUT_SECONDS = Long.getLong("doppel.plugin.init-timeout", 60);
    /** MySQL's ER_PLUGIN_CANT_LOAD, the error-log code of "Couldn't load plugin named ...". */
    private static final int ER_PLUGIN_CANT_LOAD = 10736;

    private final Path pluginDir;
    private final Path datadir;
    private final PluginVariables variables;
    private final SystemVariableRegistry registry;
    private final VirtualTables tables;
    private final ErrorLog log;
    private final PluginTable table;
    private final ClassLoader serverClassLoader = PluginHost.class.getClassLoader();
    private final List<LoadedPlugin> plugins = new CopyOnWriteArrayList<>();
    private final Map<String, PluginLibraryFile> libraries = new LinkedHashMap<>();
    private PluginOptions options = new PluginOptions(List.of());
    private boolean upgradeInProgress;
    private final PluginServices services;

    public PluginHost(Path pluginDir, Path datadir, SystemVariableRegistry registry, VirtualTables tables, ErrorLog log,
                      Supplier<Connection> systemConnection, PluginServices services) {
        this.services = services;
        this.pluginDir = pluginDir;
        this.datadir = datadir;
        this.registry = registry;
        this.variables = new PluginVariables(registry);
        this.tables = tables;
        this.log = log;
        this.table = new PluginTable(systemConnection);
        tables.add(new VirtualTable("information_schema", "PLUGINS", InformationSchemaPlugins.COLUMNS,
                this::informationSchemaRows));
    }

    /**
     * Loads every plugin at startup, in MySQL's order: built-ins, the --plugin-load(-add) values, the rows of
     * mysql.plugin (unless {@code readTable} is false: --skip-grant-tables), then initializes them. A FORCE
     * plugin that fails stops startup.
     */
    public synchronized void start(List<PluginLoadOption> loadOptions, PluginOptions startupOptions, boolean readTable,
                                   boolean upgrading) throws StartupException {
        this.options = startupOptions;
        this.upgradeInProgress = upgrading;
        for (BuiltInPlugins.BuiltIn each : BuiltInPlugins.all()) {
            LoadOption option = each.mandatory() ? each.defaultOption()
                    : optionFor(each.descriptor().name()).orElse(each.defaultOption());
            plugins.add(new LoadedPlugin(each.descriptor(), null, option, false));
        }
        for (String value : PluginLoadList.effectiveValues(loadOptions)) {
            for (PluginLoadList.Element element : PluginLoadList.parse(value)) {
                try {
                    registerFromLibrary(element.name(), element.soname(), false);
                } catch (MySqlException | IllegalArgumentException e) {
                    // as mysqld: the cause, then ER_PLUGIN_CANT_LOAD, which names the library for a bare element
                    logCause(e);
                    log.error(ER_PLUGIN_CANT_LOAD, "Couldn't load plugin named '"
                            + (element.name() == null ? element.soname() : element.name()) + "' with soname '"
                            + element.soname() + "'.");
                    break;
                }
            }
        }
        if (readTable) {
            List<PluginTable.Row> rows;
            try {
                rows = table.rows();
            } catch (SQLException e) {
                log.error(10735, "Could not open the mysql.plugin table. Please perform the MySQL upgrade procedure.");
                rows = List.of();
            }
            for (PluginTable.Row row : rows) {
                try {
                    registerFromLibrary(row.name(), row.dl(), true);
                } catch (MySqlException | IllegalArgumentException e) {
                    logCause(e);
                    log.warning(ER_PLUGIN_CANT_LOAD, "Couldn't load plugin named '" + row.name() + "' with soname '"
                            + row.dl() + "'.");
                }
            }
        }
        boolean forcedFailed = false;
        for (LoadedPlugin each : plugins) {
            if (each.status == PluginStatus.INACTIVE && !initialize(each)) {
                forcedFailed |= each.loadOption.forced();
            }
        }
        upgradeInProgress = false;
        if (forcedFailed) {
            throw new StartupException(10169, "Failed to initialize dynamic plugins.");
        }
    }

    /** Why a library or plugin could not be registered at startup: its client error, under that error's number. */
    private void logCause(RuntimeException e) {
        log.error(e instanceof MySqlException mysql ? mysql.number() : ER_PLUGIN_CANT_LOAD, e.getMessage());
    }

    private Optional<LoadOption> optionFor(String name) {
        return options.loadOption(name);
    }

    /** Registers plugin {@code name} (null: all of them) of a library; 1125 if a plugin of that name exists. */
    private List<LoadedPlugin> registerFromLibrary(String name, String soname, boolean registered) {
        if (name != null && find(name).isPresent()) {
            throw MySqlError.ER_UDF_EXISTS.exception(name);
        }
        PluginLibraryFile library = openLibrary(soname);
        try {
            List<PluginDescriptor> chosen = new ArrayList<>();
            for (PluginDescriptor each : library.plugins()) {
                if (name == null || each.name().equalsIgnoreCase(name)) {
                    chosen.add(each);
                }
            }
            if (chosen.isEmpty()) {
                throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception(name == null ? "_mysql_plugin_declarations_" : name);
            }
            List<LoadedPlugin> result = new ArrayList<>();
            for (PluginDescriptor each : chosen) {
                if (find(each.name()).isPresent()) {
                    throw MySqlError.ER_UDF_EXISTS.exception(each.name());
                }
                LoadedPlugin plugin = new LoadedPlugin(each, library, optionFor(each.name()).orElse(LoadOption.ON),
                        registered);
                library.acquire();
                plugins.add(plugin);
                result.add(plugin);
            }
            return result;
        } finally {
            releaseIfUnused(library);
        }
    }

    private PluginLibraryFile openLibrary(String soname) {
        PluginLibraryFile.checkSoname(pluginDir, soname);
        PluginLibraryFile open = libraries.get(soname);
        if (open != null) {
            return open;
        }
        PluginLibraryFile library = PluginLibraryFile.open(pluginDir, soname, serverClassLoader);
        libraries.put(soname, library);
        return library;
    }

    private void releaseIfUnused(PluginLibraryFile library) {
        for (LoadedPlugin each : plugins) {
            if (each.library == library) {
                return;
            }
        }
        libraries.remove(library.soname());
        library.close();
    }

    /**
     * Initializes a registered plugin according to its load option: OFF leaves it DISABLED; otherwise its
     * variables are registered and init runs. Returns false when init failed (the plugin is then removed).
     */
    private boolean initialize(LoadedPlugin plugin) {
        if (plugin.loadOption == LoadOption.OFF) {
            plugin.status = PluginStatus.DISABLED;
            log.note(10747, "Plugin '" + plugin.name() + "' is disabled.");
            return true;
        }
        PluginDescriptor descriptor = plugin.descriptor;
        try {
            variables.register(descriptor.name(), descriptor.systemVariables(), options);
        } catch (RuntimeException e) {
            log.error(10734, "Plugin '" + plugin.name() + "' registration as a " + descriptor.type().sqlName()
                    + " failed. " + e.getMessage());
            remove(plugin);
            return false;
        }
        if (descriptor.type() == PluginType.CLONE && upgradeInProgress) {
            // MySQL's server-side clone handler refuses while the data directory is being upgraded.
            log.error(13238, "Error installing plugin '" + plugin.name() + "': Cannot install during upgrade");
            log.error(10202, "Plugin '" + plugin.name() + "' init function returned error.");
            variables.unregister(descriptor.name());
            remove(plugin);
            return false;
        }
        PluginContextImpl context = new PluginContextImpl(descriptor.name(), datadir, registry, tables, log,
                upgradeInProgress, references(plugin), services);
        try {
            plugin.instance = initWithinBound(descriptor, context);
        } catch (Exception | LinkageError e) {
            log.error(10202, "Plugin '" + plugin.name() + "' init function returned error.");
            if (e.getMessage() != null) {
                log.error(10202, "Plugin '" + plugin.name() + "' reported: " + e.getMessage());
            }
            context.release();
            variables.unregister(descriptor.name());
            remove(plugin);
            return false;
        }
        plugin.context = context;
        plugin.status = PluginStatus.ACTIVE;
        return true;
    }

    /**
     * Makes and initializes the plugin on a thread of its own, so that an init that hangs cannot hang the
     * server: after {@link #INIT_TIMEOUT_SECONDS} it counts as failed (its thread is left to finish alone).
     */
    private static Plugin initWithinBound(PluginDescriptor descriptor, PluginContextImpl context) throws Exception {
        FutureTask<Plugin> init = new FutureTask<>(() -> {
            Plugin created = descriptor.newPlugin();
            created.init(context);
            return created;
        });
        Thread.ofPlatform().daemon().name("plugin-init-" + descriptor.name()).start(init);
        try {
            return init.get(INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            init.cancel(true);
            throw new TimeoutException("init did not return within " + INIT_TIMEOUT_SECONDS + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof LinkageError cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void remove(LoadedPlugin plugin) {
        plugins.remove(plugin);
        if (plugin.library != null && plugin.library.release()) {
            libraries.remove(plugin.library.soname());
        }
    }

    /** The registered plugin of that name (case-insensitive). */
    private Optional<LoadedPlugin> find(String name) {
        for (LoadedPlugin each : plugins) {
            if (each.name().equalsIgnoreCase(name)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a CLONE statement on the ACTIVE clone plugin, holding a reference on it meanwhile;
     * 1524 when there is none.
     */
    public void clone(java.util.function.Consumer<CloneHandler> statement) {
        LoadedPlugin plugin = null;
        synchronized (this) {
            for (LoadedPlugin each : plugins) {
                if (each.descriptor.type() == PluginType.CLONE && each.status == PluginStatus.ACTIVE
                        && each.instance instanceof CloneHandler) {
                    plugin = each;
                    plugin.references++;
                    break;
                }
            }
        }
        if (plugin == null) {
            throw MySqlError.ER_PLUGIN_IS_NOT_LOADED.exception("clone");
        }
        try {
            statement.accept((CloneHandler) plugin.instance);
        } finally {
            references(plugin).release();
        }
    }

    /** Whether the named plugin is registered and ACTIVE. */
    public boolean isActive(String name) {
        return find(name).map(each -> each.status == PluginStatus.ACTIVE).orElse(false);
    }

    /**
     * INSTALL PLUGIN name SONAME 'soname', after the caller checked the privilege. Returns the warnings to
     * give the client (1123 when the plugin is disabled by an option).
     */
    public synchronized List<MySqlException> install(String name, String soname) {
        if (find(name).isPresent()) {
            throw MySqlError.ER_UDF_EXISTS.exception(name);
        }
        PluginLibraryFile.checkSoname(pluginDir, soname);
        PluginLibraryFile library = openLibrary(soname);
        PluginDescriptor descriptor = null;
        for (PluginDescriptor each : library.plugins()) {
            if (each.flags().contains(PluginFlag.NO_INSTALL)) {
                releaseIfUnused(library);
                throw MySqlError.ER_PLUGIN_NO_INSTALL.exception(each.name());
            }
            if (each.name().equalsIgnoreCase(name)) {
                descriptor = each;
            }
        }
        if (descriptor == null) {
            releaseIfUnused(library);
            throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception(name);
        }
        LoadedPlugin plugin = new LoadedPlugin(descriptor, library, optionFor(descriptor.name()).orElse(LoadOption.ON),
                true);
        library.acquire();
        plugins.add(plugin);
        try {
            table.insert(name, soname);
        } catch (SQLException e) {
            remove(plugin);
            throw MySqlError.ER_DA_PLUGIN_INSTALL_ERROR.exception(name, "got '" + e.getMessage()
                    + "' writing to mysql.plugin");
        }
        if (plugin.loadOption == LoadOption.OFF) {
            plugin.status = PluginStatus.DISABLED;
            return List.of(MySqlError.ER_CANT_INITIALIZE_UDF.exception(name, "Plugin is disabled"));
        }
        if (!initialize(plugin)) {
            try {
                table.delete(name);
            } catch (SQLException e) {
                log.error(10734, "Could not remove the mysql.plugin row of '" + name + "': " + e.getMessage());
            }
            throw MySqlError.ER_CANT_INITIALIZE_UDF.exception(name, "Plugin initialization function failed.");
        }
        return List.of();
    }

    /** UNINSTALL PLUGIN name, after the caller checked the privilege. */
    public synchronized List<MySqlException> uninstall(String name) {
        LoadedPlugin plugin = find(name).filter(each -> each.status != PluginStatus.DELETED
                && each.status != PluginStatus.DELETING).orElseThrow(
                () -> MySqlError.ER_SP_DOES_NOT_EXIST.exception("PLUGIN", name));
        if (plugin.builtIn()) {
            throw MySqlError.ER_PLUGIN_DELETE_BUILTIN.exception();
        }
        if (plugin.loadOption == LoadOption.FORCE_PLUS_PERMANENT) {
            throw MySqlError.ER_PLUGIN_IS_PERMANENT.exception(plugin.name());
        }
        if (plugin.descriptor.flags().contains(PluginFlag.NO_UNINSTALL)) {
            throw MySqlError.ER_PLUGIN_NO_UNINSTALL.exception(plugin.name());
        }
        if (plugin.instance != null) {
            String busy;
            try {
                busy = plugin.instance.checkUninstall();
            } catch (RuntimeException e) {
                busy = "Plugin is still in use.";
            }
            if (busy != null) {
                throw MySqlError.ER_PLUGIN_CANNOT_BE_UNINSTALLED.exception(plugin.name(), busy);
            }
        }
        PluginStatus before = plugin.status;
        plugin.status = PluginStatus.DELETING;
        try {
            table.delete(name);
        } catch (SQLException e) {
            plugin.status = before;
            throw MySqlError.ER_DA_PLUGIN_INSTALL_ERROR.exception(name, "got '" + e.getMessage()
                    + "' deleting from mysql.plugin");
        }
        if (plugin.references > 0) {
            plugin.status = PluginStatus.DELETED;
            return List.of(MySqlError.WARN_PLUGIN_BUSY.exception());
        }
        unload(plugin);
        return List.of();
    }

    private PluginReferences references(LoadedPlugin plugin) {
        return new PluginReferences() {
            @Override
            public boolean acquire() {
                synchronized (PluginHost.this) {
                    if (plugin.status != PluginStatus.ACTIVE) {
                        return false;
                    }
                    plugin.references++;
                    return true;
                }
            }

            @Override
            public void release() {
                synchronized (PluginHost.this) {
                    plugin.references--;
                    if (plugin.references == 0 && plugin.status == PluginStatus.DELETED && plugins.contains(plugin)) {
                        unload(plugin);
                    }
                }
            }
        };
    }

    private void unload(LoadedPlugin plugin) {
        if (plugin.instance != null) {
            try {
                plugin.instance.deinit();
            } catch (RuntimeException | LinkageError e) {
                log.warning(10731, "Plugin '" + plugin.name() + "' deinit failed: " + e);
            }
        }
        if (plugin.context != null) {
            plugin.context.release();
        }
        variables.unregister(plugin.descriptor.name());
        plugin.status = PluginStatus.DELETED;
        remove(plugin);
    }

    /** Deinitializes every plugin, the last loaded first. */
    public synchronized void shutdown() {
        List<LoadedPlugin> reversed = new ArrayList<>(plugins);
        java.util.Collections.reverse(reversed);
        for (LoadedPlugin each : reversed) {
            if (!each.builtIn()) {
                unload(each);
            }
        }
    }

    /** The startup options no plugin claimed. */
    public PluginOptions options() {
        return options;
    }

    /** Name and value of the status variables of active plugins. */
    public Map<String, Object> statusVariables() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (LoadedPlugin each : plugins) {
            if (each.status == PluginStatus.ACTIVE) {
                for (StatusVariableDefinition variable : each.descriptor.statusVariables()) {
                    result.put(variable.name(), variable.value().get());
                }
            }
        }
        return result;
    }

    /** INFORMATION_SCHEMA.PLUGINS, in registration order. */
    public List<Object[]> informationSchemaRows() {
        List<Object[]> result = new ArrayList<>();
        for (LoadedPlugin each : plugins) {
            PluginDescriptor descriptor = each.descriptor;
            result.add(new Object[] {descriptor.name(), descriptor.version(), each.status.name(),
                descriptor.type().sqlName(), descriptor.type().typeVersion(SERVER_VERSION_ID),
                each.library == null ? null : registeredSoname(each), each.library == null ? null : each.library.apiVersion(),
                descriptor.author(), descriptor.description(), descriptor.license().name(), each.loadOption.name()});
        }
        return result;
    }

    private static String registeredSoname(LoadedPlugin plugin) {
        return plugin.library.soname();
    }

    /** For SHOW PLUGINS: Name, Status, Type, Library, License. */
    public List<String[]> showPluginsRows() {
        List<String[]> result = new ArrayList<>();
        for (Object[] each : informationSchemaRows()) {
            result.add(new String[] {(String) each[0], (String) each[2], (String) each[3], (String) each[5],
                (String) each[9]});
        }
        return result;
    }

}
