package dev.doppel.server.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** The storage engine behind every schema: gives each session its own transactional connection. */
public interface StorageEngine extends AutoCloseable {

    /** A new connection with its own transaction, in the engine's MySQL compatibility mode. */
    Connection connect() throws SQLException;

    /**
     * Writes every change made so far to the engine's files, so that a commit acknowledged after this call
     * survives the process being killed. Called before the reply to a committing statement is sent.
     */
    void flush();

    /** Whether the connection's open transaction has changed anything, so that committing it writes something. */
    boolean hasUncommittedChanges(Connection connection);

    /** Releases the engine's files; further connections fail. */
    @Override
    void close();
}
