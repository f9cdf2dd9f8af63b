package dev.doppel.server.instance;

import dev.doppel.server.auth.CachingSha2Cache;
import dev.doppel.server.auth.KeyMaterial;
import dev.doppel.server.config.ServerConfig;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.engine.StorageEngine;
import dev.doppel.server.plugin.PluginHost;
import dev.doppel.server.security.AccountStore;
import dev.doppel.server.session.DiskFullWatch;
import dev.doppel.server.session.MemoryGovernor;
import dev.doppel.server.session.RunningStatements;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection shares: configuration, variables, engine, accounts, keys, the log and the session list. */
public final class ServerContext {
    private static final Set<String> HIDDEN_SCHEMAS = Set.of("information_schema", "public");
    private final ServerConfig config;
    private final SystemVariableRegistry variables;
    private final StorageEngine engine;
    private final AccountStore accounts;
    private final KeyMaterial keys;
    private final ErrorLog log;
    private final CachingSha2Cache sha2Cache = new CachingSha2Cache();
    private final StatusCounters status = new StatusCounters();
    private final GeneralLog generalLog;
    private final SlowLog slowLog;
    private final GlobalReadLock globalReadLock = new GlobalReadLock();
    private final AccountUsage accountUsage = new AccountUsage();
    private final ConcurrentHashMap<Long, ConnectionInfo> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    /**
     * Platform threads, not virtual ones: the JVM counts allocation per platform thread only, and the memory bound
     * (MemoryGovernor) reads it; writes also ran faster on them (docs/benchmarks.md, eleventh session). Idle threads
     * are kept a minute for the next command.
     */
    private final ExecutorService sessionThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("session-", 0).factory());
    private final RunningStatements runningStatements = new RunningStatements();
    private final MemoryGovernor memoryGovernor;
    private final DiskFullWatch diskFullWatch;
    private final Runnable shutdownRequest;
    private final PluginHost plugins;
    private final InstanceBackupLock backupLock;
    private final UserLocks userLocks = new UserLocks();
    private final dev.doppel.server.sql.program.RoutineCatalog routines;
    private final dev.doppel.server.sql.program.triggers.TriggerCatalog triggers;
    private final dev.doppel.server.sql.program.events.EventCatalog events;
    private final dev.doppel.server.catalog.SchemaOptions schemaOptions;
    private volatile List<String> schemaCache;

    /** What the server knows of an open connection; the session registers itself under its id. */
    public interface ConnectionInfo {
        long id();

        /** Closes the connection (KILL, shutdown). */
        void kill(boolean queryOnly);
    }

    public ServerContext(ServerConfig config, SystemVariableRegistry variables, StorageEngine engine,
                         AccountStore accounts, KeyMaterial keys, ErrorLog log, PluginHost plugins,
                         InstanceBackupLock backupLock, Runnable shutdownRequest) {
        this.backupLock = backupLock;
        this.plugins = plugins;
        this.config = config;
        this.variables = variables;
        this.engine = engine;
        this.accounts = accounts;
        this.keys = keys;
        this.log = log;
        this.shutdownRequest = shutdownRequest;
        this.routines = new dev.doppel.server.sql.program.RoutineCatalog(engine);
        dev.doppel.server.sql.program.StoredFunctions.install(routines);
        this.triggers = new dev.doppel.server.sql.program.triggers.TriggerCatalog(engine);
        this.events = new dev.doppel.server.sql.program.events.EventCatalog(engine);
        dev.doppel.server.sql.program.SystemConnection options =
                new dev.doppel.server.sql.program.SystemConnection(engine, "the schema options");
        this.schemaOptions = new dev.doppel.server.catalog.SchemaOptions(options::get);
        String program = config.basedir().resolve("bin").resolve("doppeld").toString();
        this.generalLog = new GeneralLog(variables, program, config.port(), config.socket());
        this.slowLog = new SlowLog(variables, program, config.port(), config.socket());
        this.diskFullWatch = new DiskFullWatch(runningStatements, engine);
        this.memoryGovernor = new MemoryGovernor(runningStatements, (allocated, heapShare) ->
                log.warning(0, String.format("A statement was stopped with error 1041: it had allocated %d MB, and the"
                        + " heap was %.0f%% full after a full collection.", allocated >> 20, heapShare * 100)));
    }

    public ServerConfig config() {
        return config;
    }

    public SystemVariableRegistry variables() {
        return variables;
    }

    /** The lock between DDL statements and backups (clone_block_ddl). */
    public InstanceBackupLock backupLock() {
        return backupLock;
    }

    /** GET_LOCK's locks, server-wide. */
    public UserLocks userLocks() {
        return userLocks;
    }

    /** The stored procedures and functions (mysql.routines). */
    public dev.doppel.server.sql.program.RoutineCatalog routines() {
        return routines;
    }

    /** The triggers (mysql.triggers). */
    public dev.doppel.server.sql.program.triggers.TriggerCatalog triggers() {
        return triggers;
    }

    /** The events (mysql.events). */
    public dev.doppel.server.sql.program.events.EventCatalog events() {
        return events;
    }

    /** The schemas' options the engine does not keep (READ ONLY). */
    public dev.doppel.server.catalog.SchemaOptions schemaOptions() {
        return schemaOptions;
    }

    public StorageEngine engine() {
        return engine;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public KeyMaterial keys() {
        return keys;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public ErrorLog log() {
        return log;
    }

    public CachingSha2Cache sha2Cache() {
        return sha2Cache;
    }

    public AccountUsage accountUsage() {
        return accountUsage;
    }

    public GlobalReadLock globalReadLock() {
        return globalReadLock;
    }

    public GeneralLog generalLog() {
        return generalLog;
    }

    public SlowLog slowLog() {
        return slowLog;
    }

    public StatusCounters status() {
        return status;
    }

    /** The engine statements running now (the memory bound and the disk-full watch stop them). */
    public RunningStatements runningStatements() {
        return runningStatements;
    }

    /** Stops the guards of running statements (shutdown). */
    public void stopStatementGuards() {
        memoryGovernor.close();
        diskFullWatch.close();
    }

    public ExecutorService sessionThreads() {
        return sessionThreads;
    }

    public long newConnectionId() {
        return nextConnectionId.getAndIncrement();
    }

    public void register(ConnectionInfo connection) {
        connections.put(connection.id(), connection);
        status.maxUsedConnections.accumulateAndGet(connections.size(), Math::max);
    }

    public void unregister(long id) {
        connections.remove(id);
    }

    public ConnectionInfo connection(long id) {
        return connections.get(id);
    }

    public Collection<ConnectionInfo> connections() {
        return connections.values();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** The databases SHOW DATABASES lists: the engine's schemas plus information_schema and performance_schema. */
    public List<String> schemas() {
        List<String> cached = schemaCache;
        if (cached != null) {
            return cached;
        }
        TreeSet<String> result = new TreeSet<>(List.of("information_schema", "performance_schema"));
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (!HIDDEN_SCHEMAS.contains(name.toLowerCase(Locale.ROOT))) {
                    result.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list schemas", e);
        }
        schemaCache = List.copyOf(result);
        return schemaCache;
    }

    /** Forgets the cached database list after CREATE or DROP DATABASE. */
    public void schemasChanged() {
        schemaCache = null;
    }

    public boolean schemaExists(String name) {
        for (String each : schemas()) {
            if (each.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Starts a clean shutdown (SHUTDOWN statement, COM_SHUTDOWN). */
    public void requestShutdown() {
        shutdownRequest.run();
    }
}
