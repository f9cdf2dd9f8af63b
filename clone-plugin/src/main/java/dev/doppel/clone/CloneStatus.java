package dev.doppel.clone;

import java.time.Instant;

/**
 * The last or current clone of this server: the row of performance_schema.clone_status and, through
 * {@link #stages}, the seven rows of clone_progress.
 */
final class CloneStatus {
    static final String LOCAL_INSTANCE = "LOCAL INSTANCE";

    final long id;
    volatile long pid;
    volatile CloneState state = CloneState.NOT_STARTED;
    volatile Instant begin;
    volatile Instant end;
    final String source;
    volatile String destination;
    volatile int errorNumber;
    volatile String errorMessage = "";
    final StageProgress[] stages = new StageProgress[CloneStage.values().length];

    CloneStatus(long id, long pid, String source, String destination) {
        this.id = id;
        this.pid = pid;
        this.source = source;
        this.destination = destination;
        for (int i = 0; i < stages.length; i++) {
            stages[i] = new StageProgress();
        }
    }

    StageProgress stage(CloneStage stage) {
        return stages[stage.ordinal()];
    }

    /** The stage that is running, or null. */
    CloneStage running() {
        for (CloneStage each : CloneStage.values()) {
            if (stage(each).state == CloneState.IN_PROGRESS) {
                return each;
            }
        }
        return null;
    }

    void fail(int number, String message) {
        CloneStage current = running();
        if (current != null) {
            stage(current).fail();
        }
        errorNumber = number;
        errorMessage = message;
        end = Instant.now();
        state = CloneState.FAILED;
    }
}
