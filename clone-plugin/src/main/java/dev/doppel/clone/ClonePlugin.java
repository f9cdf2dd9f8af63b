package dev.doppel.clone;

import dev.doppel.plugin.CloneHandler;
import dev.doppel.plugin.CloneRequest;
import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The clone plugin: type CLONE, name {@code clone}, version 1.0, as MySQL's, with its system variables and the
 * performance_schema tables clone_status and clone_progress. CLONE LOCAL DATA DIRECTORY runs one clone at a time
 * ({@link LocalClone}); UNINSTALL PLUGIN is refused while it runs (1883). On the first start of a server on a
 * clone, the status the clone left in {@code #clone} is shown, with the RESTART and RECOVERY stages the server
 * recorded.
 */
public final class ClonePlugin implements Plugin, CloneHandler {
    static final PluginDescriptor DESCRIPTOR = CloneVariables.declare(
            PluginDescriptor.builder(PluginType.CLONE, "clone").version(1, 0).author("Doppel")
                    .description("CLONE PLUGIN").license(PluginLicense.GPL).factory(ClonePlugin::new)).build();

    /** MySQL's clone client allows this many clones at a time. */
    private static final int MAX_CONCURRENT = 1;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile CloneStatus last;
    private PluginContext context;

    @Override
    public void init(PluginContext context) throws IOException {
        this.context = context;
        if (context.initializing()) {
            return;
        }
        last = firstStartStatus(context.dataDirectory());
        context.addTable(CloneTables.status(() -> last));
        context.addTable(CloneTables.progress(() -> last));
    }

    @Override
    public String checkUninstall() {
        return running.get() ? "Clone operation is in progress." : null;
    }

    @Override
    public void cloneLocal(CloneRequest request) {
        Path target = TargetDirectory.validate(request.directory(), context.dataDirectory());
        if (!running.compareAndSet(false, true)) {
            throw MySqlError.ER_CLONE_TOO_MANY_CONCURRENT_CLONES.exception(MAX_CONCURRENT);
        }
        try {
            String destination = request.directory().endsWith("/") ? request.directory() : request.directory() + "/";
            CloneStatus status = new CloneStatus(last == null ? 1 : last.id + 1, request.connectionId(),
                    CloneStatus.LOCAL_INSTANCE, destination);
            last = status;
            new LocalClone(context, status, request, target).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        } finally {
            running.set(false);
        }
    }

    /**
     * The status a clone left in this data directory, completed with the RESTART and RECOVERY stages when the
     * server has just started on it for the first time ({@code #status_recovery}); null when this data directory
     * is not a clone.
     */
    private static CloneStatus firstStartStatus(Path datadir) throws IOException {
        CloneDirectory markers = new CloneDirectory(datadir);
        if (!Files.isDirectory(markers.path())) {
            return null;
        }
        CloneStatus status = markers.load();
        Instant[] recovery = markers.recovery();
        if (status == null || recovery == null) {
            return status;
        }
        StageProgress restart = status.stage(CloneStage.RESTART);
        restart.begin = status.stage(CloneStage.FILE_SYNC).end;
        restart.end = recovery[0];
        restart.state = CloneState.COMPLETED;
        StageProgress recovered = status.stage(CloneStage.RECOVERY);
        recovered.begin = recovery[0];
        recovered.end = recovery[1];
        recovered.state = recovery[1] == null ? CloneState.FAILED : CloneState.COMPLETED;
        if (recovery[1] == null) {
            status.state = CloneState.FAILED;
            status.errorNumber = MySqlError.ER_INTERNAL_ERROR.number();
            status.errorMessage = MySqlError.ER_INTERNAL_ERROR.message("Recovery failed. Please Retry Clone. For"
                    + " details, look into server error log.");
        } else {
            status.end = recovery[1];
        }
        markers.save(status);
        markers.unmark(CloneDirectory.RECOVERY);
        return status;
    }
}
