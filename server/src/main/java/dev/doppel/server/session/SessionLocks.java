package dev.doppel.server.session;

import dev.doppel.plugin.BackupLock;
import dev.doppel.plugin.MySqlError;
import dev.doppel.server.instance.GlobalReadLock;

/**
 * The server-wide locks of one session: the backup lock it holds (LOCK INSTANCE FOR BACKUP), the global read lock it
 * holds (FLUSH TABLES WITH READ LOCK), and, while a command of it writes, its place among the writers the global read
 * lock waits for. Everything is given back at the end of the command (the place) or of the session (the locks).
 */
public final class SessionLocks {
    private final Session session;
    private volatile BackupLock.Holder backupLock;
    /** Whether the running command holds a place among the writers. */
    private boolean writing;

    SessionLocks(Session session) {
        this.session = session;
    }

    private GlobalReadLock globalReadLock() {
        return session.server().globalReadLock();
    }

    private long lockWaitTimeout() {
        return ((Number) session.variables().value("lock_wait_timeout")).longValue();
    }

    /** LOCK INSTANCE FOR BACKUP: the session holds the backup lock until UNLOCK INSTANCE or its end. */
    public void holdBackupLock(BackupLock.Holder holder) {
        backupLock = holder;
    }

    public boolean holdsBackupLock() {
        return backupLock != null;
    }

    public void releaseBackupLock() {
        BackupLock.Holder held = backupLock;
        backupLock = null;
        if (held != null) {
            held.close();
        }
    }

    /** FLUSH TABLES WITH READ LOCK: waits for the other sessions' writes under way, then holds the lock. */
    public void takeGlobalReadLock() {
        leaveWriters();
        try {
            globalReadLock().acquire(session.id(), lockWaitTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        }
    }

    /** UNLOCK TABLES, and the session's end. */
    public void releaseGlobalReadLock() {
        globalReadLock().release(session.id());
    }

    /** A statement of the running command is about to write (or to commit changes): 1223 or a wait, see GlobalReadLock. */
    public void enterWriters() {
        if (writing) {
            return;
        }
        try {
            globalReadLock().enterWrite(session.id(), lockWaitTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        }
        writing = true;
    }

    /** The command ended: its writes are done. */
    void leaveWriters() {
        if (writing) {
            writing = false;
            globalReadLock().exitWrite();
        }
    }

    /** Whether the session holds a lock whose release could wait (the backup lock) or that others wait for. */
    boolean holdsAny() {
        return backupLock != null || globalReadLock().heldBy(session.id());
    }

    void end() {
        leaveWriters();
        releaseBackupLock();
        releaseGlobalReadLock();
    }
}
