package dev.doppel.server.instance;

import dev.doppel.server.auth.KeyMaterial;
import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.catalog.VirtualTableFunction;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.RawOption;
import dev.doppel.server.plugin.PluginHost;
import dev.doppel.server.plugin.PluginServices;
import dev.doppel.server.plugin.PluginOptions;
import dev.doppel.server.config.ServerConfig;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.engine.H2Engine;
import dev.doppel.server.net.NetworkServer;
import dev.doppel.server.security.AccountStore;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running server: data directory, engine, accounts, keys and listeners, from startup to clean shutdown. */
public final class Server {
    private final ServerConfig config;
    private final ErrorLog log;
    private final String program;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private DataDirectory dataDirectory;
    private H2Engine engine;
    private Connection systemConnection;
    private NetworkServer network;
    private dev.doppel.server.sql.program.events.EventScheduler events;
    private ServerContext context;
    private PluginHost plugins;
    private final InstanceBackupLock backupLock = new InstanceBackupLock();
    private Path pidFile;

    public Server(ServerConfig config, ErrorLog log) {
        this.config = config;
        this.log = log;
        this.program = config.basedir().resolve("bin").resolve("doppeld").toString();
    }

    /**
     * A value may reach max_allowed_packet, and a statement holds a few at once (arguments, the result, its text
     * and bytes on the way out): on a heap smaller than this many packets, one statement can exhaust it.
     */
    private static final int PACKETS_PER_HEAP = 16;

    /** Starts everything and logs "ready for connections"; on failure everything started is undone. */
    public void start() throws StartupException {
        Path datadir = config.datadir().toAbsolutePath().normalize();
        log.system(10116, program + " (mysqld " + ServerVersion.VERSION + ") starting as process "
                + ProcessHandle.current().pid());
        try {
            if (!config.datadirGiven() && !Files.exists(datadir)) {
                log.system(13169, program + " (mysqld " + ServerVersion.VERSION + ") initializing of server in"
                        + " progress as process " + ProcessHandle.current().pid());
                new Initializer(log).initialize(datadir, true);
            }
            SecureFilePriv.prepare(config);
            dataDirectory = DataDirectory.open(datadir);
            ClonedDataDirectory cloned = new ClonedDataDirectory(datadir);
            Upgrade upgrade = new Upgrade(dataDirectory, log);
            cloned.recoveryBegins();
            engine = H2Engine.open(datadir);
            if (engine.recovered() != null) {
                log.warning(12552, engine.recovered());
            }
            engine.durability(() -> globalInt("innodb_flush_log_at_trx_commit"),
                    () -> globalInt("innodb_flush_log_at_timeout"));
            cloned.recoveryEnded();
            systemConnection = engine.maintenanceConnection();
            upgrade.run(systemConnection);
            AccountStore.createRoutineGrantsTable(systemConnection);
            AccountStore accounts = new AccountStore(() -> systemConnection);
            accounts.reload();
            if (config.skipGrantTables()) {
                accounts.skipGrants();
            }
            KeyMaterial keys = loadKeys(datadir);
            config.variables().setGlobalInternal("server_uuid", dataDirectory.serverUuid());
            boolean tls = keys.tlsAvailable();
            config.variables().setGlobalInternal("have_ssl", tls ? "YES" : "DISABLED");
            config.variables().setGlobalInternal("have_openssl", tls ? "YES" : "DISABLED");
            if (tls) {
                config.variables().setGlobalInternal("ssl_ca", config.sslCa().orElse(Path.of(KeyMaterial.CA_CERT)).toString());
                config.variables().setGlobalInternal("ssl_cert",
                        config.sslCert().orElse(Path.of(KeyMaterial.SERVER_CERT)).toString());
                config.variables().setGlobalInternal("ssl_key", config.sslKey().orElse(Path.of(KeyMaterial.SERVER_KEY)).toString());
            }
            VirtualTables tables = new VirtualTables();
            VirtualTables.install(tables);
            UnsignedColumns.install(new UnsignedColumns(engine::connect));
            try (Statement statement = systemConnection.createStatement()) {
                statement.execute(VirtualTableFunction.createAliasStatement());
                dev.doppel.server.catalog.ColumnTypeRegistry.ensureTable(systemConnection);
                dev.doppel.server.catalog.FulltextIndexes.ensureTable(systemConnection);
                dev.doppel.server.catalog.partitions.TablePartitions.ensureTable(systemConnection);
                for (UnsignedType each : UnsignedType.values()) {
                    statement.execute(each.createDomainStatement());
                }
                LogTables.create(systemConnection);
                dev.doppel.server.sql.program.RoutineCatalog.createTable(systemConnection);
                dev.doppel.server.sql.program.triggers.TriggerCatalog.createTable(systemConnection);
                dev.doppel.server.sql.program.events.EventCatalog.createTable(systemConnection);
                dev.doppel.server.catalog.SchemaOptions.createTable(systemConnection);
                Set<String> engineTables = new HashSet<>();
                try (ResultSet rows = statement.executeQuery("SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE UPPER(TABLE_SCHEMA) = 'INFORMATION_SCHEMA'")) {
                    while (rows.next()) {
                        engineTables.add(rows.getString(1));
                    }
                }
                tables.engineInformationSchema(engineTables);
            }
            plugins = new PluginHost(config.pluginDir(), datadir, config.variables(), tables, log,
                    () -> systemConnection, new PluginServices((user, host, privilege) -> isSkipGrants(user, host)
                            || accounts.find(user, host)
                            .map(account -> account.hasGlobalPrivilege(privilege.toUpperCase(java.util.Locale.ROOT)))
                            .orElse(false), new DataDirectorySnapshots(datadir, engine), backupLock));
            plugins.start(config.pluginLoadOptions(), new PluginOptions(config.pluginOptions()),
                    !config.skipGrantTables(), upgrade.needed());
            rejectUnknownOptions(plugins.options());
            upgrade.complete();
            context = new ServerContext(config, config.variables(), engine, accounts, keys, log, plugins,
                    backupLock, this::requestStop);
            CatalogViewers viewers = new CatalogViewers(context);
            dev.doppel.server.status.PerformanceSchemaStatus.register(tables,
                    () -> viewers.sessionReading(dev.doppel.server.catalog.VirtualTableFunction.readingConnection()),
                    () -> viewers.visibleSessions(viewers.sessionReading(
                            dev.doppel.server.catalog.VirtualTableFunction.readingConnection())),
                    context.status().digests(), context.status().statementEvents(), context.variables());
            dev.doppel.server.status.PerformanceSchemaConnections.register(tables,
                    () -> viewers.apply(dev.doppel.server.catalog.VirtualTableFunction.readingConnection()).processList(),
                    viewers::openAccounts, context.status().accounts());
            dev.doppel.server.catalog.InformationSchemaTables.register(tables, viewers,
                    context::schemas, new dev.doppel.server.sql.program.RoutineRows(context.routines(),
                    context.triggers(), context.events()), context.schemaOptions()::isReadOnly);
            dev.doppel.server.catalog.InformationSchemaKeywords.register(tables,
                    dev.doppel.server.sql.parse.Keywords.words(), dev.doppel.server.sql.parse.Keywords::isReservedWord);
            events = new dev.doppel.server.sql.program.events.EventScheduler(context);
            events.start();
            network = new NetworkServer(context);
            int port = config.skipNetworking() ? 0 : bind();
            Path socket = config.socket();
            if (socket != null) {
                network.bindSocket(socket);
            }
            writePidFile();
            warnOfASmallHeap();
            log.system(10931, program + ": ready for connections. Version: '" + ServerVersion.VERSION + "'  socket: '"
                    + (socket == null ? "" : socket) + "'  port: " + port + "  " + ServerVersion.VERSION_COMMENT + ".");
        } catch (StartupException e) {
            stopResources();
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            stopResources();
            throw new StartupException(10119, "Failed to start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopResources();
            throw new StartupException(10119, "Interrupted during startup", e);
        }
    }

    /** The account of sessions opened under --skip-grant-tables, which hold every privilege. */

    private void warnOfASmallHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        long packet = config.maxAllowedPacket();
        if (heap < PACKETS_PER_HEAP * packet) {
            log.warning(0, "The heap (" + (heap >> 20) + " MB) is less than " + PACKETS_PER_HEAP + " times"
                    + " max_allowed_packet (" + (packet >> 20) + " MB): one statement's values can exhaust it. Give"
                    + " the server more heap (DOPPEL_JAVA_OPTS=-Xmx...) or lower max_allowed_packet.");
        }
    }
    private static boolean isSkipGrants(String user, String host) {
        return AccountStore.SKIP_GRANTS.user().equals(user) && AccountStore.SKIP_GRANTS.host().equals(host);
    }

    /** Options neither the server nor a loaded plugin knows: fatal, or a warning with the loose- prefix. */
    private void rejectUnknownOptions(PluginOptions options) throws StartupException {
        RawOption fatal = UnclaimedOptions.report(options.unused(), log);
        if (fatal != null) {
            throw new StartupException(fatal.unknownCode(), fatal.unknownMessage());
        }
    }

    private KeyMaterial loadKeys(Path datadir) throws IOException, StartupException {
        if (!Files.exists(datadir.resolve(KeyMaterial.RSA_PRIVATE_KEY))
                && !Files.exists(datadir.resolve(KeyMaterial.SERVER_CERT))) {
            KeyMaterial.generate(datadir);
        }
        try {
            return KeyMaterial.load(datadir, config.sslCa(), config.sslCert(), config.sslKey());
        } catch (RuntimeException e) {
            throw new StartupException(10069, "Failed to set up SSL because of the following SSL library error: "
                    + e.getMessage(), e);
        }
    }

    private int globalInt(String variable) {
        return ((Number) config.variables().globalValue(variable)).intValue();
    }

    private int bind() throws StartupException, InterruptedException {
        try {
            int port = network.bindTcp(config.bindAddresses(), config.port());
            config.variables().setGlobalInternal("port", (long) port);
            return port;
        } catch (Exception e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                log.error(10262, "Can't start server: Bind on TCP/IP port: Address already in use");
                throw new StartupException(10257, "Do you already have another mysqld server running on port: "
                        + config.port() + " ?");
            }
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new StartupException(10262, "Can't start server: Bind on TCP/IP port: " + e.getMessage(), e);
        }
    }

    private void writePidFile() throws IOException {
        Path file = config.pidFile();
        if (file != null) {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            pidFile = file;
        }
    }

    /** Asks the main thread to stop the server (SHUTDOWN, COM_SHUTDOWN, SIGTERM). */
    public void requestStop() {
        stopped.countDown();
    }

    public void awaitStopRequest() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting, closes every connection, closes the engine and the data directory. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        stopResources();
        log.system(10910, program + ": Shutdown complete (mysqld " + ServerVersion.VERSION + ")  "
                + ServerVersion.VERSION_COMMENT + ".");
    }

    private void stopResources() {
        if (network != null) {
            network.stopListening();
        }
        if (context != null) {
            for (ServerContext.ConnectionInfo each : context.connections()) {
                each.kill(false);
            }
            if (events != null) {
                events.stop();
            }
            context.sessionThreads().shutdown();
            context.stopStatementGuards();
        }
        if (plugins != null) {
            plugins.shutdown();
        }
        if (network != null) {
            network.close();
        }
        if (systemConnection != null) {
            try {
                systemConnection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (engine != null) {
            engine.close();
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        if (dataDirectory != null) {
            try {
                dataDirectory.close();
            } catch (IOException ignored) {
                // process ends anyway
            }
        }
    }

    public Optional<ServerContext> context() {
        return Optional.ofNullable(context);
    }
}
