package dev.doppel.clone;

/** The STATE values of clone_status and clone_progress. */
enum CloneState {
    NOT_STARTED("Not Started"),
    IN_PROGRESS("In Progress"),
    COMPLETED("Completed"),
    FAILED("Failed");

    final String label;

    CloneState(String label) {
        this.label = label;
    }
}
