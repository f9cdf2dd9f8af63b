package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * 1046 No database selected: a statement that names its table without a database while the session has none.
 * The engine would otherwise use its own default schema. Reads (SELECT) get 1046 from the error translation,
 * since no table can be found there. Unqualified names resolve to the session's database, so {@link SameTableTwice}
 * is checked here too.
 */
public final class NoDatabase {
    private static final Set<String> MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "QUICK",
            "TEMPORARY");

    private NoDatabase() {
    }

    public static void check(List<Token> tokens, Session session) {
        SameTableTwice.check(tokens, session);
        if (session.schema() != null || tokens.isEmpty()) {
            return;
        }
        int index = tableIndex(tokens);
        if (index > 0 && index < tokens.size() && tokens.get(index).isIdentifier()
                && !(index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("."))) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
    }

    /** Where the statement's (first) table name is, or -1 for statements without one. */
    private static int tableIndex(List<Token> tokens) {
        String verb = tokens.get(0).upper();
        int index = skip(tokens, 1);
        switch (verb) {
            case "CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE" -> {
                if (index < tokens.size() && tokens.get(index).isWord("UNIQUE")) {
                    index++;
                }
                if (index < tokens.size() && tokens.get(index).isWord("INDEX")) {
                    while (index < tokens.size() && !tokens.get(index).isWord("ON")) {
                        index++;
                    }
                    return index + 1;
                }
                if (index < tokens.size() && tokens.get(index).isWord("TABLE")) {
                    index++;
                } else if (!verb.equals("TRUNCATE")) {
                    return -1;
                }
                if (index + 1 < tokens.size() && tokens.get(index).isWord("IF")) {
                    index += tokens.get(index + 1).isWord("NOT") ? 3 : 2;
                }
                return index;
            }
            case "INSERT", "REPLACE" -> {
                return index < tokens.size() && tokens.get(index).isWord("INTO") ? index + 1 : index;
            }
            case "UPDATE" -> {
                return index;
            }
            case "DELETE" -> {
                return index < tokens.size() && tokens.get(index).isWord("FROM") ? index + 1 : -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private static int skip(List<Token> tokens, int index) {
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && MODIFIERS.contains(tokens.get(index).upper())) {
            index++;
        }
        return index;
    }
}
