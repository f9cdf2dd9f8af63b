package dev.doppel.server.sql.lex;

import dev.doppel.plugin.MySqlException;

import java.util.List;
import java.util.Locale;

/**
 * A statement's text as logs and the process list show it: the passwords it carries replaced by {@code <secret>}, as
 * MySQL rewrites them (CREATE USER / ALTER USER ... IDENTIFIED BY, SET PASSWORD, CLONE INSTANCE ... IDENTIFIED BY,
 * CHANGE REPLICATION SOURCE ... SOURCE_PASSWORD). A text the lexer cannot read is shown only up to the word that
 * announces a password.
 */
public final class SecretRedaction {
    public static final String SECRET = "<secret>";

    private SecretRedaction() {
    }

    public static String redact(String sql) {
        if (sql == null || !mayCarrySecret(sql)) {
            return sql;
        }
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(sql);
        } catch (MySqlException | IllegalArgumentException unreadable) {
            return cutAtSecret(sql);
        }
        TextEdits edits = new TextEdits();
        for (int i = 1; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.kind() == Token.Kind.STRING && announcesSecret(tokens, i)) {
                edits.replace(each, SECRET);
            }
        }
        return edits.isEmpty() ? sql : edits.apply(sql);
    }

    /** Whether IDENTIFIED or PASSWORD occurs in any case; without a copy of the text (every query passes here). */
    private static boolean mayCarrySecret(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if ((c == 'i' || c == 'I') && sql.regionMatches(true, i, "IDENTIFIED", 0, 10)
                    || (c == 'p' || c == 'P') && sql.regionMatches(true, i, "PASSWORD", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    /** IDENTIFIED [WITH plugin] BY 'x', PASSWORD [FOR u] = 'x', REPLACE 'x', SOURCE_PASSWORD = 'x'. */
    private static boolean announcesSecret(List<Token> tokens, int index) {
        Token previous = tokens.get(index - 1);
        if (previous.isWord("BY") || previous.isWord("REPLACE")) {
            for (int i = index - 2; i >= 0 && i >= index - 4; i--) {
                if (tokens.get(i).isWord("IDENTIFIED") || tokens.get(i).isWord("PASSWORD")) {
                    return true;
                }
            }
            return false;
        }
        if (previous.isSymbol("=") && index >= 2) {
            for (int i = index - 2; i >= 0 && i >= index - 6; i--) {
                Token word = tokens.get(i);
                if (word.isWord("PASSWORD") || word.isWord("SOURCE_PASSWORD") || word.isWord("MASTER_PASSWORD")) {
                    return true;
                }
                if (word.isSymbol(",") || word.isSymbol("=")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String cutAtSecret(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        int identified = upper.indexOf("IDENTIFIED");
        int password = upper.indexOf("PASSWORD");
        int at = identified < 0 ? password : password < 0 ? identified : Math.min(identified, password);
        return sql.substring(0, at) + SECRET;
    }
}
