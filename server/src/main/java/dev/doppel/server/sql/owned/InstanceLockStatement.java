package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.time.Duration;
import java.util.List;

/**
 * LOCK INSTANCE FOR BACKUP and UNLOCK INSTANCE: the session takes the server's backup lock (the one a clone takes
 * with clone_block_ddl), which keeps DDL and account statements of other sessions out until UNLOCK INSTANCE or the
 * end of the session. Needs BACKUP_ADMIN; waits up to lock_wait_timeout for running DDL (1205).
 */
public final class InstanceLockStatement {
    private InstanceLockStatement() {
    }

    public static boolean matches(List<Token> tokens) {
        if (tokens.size() == 4 && tokens.get(0).isWord("LOCK")) {
            return tokens.get(1).isWord("INSTANCE") && tokens.get(2).isWord("FOR") && tokens.get(3).isWord("BACKUP");
        }
        return tokens.size() == 2 && tokens.get(0).isWord("UNLOCK") && tokens.get(1).isWord("INSTANCE");
    }

    public static void execute(List<Token> tokens, Session session) {
        if (tokens.get(0).isWord("UNLOCK")) {
            session.locks().releaseBackupLock();
            return;
        }
        if (!session.privileges().hasGlobal("BACKUP_ADMIN")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("BACKUP_ADMIN");
        }
        if (session.locks().holdsBackupLock()) {
            return;
        }
        try {
            Duration timeout = BackupLockedStatements.lockWaitTimeout(session);
            session.locks().holdBackupLock(session.server().backupLock().acquire(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        }
    }
}
