package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The statements the backup lock keeps out, as MySQL's LOCK INSTANCE FOR BACKUP does: DDL (except on temporary
 * tables) and account management. While a backup (a clone with clone_block_ddl=ON) holds the lock they wait up
 * to lock_wait_timeout, then fail with 1205.
 */
public final class BackupLockedStatements {
    private static final Set<String> BLOCKED = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT",
            "REVOKE");

    private BackupLockedStatements() {
    }

    public static boolean blocks(List<Token> tokens) {
        Token first = tokens.get(0);
        if (first.kind() != Token.Kind.WORD || !BLOCKED.contains(first.upper())) {
            return false;
        }
        return !(tokens.size() > 1 && tokens.get(1).isWord("TEMPORARY"));
    }

    /** The session's lock_wait_timeout, which bounds every wait for the backup lock. */
    static Duration lockWaitTimeout(Session session) {
        return Duration.ofSeconds(((Number) session.variables().value("lock_wait_timeout")).longValue());
    }

    public static void run(Session session, Runnable statement) {
        if (session.locks().holdsBackupLock()) {
            // the lock's own holder may run DDL, as with MySQL's metadata locks
            statement.run();
            return;
        }
        try {
            session.server().backupLock().enterDdl(lockWaitTimeout(session).toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MySqlError.ER_QUERY_INTERRUPTED.exception();
        }
        try {
            statement.run();
        } finally {
            session.server().backupLock().exitDdl();
        }
    }
}
