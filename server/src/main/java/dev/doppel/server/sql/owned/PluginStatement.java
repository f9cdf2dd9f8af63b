package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * INSTALL PLUGIN name SONAME 'library' and UNINSTALL PLUGIN name. The privilege check comes first, as in
 * MySQL: INSERT (install) or DELETE (uninstall) on mysql.plugin at any level, skipped under --skip-grant-tables.
 */
public final class PluginStatement {
    private final Session session;

    public PluginStatement(Session session) {
        this.session = session;
    }

    public static boolean matches(List<Token> tokens) {
        return tokens.size() > 1 && tokens.get(1).isWord("PLUGIN");
    }

    public void execute(String sql, List<Token> tokens) {
        boolean install = tokens.get(0).isWord("INSTALL");
        session.privileges().requireTable(install ? "INSERT" : "DELETE", "mysql", "plugin");
        if (tokens.size() < 3 || !(tokens.get(2).isIdentifier() || tokens.get(2).kind() == Token.Kind.STRING)) {
            throw Lexer.syntaxError(sql, tokens.size() > 2 ? tokens.get(2).start() : sql.length());
        }
        String name = tokens.get(2).text();
        List<MySqlException> warnings;
        if (install) {
            if (tokens.size() != 5 || !tokens.get(3).isWord("SONAME") || tokens.get(4).kind() != Token.Kind.STRING) {
                throw Lexer.syntaxError(sql, tokens.size() > 3 ? tokens.get(3).start() : sql.length());
            }
            warnings = session.server().plugins().install(name, tokens.get(4).text());
        } else {
            if (tokens.size() != 3) {
                throw Lexer.syntaxError(sql, tokens.get(3).start());
            }
            warnings = session.server().plugins().uninstall(name);
        }
        for (MySqlException each : warnings) {
            session.addWarning("Warning", each.number(), each.getMessage());
        }
    }
}
