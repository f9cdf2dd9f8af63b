package dev.doppel.server;

import dev.doppel.server.config.ConfigEnvironment;
import dev.doppel.server.config.ConfigException;
import dev.doppel.server.config.ConfigWarning;
import dev.doppel.server.config.RawOption;
import dev.doppel.server.config.ServerConfig;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.engine.collation.EngineCollation;
import dev.doppel.server.instance.ErrorLog;
import dev.doppel.server.instance.Initializer;
import dev.doppel.server.instance.ProcessUser;
import dev.doppel.server.instance.Server;
import dev.doppel.server.instance.StartupException;
import dev.doppel.server.instance.UnclaimedOptions;

import java.nio.file.Path;

import sun.misc.Signal;

/** The doppeld command: reads options like mysqld, then initializes a data directory or runs the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        EngineCollation.installProviders();
        System.exit(run(args));
    }

    static int run(String[] args) {
        ServerConfig config;
        Path basedir = basedir(args);
        try {
            // Options the server does not know may belong to plugins, which load later: the server rejects the
            // ones no plugin claims once plugins are loaded, as mysqld does.
            config = ServerConfig.load(args, ConfigEnvironment.system(basedir, "doppeld"), option -> true);
        } catch (ConfigException e) {
            if (e.early()) {
                for (ConfigWarning each : e.messages()) {
                    System.err.println("doppeld: [ERROR] " + each.text());
                }
                return e.exitCode();
            }
            ErrorLog log = ErrorLog.configure(null);
            for (ConfigWarning each : e.messages()) {
                write(log, each);
            }
            return e.exitCode();
        }
        switch (config.mode()) {
            case HELP, PRINT_DEFAULTS -> {
                System.out.println(config.helpText());
                return 0;
            }
            case VERSION -> {
                System.out.println(config.versionText());
                return 0;
            }
            default -> {
            }
        }
        ErrorLog log = ErrorLog.configure(config.logError().orElse(null));
        log.verbosity(() -> ((Number) config.variables().globalValue("log_error_verbosity")).intValue());
        for (ConfigWarning each : config.warnings()) {
            write(log, each);
        }
        String program = config.basedir().resolve("bin").resolve("doppeld").toString();
        if (config.mode() == ServerConfig.Mode.VALIDATE_CONFIG) {
            return rejectUnclaimedOptions(config, log) ? 1 : 0;
        }
        try {
            ProcessUser.check(config.user(), log);
        } catch (StartupException e) {
            log.error(e.code(), e.getMessage());
            log.error(10119, "Aborting");
            return 1;
        }
        switch (config.mode()) {
            case INITIALIZE, INITIALIZE_INSECURE -> {
                if (rejectUnclaimedOptions(config, log)) {
                    return 1;
                }
                log.verbosity(3);
                if (!config.pluginLoadOptions().isEmpty()) {
                    log.warning(13501, "Ignoring --plugin-load[_add] list as the server is running with"
                            + " --initialize(-insecure).");
                }
                log.system(13169, program + " (mysqld " + ServerVersion.VERSION + ") initializing of server in"
                        + " progress as process " + ProcessHandle.current().pid());
                try {
                    new Initializer(log).initialize(config.datadir().toAbsolutePath().normalize(),
                            config.mode() == ServerConfig.Mode.INITIALIZE_INSECURE);
                } catch (StartupException e) {
                    log.error(e.code(), e.getMessage());
                    log.error(10119, "Aborting");
                    return 1;
                }
                log.system(13170, program + " (mysqld " + ServerVersion.VERSION + ") initializing of server has"
                        + " completed");
                return 0;
            }
            default -> {
                return serve(config, log);
            }
        }
    }

    /** A failure no user setting explains: an Error (StackOverflowError, ...) or an unchecked exception in the chain. */
    private static boolean isInternalError(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Error || cause instanceof RuntimeException) {
                return true;
            }
        }
        return false;
    }

    private static int serve(ServerConfig config, ErrorLog log) {
        Server server = new Server(config, log);
        try {
            server.start();
        } catch (StartupException e) {
            log.error(e.code(), e.getMessage());
            log.error(10119, "Aborting");
            if (isInternalError(e)) {
                // the error log has MySQL's one line; where it came from goes to stderr for a bug report
                e.printStackTrace();
            }
            return 1;
        }
        Thread signalHook = new Thread(() -> {
            log.system(13172, "Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: "
                    + ServerVersion.VERSION + ").");
            server.stop();
        }, "shutdown-signal");
        Runtime.getRuntime().addShutdownHook(signalHook);
        // mysqld exits with 0 after SIGTERM; left to the JVM, SIGTERM would run the hook above and exit with 143
        Signal.handle(new Signal("TERM"), signal -> {
            log.system(13172, "Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: "
                    + ServerVersion.VERSION + ").");
            server.requestStop();
        });
        try {
            server.awaitStopRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(signalHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down (SIGTERM)
        }
        return 0;
    }

    /**
     * Without loading plugins (--validate-config, --initialize) an option nobody knows is an error, as mysqld
     * reports it; loose- ones only warn. Returns true when startup must stop.
     */
    private static boolean rejectUnclaimedOptions(ServerConfig config, ErrorLog log) {
        RawOption fatal = UnclaimedOptions.report(config.pluginOptions(), log);
        if (fatal == null) {
            return false;
        }
        log.error(fatal.unknownCode(), fatal.unknownMessage());
        log.error(10119, "Aborting");
        return true;
    }

    private static void write(ErrorLog log, ConfigWarning warning) {
        switch (warning.severity()) {
            case ERROR -> log.error(warning.code(), warning.text());
            case WARNING -> log.warning(warning.code(), warning.text());
            default -> log.note(warning.code(), warning.text());
        }
    }

    /** The installation directory the launcher passes; --basedir in the options overrides it. */
    private static Path basedir(String[] args) {
        return Path.of(System.getProperty("doppel.home", System.getProperty("user.dir")));
    }
}
