package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Locale;

/**
 * MySQL compares strings under the column's collation, by default utf8mb4_0900_ai_ci: case-insensitive. The
 * engine compares case-sensitively unless a column is VARCHAR_IGNORECASE, so CREATE/ALTER TABLE declare VARCHAR
 * columns that way, except those given a binary or case-sensitive collation. CHAR and TEXT columns are left as
 * they are (a known deviation, docs/testing.md).
 */
public final class CaseInsensitiveText {
    private static final String TYPE = "VARCHAR_IGNORECASE";

    private CaseInsensitiveText() {
    }

    /** The engine's type for the VARCHAR at {@code index} of a table definition, or null to keep it. */
    static String replacement(List<Token> tokens, int index) {
        if (!tokens.get(index).isWord("VARCHAR") || !isTableDefinition(tokens)
                || (index > 0 && (tokens.get(index - 1).isWord("AS") || tokens.get(index - 1).isSymbol(".")))) {
            return null;
        }
        int i = index + 1;
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            while (i < tokens.size() && !tokens.get(i).isSymbol(")")) {
                i++;
            }
            i++;
        }
        for (; i < tokens.size() && !tokens.get(i).isSymbol(",") && !tokens.get(i).isSymbol(")"); i++) {
            Token token = tokens.get(i);
            if (token.isWord("BINARY")) {
                return null;
            }
            if ((token.isWord("COLLATE") || token.isWord("CHARSET") || token.isWord("SET")) && i + 1 < tokens.size()) {
                String name = tokens.get(i + 1).text().toLowerCase(Locale.ROOT);
                if (name.equals("binary") || name.endsWith("_bin") || name.endsWith("_cs")) {
                    return null;
                }
            }
        }
        return TYPE;
    }

    private static boolean isTableDefinition(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return false;
        }
        return tokens.get(1).isWord("TABLE") || (tokens.get(1).isWord("TEMPORARY") && tokens.get(2).isWord("TABLE"));
    }
}
