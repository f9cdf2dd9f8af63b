package dev.doppel.plugin;

/** One CLONE statement as the server hands it to the {@link CloneHandler}. */
public interface CloneRequest {

    /** The target directory exactly as the user typed it (error messages echo it unchanged). */
    String directory();

    /** The processlist id of the session running the statement (clone_status.PID). */
    long connectionId();

    /** Whether KILL QUERY, KILL CONNECTION or shutdown asked this statement to stop (it then fails with 1317). */
    boolean killed();
}
