package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.protocol.Command;
import dev.doppel.server.session.Session;
import io.netty.buffer.ByteBuf;

/**
 * The binary prepared-statement commands. Not implemented yet: the server answers COM_STMT_PREPARE with
 * MySQL's 1295, and COM_STMT_CLOSE (which has no reply) is ignored; drivers use client-side preparation by
 * default, which goes through COM_QUERY.
 */
public final class PreparedStatements {
    private final Session session;

    PreparedStatements(Session session) {
        this.session = session;
    }

    public void dispatch(int command, ByteBuf payload) {
        if (command == Command.COM_STMT_CLOSE) {
            session.writer().begin(0);
            return;
        }
        throw MySqlError.ER_UNSUPPORTED_PS.exception();
    }
}
