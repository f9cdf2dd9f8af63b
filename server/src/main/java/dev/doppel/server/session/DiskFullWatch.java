package dev.doppel.server.session;

import dev.doppel.server.engine.StorageEngine;

/**
 * Stops a statement that writes while the disk fills up. Writes are refused before they start once the data
 * directory's file system is nearly full (DiskFullGuard); a statement that began with room left and writes more
 * than there is (one INSERT ... SELECT of many rows) is stopped here at the same mark, with 1114 for its table or
 * 1021, and the engine takes its changes back. The room left below the mark holds what the engine still has to
 * write, the statement's undoing included.
 */
public final class DiskFullWatch implements AutoCloseable {
    /** How often the free space is looked at while a statement writes: a statfs, about a microsecond. */
    private static final long INTERVAL_MILLIS = 50;

    private final RunningStatements running;
    private final StorageEngine engine;
    private final Thread watcher;

    public DiskFullWatch(RunningStatements running, StorageEngine engine) {
        this.running = running;
        this.engine = engine;
        this.watcher = Thread.ofPlatform().daemon().name("disk-full-watch").start(this::watch);
    }

    private void watch() {
        try {
            while (true) {
                Thread.sleep(INTERVAL_MILLIS);
                check();
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        boolean roomChecked = false;
        for (RunningStatements.Running each : running.all()) {
            Session session = each.session();
            if (session.writing() == null || session.stopped() != null) {
                continue;
            }
            if (!roomChecked) {
                if (engine.hasRoomForWrites()) {
                    return;
                }
                roomChecked = true;
            }
            session.stop(Session.Stop.DISK_FULL);
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
