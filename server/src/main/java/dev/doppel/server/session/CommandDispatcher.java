package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.Command;
import dev.doppel.server.protocol.MalformedPacketException;
import dev.doppel.server.protocol.Packet;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ServerPackets;
import dev.doppel.server.protocol.Wire;
import dev.doppel.server.sql.errors.InternalFailures;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.owned.FieldList;
import dev.doppel.server.sql.owned.LiteralSelect;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.owned.SetStatement;
import dev.doppel.server.sql.lex.Token;
import io.netty.buffer.ByteBuf;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/** Runs the commands of the command phase for one session and writes their replies. */
final class CommandDispatcher {
    private static final int INLINE_QUERY_LIMIT = 1024;

    private final Session session;
    private final QueryExecutor queries;

    CommandDispatcher(Session session) {
        this.session = session;
        this.queries = new QueryExecutor(session);
    }

    /**
     * Whether a command can run on the network thread: it waits for nothing and takes microseconds (COM_PING,
     * COM_QUIT, a SELECT of literals and variables, a SET of plain values, an engine SELECT that {@link
     * dev.doppel.server.sql.QuickReads} allows). The caller makes sure no earlier command of the session is pending.
     */
    boolean canRunInline(Packet packet) {
        ByteBuf payload = packet.payload();
        if (packet.firstSequence() != 0 || !payload.isReadable()) {
            return false;
        }
        int command = payload.getUnsignedByte(payload.readerIndex());
        if (command == Command.COM_PING || command == Command.COM_QUIT) {
            return true;
        }
        if (command == Command.COM_STMT_EXECUTE) {
            return queries.preparedStatements().canRunInline(payload);
        }
        if (command != Command.COM_QUERY || payload.readableBytes() > INLINE_QUERY_LIMIT) {
            return false;
        }
        String sql = dev.doppel.server.protocol.ClientText.decode(
                payload.nioBuffer(payload.readerIndex() + 1, payload.readableBytes() - 1), session.clientCharset());
        try {
            List<Token> tokens = Lexer.tokenize(sql);
            boolean inline = LiteralSelect.applies(sql, tokens)
                    || SetStatement.isInlineSafe(tokens, session.variables().autocommit())
                    || queries.canRunInline(tokens);
            if (inline) {
                queries.reuseTokens(sql, tokens);
            }
            return inline;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void dispatch(Packet packet) {
        ByteBuf payload = packet.payload();
        ResponseWriter writer = session.writer();
        if (packet.firstSequence() != 0) {
            session.connection().abort(packet, MySqlError.ER_NET_PACKETS_OUT_OF_ORDER.exception(),
                    "Got packets out of order");
            return;
        }
        if (!payload.isReadable()) {
            session.connection().abort(packet, MySqlError.ER_UNKNOWN_COM_ERROR.exception(), "Empty command packet");
            return;
        }
        writer.begin(packet.lastSequence() + 1);
        int command = payload.readUnsignedByte();
        try {
            run(command, payload);
        } catch (MySqlException e) {
            writer.begin(packet.lastSequence() + 1);
            writer.error(e.number(), e.sqlState(), e.getMessage());
        } catch (MalformedPacketException e) {
            malformed(packet);
        } catch (RuntimeException | Error e) {
            if (e instanceof IndexOutOfBoundsException && readPastThePayload(e)) {
                malformed(packet);
            } else {
                internalFailure(packet, e);
            }
        } finally {
            session.commandEnded();
        }
        writer.flush();
        session.connection().afterReply();
    }

    private void malformed(Packet packet) {
        ResponseWriter writer = session.writer();
        writer.begin(packet.lastSequence() + 1);
        MySqlException error = MySqlError.ER_MALFORMED_PACKET.exception();
        writer.error(error.number(), error.sqlState(), error.getMessage());
    }

    /** Every command answers, whatever broke inside it; the session and the server go on. */
    private void internalFailure(Packet packet, Throwable e) {
        MySqlException error = InternalFailures.answer(e);
        if (InternalFailures.resourceExhaustion(e) == null && error.number() == 1105) {
            session.server().log().error(1105, "Internal error in a command of connection " + session.id()
                    + ": " + e + InternalFailures.where(e));
        }
        ResponseWriter writer = session.writer();
        writer.begin(packet.lastSequence() + 1);
        writer.error(error.number(), error.sqlState(), error.getMessage());
    }

    /**
     * A command that reads past its payload is malformed (1835); an index out of bounds anywhere else is a bug of the
     * server's, answered and logged as one, not blamed on the client.
     */
    private static boolean readPastThePayload(Throwable e) {
        StackTraceElement[] where = e.getStackTrace();
        return where.length > 0 && where[0].getClassName().startsWith("io.netty.buffer.");
    }

    private void run(int command, ByteBuf payload) {
        Charset charset = session.clientCharset();
        switch (command) {
            case Command.COM_QUERY -> {
                String sql = Wire.readRestAsText(payload, charset);
                GeneralLogLines.write(session, "Query", sql);
                session.server().accountUsage().query(session.account());
                // the process list shows other sessions' statements: without their passwords, as in MySQL
                session.commandStarted("Query", dev.doppel.server.sql.lex.SecretRedaction.redact(sql));
                session.server().status().questions.increment();
                queries.executeText(sql);
            }
            case Command.COM_PING -> ok();
            case Command.COM_QUIT -> {
                GeneralLogLines.write(session, "Quit", "");
                session.connection().close();
            }
            case Command.COM_INIT_DB -> {
                String schema = Wire.readRestAsString(payload, charset);
                GeneralLogLines.write(session, "Init DB", schema);
                session.commandStarted("Init DB", null);
                session.server().status().statements().command(session.status(), "change_db");
                session.clearWarnings();
                session.useSchema(schema);
                ok();
            }
            case Command.COM_FIELD_LIST -> fieldList(payload, charset);
            case Command.COM_STATISTICS -> statistics();
            case Command.COM_RESET_CONNECTION -> {
                queries.preparedStatements().closeAll();
                session.reset();
                ok();
            }
            case Command.COM_SET_OPTION -> setOption(payload);
            case Command.COM_REFRESH -> {
                new dev.doppel.server.sql.owned.FlushStatement(session).refresh(payload.readUnsignedByte());
                ok();
            }
            case Command.COM_PROCESS_KILL -> {
                long id = payload.readUnsignedIntLE();
                queries.commands().kill(id, false);
                ok();
            }
            case Command.COM_SHUTDOWN -> {
                queries.commands().shutdown();
                eofOrOk();
                queries.commands().shutdownAfterReply();
            }
            case Command.COM_CHANGE_USER -> session.connection().changeUser(payload);
            case Command.COM_STMT_PREPARE, Command.COM_STMT_EXECUTE, Command.COM_STMT_SEND_LONG_DATA,
                 Command.COM_STMT_RESET, Command.COM_STMT_CLOSE, Command.COM_STMT_FETCH ->
                    queries.preparedStatements().dispatch(command, payload);
            default -> throw MySqlError.ER_UNKNOWN_COM_ERROR.exception();
        }
    }

    private void ok() {
        session.writer().ok(0, 0, session.statusFlags(), session.warnings().size(), null, session.drainSessionState());
    }

    private void eofOrOk() {
        if (Capabilities.has(session.capabilities(), Capabilities.CLIENT_DEPRECATE_EOF)) {
            ServerPackets.ok(session.writer().output().begin(), 0xFE, 0, 0, session.statusFlags(), 0, null, null,
                    session.capabilities());
            session.writer().output().end();
        } else {
            session.writer().eof(session.statusFlags(), 0);
        }
    }

    /** COM_SET_OPTION: 0 turns multi-statements on, 1 off; the reply is an EOF packet. */
    private void setOption(ByteBuf payload) {
        int option = payload.readUnsignedShortLE();
        switch (option) {
            case 0 -> session.multiStatements(true);
            case 1 -> session.multiStatements(false);
            default -> throw MySqlError.ER_UNKNOWN_COM_ERROR.exception();
        }
        eofOrOk();
    }

    /** COM_STATISTICS: a one-line status string, sent without an OK header. */
    private void statistics() {
        var status = session.server().status();
        long uptime = Math.max(1, status.uptimeSeconds());
        String line = String.format("Uptime: %d  Threads: %d  Questions: %d  Slow queries: %d  Opens: 0  Flush tables: 1"
                + "  Open tables: 0  Queries per second avg: %.3f", status.uptimeSeconds(),
                session.server().connectionCount(), status.questions.sum(), status.statements().slowQueries(),
                status.questions.sum() / (double) uptime);
        ByteBuf out = session.writer().output().begin();
        out.writeCharSequence(line, StandardCharsets.UTF_8);
        session.writer().output().end();
    }

    /** COM_FIELD_LIST (the CLI's auto-rehash): the columns of a table, ending with an EOF packet. */
    private void fieldList(ByteBuf payload, Charset charset) {
        String table = Wire.readNulTerminated(payload, charset);
        String wildcard = payload.isReadable() ? Wire.readRestAsString(payload, charset) : null;
        GeneralLogLines.write(session, "Field List", table);
        session.commandStarted("Field List", null);
        List<ColumnDefinition> columns;
        try {
            columns = FieldList.of(session, table, wildcard);
        } catch (SQLException e) {
            throw MySqlError.ER_NO_SUCH_TABLE.exception(session.schema(), table);
        }
        ResponseWriter writer = session.writer();
        for (ColumnDefinition each : columns) {
            ByteBuf out = writer.output().begin();
            each.encode(out);
            out.writeByte(Wire.NULL_COLUMN);
            writer.output().end();
        }
        writer.eof(session.statusFlags(), 0);
    }
}
