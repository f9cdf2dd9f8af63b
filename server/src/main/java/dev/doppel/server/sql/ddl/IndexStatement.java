package dev.doppel.server.sql.ddl;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON t (...) and DROP INDEX name ON t, which MySQL runs as the
 * ALTER TABLE t ADD INDEX / DROP INDEX they stand for.
 */
public final class IndexStatement {
    private IndexStatement() {
    }

    static boolean matches(List<Token> tokens) {
        if (tokens.size() < 4) {
            return false;
        }
        if (tokens.get(0).isWord("DROP")) {
            return tokens.get(1).isWord("INDEX");
        }
        int index = kind(tokens) ? 2 : 1;
        return tokens.get(0).isWord("CREATE") && tokens.get(index).isWord("INDEX");
    }

    private static boolean kind(List<Token> tokens) {
        Token second = tokens.get(1);
        return second.isWord("UNIQUE") || second.isWord("FULLTEXT") || second.isWord("SPATIAL");
    }

    /** The statement as ALTER TABLE. */
    static String asAlterTable(String sql, List<Token> tokens) {
        boolean create = tokens.get(0).isWord("CREATE");
        int nameAt = create && kind(tokens) ? 3 : 2;
        int on = nameAt + 1;
        while (on < tokens.size() && !tokens.get(on).isWord("ON")) {
            on++;
        }
        if (!tokens.get(nameAt).isIdentifier() || on + 1 >= tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(Math.min(on, tokens.size() - 1)).start());
        }
        int tableEnd = on + 1;
        if (tableEnd + 2 < tokens.size() && tokens.get(tableEnd + 1).isSymbol(".")) {
            tableEnd += 2;
        }
        String table = sql.substring(tokens.get(on + 1).start(), tokens.get(tableEnd).end());
        String name = sql.substring(tokens.get(nameAt).start(), tokens.get(nameAt).end());
        if (!create) {
            return "ALTER TABLE " + table + " DROP INDEX " + name;
        }
        String kind = nameAt == 3 ? tokens.get(1).text() + " " : "";
        String rest = tableEnd + 1 < tokens.size() ? sql.substring(tokens.get(tableEnd + 1).start()) : "";
        return "ALTER TABLE " + table + " ADD " + kind + "INDEX " + name + " " + rest;
    }
}
