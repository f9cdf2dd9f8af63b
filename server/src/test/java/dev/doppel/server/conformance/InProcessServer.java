package dev.doppel.server.conformance;

import dev.doppel.server.config.ConfigEnvironment;
import dev.doppel.server.config.ServerConfig;
import dev.doppel.server.instance.ErrorLog;
import dev.doppel.server.instance.Initializer;
import dev.doppel.server.instance.Server;
import dev.doppel.server.instance.ServerContext;

import java.nio.file.Path;

/** A server in the test's own JVM with networking off and no Unix socket: sessions reach it in-process only. */
final class InProcessServer implements AutoCloseable {
    private final Server server;

    InProcessServer(Path home, Path basedir) throws Exception {
        Path datadir = home.resolve("data");
        ErrorLog log = ErrorLog.unconfigured();
        new Initializer(log).initialize(datadir, true);
        ServerConfig config = ServerConfig.load(new String[] {"--no-defaults", "--datadir=" + datadir,
                "--skip-networking", "--socket=", "--pid-file=" + home.resolve("doppel.pid")},
                ConfigEnvironment.system(basedir, "doppeld"));
        server = new Server(config, log);
        server.start();
    }

    ScriptClient connect() {
        ServerContext context = server.context().orElseThrow();
        return new InProcessClient(context);
    }

    @Override
    public void close() {
        server.stop();
    }
}
