package dev.doppel.server.sql.owned;

import dev.doppel.plugin.CloneRequest;
import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * CLONE LOCAL DATA DIRECTORY [=] 'dir', and CLONE INSTANCE FROM ... recognized only to refuse it. The server's
 * part, as in MySQL: parse, check the privilege before anything else (BACKUP_ADMIN; CLONE_ADMIN for a clone that
 * replaces this server's data), then hand the statement to the ACTIVE clone plugin (1524 without).
 */
public final class CloneStatement {
    private final Session session;

    public CloneStatement(Session session) {
        this.session = session;
    }

    public void execute(String sql, List<Token> tokens) {
        if (tokens.size() > 1 && tokens.get(1).isWord("INSTANCE")) {
            cloneInstance(sql, tokens);
            return;
        }
        String directory = localDirectory(sql, tokens);
        requireGlobal("BACKUP_ADMIN");
        session.server().plugins().clone(handler -> handler.cloneLocal(new CloneRequest() {
            @Override
            public String directory() {
                return directory;
            }

            @Override
            public long connectionId() {
                return session.id();
            }

            @Override
            public boolean killed() {
                return session.queryKilled();
            }
        }));
    }

    /** The directory of CLONE LOCAL DATA DIRECTORY [=] 'dir'. */
    private static String localDirectory(String sql, List<Token> tokens) {
        int index = 1;
        for (String word : new String[] {"LOCAL", "DATA", "DIRECTORY"}) {
            if (index >= tokens.size() || !tokens.get(index).isWord(word)) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            index++;
        }
        if (index < tokens.size() && tokens.get(index).isSymbol("=")) {
            index++;
        }
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.STRING) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        if (index + 1 < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index + 1).start());
        }
        return tokens.get(index).text();
    }

    /** A remote clone: privilege and plugin as MySQL checks them, then refused (Doppel clones locally only). */
    private void cloneInstance(String sql, List<Token> tokens) {
        if (tokens.size() < 3 || !tokens.get(2).isWord("FROM")) {
            throw Lexer.syntaxError(sql, tokens.size() > 2 ? tokens.get(2).start() : sql.length());
        }
        boolean intoDirectory = tokens.stream().anyMatch(each -> each.isWord("DIRECTORY"));
        requireGlobal(intoDirectory ? "BACKUP_ADMIN" : "CLONE_ADMIN");
        session.server().plugins().clone(handler -> {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("CLONE INSTANCE");
        });
    }

    private void requireGlobal(String privilege) {
        // CLONE_ADMIN includes BACKUP_ADMIN
        if (!session.privileges().hasGlobal(privilege) && !session.privileges().hasGlobal("CLONE_ADMIN")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception(privilege);
        }
    }
}
