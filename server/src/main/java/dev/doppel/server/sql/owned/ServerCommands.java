package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.session.ClientConnection;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/** KILL [QUERY | CONNECTION] id and SHUTDOWN, as statements and as the protocol's COM_PROCESS_KILL and COM_SHUTDOWN. */
public final class ServerCommands {
    private final Session session;

    public ServerCommands(Session session) {
        this.session = session;
    }

    /** SHUTDOWN and COM_SHUTDOWN: needs the SHUTDOWN privilege. */
    public void shutdown() {
        session.privileges().requireGlobal("SHUTDOWN");
        session.server().log().system(13172, "Received SHUTDOWN from user " + session.user()
                + ". Shutting down mysqld (Version: " + ServerVersion.VERSION + ").");
    }

    /** Stops the server after the reply to SHUTDOWN is on its way, so the client sees its OK. */
    public void shutdownAfterReply() {
        session.writer().flush();
        session.server().requestShutdown();
    }

    public void kill(String sql, List<Token> tokens) {
        int index = 1;
        boolean queryOnly = false;
        if (index < tokens.size() && tokens.get(index).isWord("QUERY")) {
            queryOnly = true;
            index++;
        } else if (index < tokens.size() && tokens.get(index).isWord("CONNECTION")) {
            index++;
        }
        if (index != tokens.size() - 1 || tokens.get(index).kind() != Token.Kind.NUMBER) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        kill(Long.parseLong(tokens.get(index).text()), queryOnly);
    }

    /** KILL [QUERY] id: a user may kill its own sessions; others need CONNECTION_ADMIN or SUPER. */
    public void kill(long id, boolean queryOnly) {
        ServerContext.ConnectionInfo target = session.server().connection(id);
        if (target == null) {
            throw MySqlError.ER_NO_SUCH_THREAD.exception(id);
        }
        if (target instanceof ClientConnection client && client.session() != null
                && !(client.session().account().user().equals(session.account().user())
                        && client.session().account().host().equals(session.account().host()))
                && !session.privileges().hasGlobal("CONNECTION_ADMIN") && !session.privileges().hasGlobal("SUPER")) {
            throw MySqlError.ER_KILL_DENIED_ERROR.exception(id);
        }
        target.kill(queryOnly);
    }
}
