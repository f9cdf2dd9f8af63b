package dev.doppel.server.sql.ddl;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prefix key parts, {@code KEY (c(10))}, which the engine does not read: the index is made over the whole column. For
 * a plain index that changes only its size; a UNIQUE one then compares whole values rather than their first N
 * characters (docs/testing.md lists it). MySQL needs a prefix for TEXT and BLOB columns, so dumps are full of them.
 */
public final class PrefixKeyParts {
    private static final Set<String> KEY_WORDS = Set.of("KEY", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL");

    private PrefixKeyParts() {
    }

    /** Marks the {@code (N)} of every key part of CREATE TABLE, ALTER TABLE and CREATE INDEX to be left out. */
    public static void collect(List<Token> tokens, Map<Integer, String> replaced) {
        if (tokens.isEmpty() || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return;
        }
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean keyWord = token.kind() == Token.Kind.WORD && KEY_WORDS.contains(token.upper());
            boolean onTable = token.isWord("ON") && isCreateIndex(tokens);
            if (!keyWord && !onTable) {
                continue;
            }
            int open = i + 1;
            while (open < tokens.size() && !tokens.get(open).isSymbol("(") && !tokens.get(open).isSymbol(",")
                    && !tokens.get(open).isSymbol(")")) {
                open++;
            }
            if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, open);
            if (close < 0) {
                return;
            }
            for (int j = open + 1; j + 3 <= close; j++) {
                if (tokens.get(j).isIdentifier() && tokens.get(j + 1).isSymbol("(")
                        && tokens.get(j + 2).kind() == Token.Kind.NUMBER && tokens.get(j + 3).isSymbol(")")) {
                    replaced.put(j + 1, "");
                    replaced.put(j + 2, "");
                    replaced.put(j + 3, "");
                }
            }
            i = close;
        }
    }

    private static boolean isCreateIndex(List<Token> tokens) {
        int i = 1;
        if (tokens.get(i).isWord("UNIQUE") || tokens.get(i).isWord("FULLTEXT") || tokens.get(i).isWord("SPATIAL")) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).isWord("INDEX");
    }
}
