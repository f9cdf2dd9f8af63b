package dev.doppel.example;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.StatusVariableDefinition;
import dev.doppel.plugin.SystemVariableDefinition;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DAEMON plugin that uses each part of the plugin API once: while installed it writes a heartbeat every
 * {@code example_interval_seconds} seconds into the table information_schema.EXAMPLE_EVENTS, counts the
 * heartbeats in the status variable {@code Example_heartbeats}, greets with {@code example_greeting}, and writes
 * a line to the error log when it starts and stops.
 */
public final class ExamplePlugin implements Plugin {
    public static final String NAME = "example";
    public static final String GREETING = "example_greeting";
    public static final String INTERVAL = "example_interval_seconds";
    public static final String HEARTBEATS = "Example_heartbeats";

    /**
     * The error-log codes (the MY- number) of this plugin's lines. Doppel does not hand out codes to plugins:
     * each picks its own, and this one takes numbers from 90000 on, far above what MySQL uses. The lines are
     * written at the System level, as MySQL's X Plugin announces "ready for connections", so that they show
     * at the default log_error_verbosity (2); Note lines need 3.
     */
    static final int LOG_STARTED = 90001;
    static final int LOG_STOPPED = 90002;

    private final AtomicLong heartbeats;
    private final ExampleEvents events = new ExampleEvents();
    private PluginContext context;
    private Thread daemon;

    private ExamplePlugin(AtomicLong heartbeats) {
        this.heartbeats = heartbeats;
    }

    /**
     * The descriptor, as MySQL's st_mysql_plugin declaration. The status variable is read by the server whenever
     * SHOW STATUS runs, so it reads a counter that the descriptor shares with the plugin instances it makes.
     */
    static PluginDescriptor descriptor() {
        AtomicLong heartbeats = new AtomicLong();
        return PluginDescriptor.builder(PluginType.DAEMON, NAME)
                .version(1, 0)
                .author("Doppel")
                .description("Example daemon: a greeting, a heartbeat and an information_schema table")
                .license(PluginLicense.GPL)
                .systemVariable(SystemVariableDefinition.string(GREETING, "Hello from the example plugin")
                        .validatedBy(value -> value != null && value.toString().length() <= 256)
                        .describedAs("The text the plugin writes into EXAMPLE_EVENTS when it starts (at most 256 characters)."))
                .systemVariable(SystemVariableDefinition.integer(INTERVAL, 10, 1, 3600)
                        .describedAs("Seconds between two heartbeats."))
                .statusVariable(new StatusVariableDefinition(HEARTBEATS, heartbeats::get))
                .factory(() -> new ExamplePlugin(heartbeats))
                .build();
    }

    @Override
    public void init(PluginContext context) throws Exception {
        this.context = context;
        if (context.initializing()) {
            return;
        }
        String greeting = String.valueOf(context.systemVariable(GREETING));
        heartbeats.set(0);
        events.add("INIT", greeting);
        context.addTable(events.table());
        daemon = Thread.ofPlatform().daemon().name("example-heartbeat").start(this::beatUntilStopped);
        context.log().system(LOG_STARTED, "Example plugin started (server " + context.serverVersion()
                + ", data directory " + context.dataDirectory() + "): greeting '" + greeting + "', a heartbeat every "
                + interval().toSeconds() + " seconds.");
    }

    /**
     * No statement can be using this plugin, so it may always be uninstalled; a plugin that is busy returns the
     * reason instead, and UNINSTALL PLUGIN fails with error 1883.
     */
    @Override
    public String checkUninstall() {
        return null;
    }

    @Override
    public void deinit() {
        if (daemon != null) {
            daemon.interrupt();
            try {
                daemon.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            daemon = null;
            context.log().system(LOG_STOPPED, "Example plugin stopped after " + heartbeats.get() + " heartbeats.");
        }
    }

    private void beatUntilStopped() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                // Read before every sleep: SET GLOBAL example_interval_seconds applies from the next heartbeat.
                Thread.sleep(interval());
                beat();
            }
        } catch (InterruptedException e) {
            // deinit: stop
        }
    }

    /** One heartbeat: counted in Example_heartbeats and listed in EXAMPLE_EVENTS. */
    void beat() {
        long count = heartbeats.incrementAndGet();
        events.add("HEARTBEAT", "heartbeat " + count);
    }

    private Duration interval() {
        return Duration.ofSeconds(((Number) context.systemVariable(INTERVAL)).longValue());
    }

    /** Whether the heartbeat thread runs (for tests). */
    boolean running() {
        return daemon != null && daemon.isAlive();
    }
}
