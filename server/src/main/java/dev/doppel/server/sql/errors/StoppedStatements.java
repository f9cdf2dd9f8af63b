package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.engine.H2Engine;
import dev.doppel.server.session.Session;

import java.util.function.Supplier;

/** The error of a statement the server stopped itself (Session.Stop): MySQL's for that cause. */
public final class StoppedStatements {
    private StoppedStatements() {
    }

    /** 1041 for the memory bound; 1114 for the written table, or 1021, for a full disk. */
    public static MySqlException error(Session session) {
        if (session.stopped() == Session.Stop.OUT_OF_MEMORY) {
            return MySqlError.ER_OUT_OF_RESOURCES.exception();
        }
        Supplier<String> writing = session.stoppedWrite();
        String table = writing == null ? null : writing.get();
        if (table != null) {
            return MySqlError.ER_RECORD_FILE_FULL.exception(table);
        }
        return MySqlError.ER_DISK_FULL.exception(H2Engine.FILE_NAME + H2Engine.FILE_SUFFIX, 28,
                "No space left on device");
    }
}
