package dev.doppel.clone;

import java.util.function.BooleanSupplier;

/** clone_max_data_bandwidth: keeps the bytes copied since the start under a rate, shared by all workers. */
final class Throttle {
    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long granted;

    /** @param bytesPerSecond 0 for no limit */
    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Waits until {@code bytes} more may be copied; returns early when {@code stop} turns true. */
    void acquire(long bytes, BooleanSupplier stop) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long due;
        synchronized (this) {
            // a block may start once the blocks before it fit in the rate
            due = startNanos + (long) (granted * 1e9 / bytesPerSecond);
            granted += bytes;
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stop.getAsBoolean()) {
            Thread.sleep(Math.min(100, Math.max(1, wait / 1_000_000)));
        }
    }
}
