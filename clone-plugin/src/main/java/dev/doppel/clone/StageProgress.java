package dev.doppel.clone;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One row of clone_progress while it changes: the copy workers add to {@link #data} as they go. */
final class StageProgress {
    volatile CloneState state = CloneState.NOT_STARTED;
    volatile int threads;
    volatile Instant begin;
    volatile Instant end;
    volatile long estimate;
    final AtomicLong data = new AtomicLong();

    void start(long estimatedBytes) {
        estimate = estimatedBytes;
        begin = Instant.now();
        state = CloneState.IN_PROGRESS;
    }

    void complete() {
        end = Instant.now();
        state = CloneState.COMPLETED;
    }

    void fail() {
        end = Instant.now();
        state = CloneState.FAILED;
    }

    /** Bytes per second over the stage so far; 0 unless the stage is running (as MySQL shows it). */
    long dataSpeed() {
        Instant started = begin;
        if (state != CloneState.IN_PROGRESS || started == null) {
            return 0;
        }
        long micros = Math.max(1, java.time.Duration.between(started, Instant.now()).toNanos() / 1000);
        return data.get() * 1_000_000L / micros;
    }
}
