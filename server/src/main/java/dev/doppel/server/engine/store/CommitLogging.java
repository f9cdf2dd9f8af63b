package dev.doppel.server.engine.store;

import org.h2.engine.SessionLocal;

/** What the engine's connections tell the redo log ({@link GroupCommit}); both are called while a store version cannot be taken. */
public interface CommitLogging {
    /** The session's transaction is about to commit in the engine. */
    void beforeCommit(SessionLocal session);

    /** A statement that may change the store is about to run (its text, or null when not known). */
    void statement(String sql);
}
