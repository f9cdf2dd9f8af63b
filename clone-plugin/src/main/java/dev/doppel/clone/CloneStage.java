package dev.doppel.clone;

/** The stages of a clone, in the order of performance_schema.clone_progress's rows. */
enum CloneStage {
    DROP_DATA("DROP DATA"),
    FILE_COPY("FILE COPY"),
    PAGE_COPY("PAGE COPY"),
    REDO_COPY("REDO COPY"),
    FILE_SYNC("FILE SYNC"),
    RESTART("RESTART"),
    RECOVERY("RECOVERY");

    final String label;

    CloneStage(String label) {
        this.label = label;
    }
}
