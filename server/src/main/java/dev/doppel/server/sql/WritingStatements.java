package dev.doppel.server.sql;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.ViewDefinitions;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * Statements the server runs itself that write to the mysql schema or create and drop schemas: they are on stable
 * storage before their OK, as a commit is, and views are compiled again after them.
 */
final class WritingStatements {
    private static final Set<String> WRITING = Set.of("CREATE", "ALTER", "DROP", "RENAME", "GRANT", "REVOKE",
            "INSTALL", "UNINSTALL", "TRUNCATE");

    private WritingStatements() {
    }

    static void ended(List<Token> tokens, Session session) {
        Token first = tokens.get(0);
        if (first.kind() == Token.Kind.WORD && (WRITING.contains(first.upper())
                || (first.isWord("SET") && tokens.size() > 1 && tokens.get(1).isWord("PASSWORD")))) {
            ViewDefinitions.ddlRan();
            session.server().engine().flush();
        }
    }
}
