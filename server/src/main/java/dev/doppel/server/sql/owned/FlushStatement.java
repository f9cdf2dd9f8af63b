package dev.doppel.server.sql.owned;

import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.List;

/**
 * FLUSH [NO_WRITE_TO_BINLOG | LOCAL] PRIVILEGES: reads the grant tables again; on a server started with
 * --skip-grant-tables it turns the privilege system on (new connections authenticate again, account statements
 * work). Needs RELOAD or the dynamic FLUSH_PRIVILEGES privilege.
 */
public final class FlushStatement {
    private final Session session;

    public FlushStatement(Session session) {
        this.session = session;
    }

    public static boolean matches(List<Token> tokens) {
        int index = 1;
        if (index < tokens.size() && (tokens.get(index).isWord("NO_WRITE_TO_BINLOG") || tokens.get(index).isWord("LOCAL"))) {
            index++;
        }
        return index == tokens.size() - 1 && tokens.get(index).isWord("PRIVILEGES");
    }

    public void execute(String sql) {
        PrivilegeChecker privileges = session.privileges();
        if (!privileges.hasGlobal("FLUSH_PRIVILEGES")) {
            privileges.requireGlobal("RELOAD");
        }
        try {
            session.server().accounts().flush();
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
        session.server().sha2Cache().clear();
    }
}
