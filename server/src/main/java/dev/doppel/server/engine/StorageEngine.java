package dev.doppel.server.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** The storage engine behind every schema: gives each session its own transactional connection. */
public interface StorageEngine extends AutoCloseable {

    /**
     * A new connection for a client session, with its own transaction, in the engine's MySQL compatibility mode. It has
     * no administrator rights: it reaches schemas, tables and their rows, never the engine's code, files or settings.
     */
    Connection connect() throws SQLException;

    /**
     * A new connection with the engine's administrator rights, for the server's own maintenance (system tables,
     * engine functions and triggers). Never hand it to a statement a client wrote.
     */
    Connection maintenanceConnection() throws SQLException;

    /**
     * Makes the commits made so far durable as innodb_flush_log_at_trx_commit says: with 1 (the default) they are on
     * stable storage when this returns, and survive a power cut. Called after every commit and before its reply is
     * sent; concurrent callers share one write and one sync.
     */
    void flush();

    /** How many times the commits have been synced to stable storage (SHOW GLOBAL STATUS Innodb_os_log_fsyncs). */
    long syncs();

    /**
     * Refuses a statement that would change data, before it starts, when the engine's disk is nearly full: MySQL's
     * 1114 "The table '...' is full" for {@code table} (asked only then), 1021 "Disk full" when it gives null. Reads are
     * never refused.
     */
    void requireSpaceForWrites(java.util.function.Supplier<String> table);

    /** Whether writes may go on: what {@link #requireSpaceForWrites} checks, for a statement already running. */
    boolean hasRoomForWrites();

    /**
     * Where the engine reads innodb_flush_log_at_trx_commit (0, 1 or 2) and innodb_flush_log_at_timeout (seconds)
     * from now on; until this is called, both are 1.
     */
    void durability(java.util.function.IntSupplier flushAtCommit, java.util.function.IntSupplier flushTimeoutSeconds);

    /**
     * Starts a snapshot of the engine's files for a copy made while writers go on (the clone SPI): see
     * {@link dev.doppel.plugin.StorageSnapshot} for what the engine promises.
     */
    dev.doppel.plugin.StorageSnapshot snapshot() throws java.io.IOException;

    /** Whether the connection's open transaction has changed anything, so that committing it writes something. */
    boolean hasUncommittedChanges(Connection connection);

    /** How the engine would run a statement (its engine text), planned on the connection and not run (EXPLAIN). */
    java.util.List<dev.doppel.server.engine.plan.PlannedAccess> plan(Connection connection, String engineSql)
            throws java.sql.SQLException;

    /**
     * Called after each command a client sent, when the session has an engine connection: the connection's open
     * transaction, if any, keeps its locks in a state where other transactions wait for them properly (see
     * {@code H2RollbackMark}).
     */
    void statementsEnded(Connection connection);

    /** How long the connection's statements may run before the engine stops them, in milliseconds (0: no bound). */
    void statementTimeout(Connection connection, int millis);

    /**
     * How long the connection's statements wait for a row or table lock another transaction holds before they fail
     * (MySQL's 1205), in milliseconds (at least 1).
     */
    void lockTimeout(Connection connection, int millis);

    /** Releases the engine's files; further connections fail. */
    @Override
    void close();
}
