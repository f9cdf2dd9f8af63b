package dev.doppel.plugin;

import java.time.Duration;

/**
 * The server's backup lock (MySQL's BACKUP_LOCK metadata lock): while any holder has it, DDL statements wait for it
 * (up to lock_wait_timeout, then 1205); it is granted only when no DDL statement is running.
 */
public interface BackupLock {

    /**
     * Takes the lock, waiting up to {@code timeout} for running DDL statements to end.
     *
     * @throws MySqlException 1205 ER_LOCK_WAIT_TIMEOUT when the timeout passes first
     */
    Holder acquire(Duration timeout) throws InterruptedException;

    /** A granted lock; closing it lets DDL run again. */
    interface Holder extends AutoCloseable {
        @Override
        void close();
    }
}
