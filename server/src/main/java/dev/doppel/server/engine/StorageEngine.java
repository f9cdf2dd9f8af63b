package dev.doppel.server.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** The storage engine behind every schema: gives each session its own transactional connection. */
public interface StorageEngine extends AutoCloseable {

    /** A new connection with its own transaction, in the engine's MySQL compatibility mode. */
    Connection connect() throws SQLException;

    /** Releases the engine's files; further connections fail. */
    @Override
    void close();
}
