package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL compares strings under the column's collation, by default utf8mb4_0900_ai_ci: case-insensitive. The
 * engine compares case-sensitively unless a column is VARCHAR_IGNORECASE, so CREATE/ALTER TABLE declare VARCHAR
 * columns that way, the TEXT types ({@link #TEXT_TYPES}) and CHAR ({@link #CHAR_TYPES}) too, except those given a
 * binary or case-sensitive collation, of their own or, without one, by CREATE TABLE's default. The engine's collation
 * (engine.collation) makes VARCHAR_IGNORECASE ignore accents too.
 */
public final class CaseInsensitiveText {
    private static final String TYPE = "VARCHAR_IGNORECASE";
    /**
     * The TEXT types: the engine keeps them as VARCHAR (in its MySQL mode) of its largest length; here each gets a
     * length no VARCHAR of MySQL's has (its rows hold 65535 bytes), so result metadata can tell the column for a TEXT
     * (sql.results.ColumnMapping).
     */
    static final Map<String, String> TEXT_TYPES = Map.of("TINYTEXT", "VARCHAR_IGNORECASE(65535)",
            "TEXT", "VARCHAR_IGNORECASE(65535)", "MEDIUMTEXT", "VARCHAR_IGNORECASE(16777215)",
            "LONGTEXT", "VARCHAR_IGNORECASE(1000000000)");

    /**
     * The fixed-length types: the engine has no CHAR that ignores case, so they become VARCHAR_IGNORECASE of their
     * length, the column type registry keeps {@code char(n)}, and engine.columns.CharColumns strips the trailing
     * spaces a CHAR does not keep.
     */
    static final java.util.Set<String> CHAR_TYPES = java.util.Set.of("CHAR", "CHARACTER", "NCHAR");

    private CaseInsensitiveText() {
    }

    /** The engine's type for the VARCHAR or TEXT type at {@code index} of a table definition, or null to keep it. */
    static String replacement(List<Token> tokens, int index) {
        Token type = tokens.get(index);
        // every word of every statement passes here: the cheap tests first, no upper-case copy outside table DDL
        if (type.kind() != Token.Kind.WORD || !isTableDefinition(tokens)) {
            return null;
        }
        boolean text = TEXT_TYPES.containsKey(type.upper()) && isColumnType(tokens, index)
                && !(index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("("));
        boolean fixed = CHAR_TYPES.contains(type.upper()) && isColumnType(tokens, index)
                && !(index + 2 < tokens.size() && tokens.get(index + 1).isSymbol("(")
                && tokens.get(index + 2).text().equals("0"))
                && !(index + 1 < tokens.size() && tokens.get(index + 1).isWord("VARYING"));
        if (!(type.isWord("VARCHAR") || text || fixed)
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
        boolean charset = false;
        for (; i < tokens.size() && !tokens.get(i).isSymbol(",") && !tokens.get(i).isSymbol(")"); i++) {
            Token token = tokens.get(i);
            if (token.isWord("BINARY")) {
                return null;
            }
            if ((token.isWord("COLLATE") || token.isWord("CHARSET") || token.isWord("SET")) && i + 1 < tokens.size()) {
                charset = true;
                if (isCaseSensitive(tokens.get(i + 1))) {
                    return null;
                }
            }
        }
        if (!charset && caseSensitiveTableDefault(tokens)) {
            return null;
        }
        boolean length = index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("(");
        return text ? TEXT_TYPES.get(type.upper()) : fixed && !length ? TYPE + "(1)" : TYPE;
    }

    /**
     * Whether the word at {@code index} is a column's type, not a column named TEXT: it follows the column's name,
     * which follows "(", ",", ADD [COLUMN], MODIFY [COLUMN] or CHANGE [COLUMN] old_name.
     */
    public static boolean isColumnType(List<Token> tokens, int index) {
        if (index < 2 || !isName(tokens.get(index - 1))) {
            return false;
        }
        Token before = tokens.get(index - 2);
        if (before.isSymbol("(") || before.isSymbol(",") || before.isWord("ADD") || before.isWord("MODIFY")) {
            return true;
        }
        if (before.isWord("COLUMN")) {
            return index >= 3 && (tokens.get(index - 3).isWord("ADD") || tokens.get(index - 3).isWord("MODIFY"));
        }
        // CHANGE [COLUMN] old_name new_name type
        return isName(before) && index >= 3 && (tokens.get(index - 3).isWord("CHANGE")
                || index >= 4 && tokens.get(index - 3).isWord("COLUMN") && tokens.get(index - 4).isWord("CHANGE"));
    }

    private static boolean isName(Token token) {
        return token.isIdentifier() && !token.isWord("COLUMN") && !token.isWord("ADD") && !token.isWord("MODIFY")
                && !token.isWord("CHANGE");
    }

    private static boolean isCaseSensitive(Token name) {
        String text = name.text().toLowerCase(Locale.ROOT);
        return text.equals("binary") || text.endsWith("_bin") || text.endsWith("_cs");
    }

    /**
     * Whether CREATE TABLE's options give the table a binary or case-sensitive default collation ({@code ... )
     * DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin}, as dumps write it), which its columns without one of their own
     * take.
     */
    private static boolean caseSensitiveTableDefault(List<Token> tokens) {
        if (!tokens.get(0).isWord("CREATE")) {
            return false;
        }
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
            open++;
        }
        int close = open < tokens.size() ? TokenRanges.closing(tokens, open) : -1;
        if (close < 0) {
            return false;
        }
        for (int i = close + 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord("AS") || token.isWord("SELECT") || token.isSymbol("(")) {
                return false;
            }
            if (token.isWord("COLLATE") || token.isWord("CHARSET") || token.isWord("SET")) {
                Token name = tokens.get(i + 1).isSymbol("=") && i + 2 < tokens.size() ? tokens.get(i + 2)
                        : tokens.get(i + 1);
                if (isCaseSensitive(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTableDefinition(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return false;
        }
        return tokens.get(1).isWord("TABLE") || (tokens.get(1).isWord("TEMPORARY") && tokens.get(2).isWord("TABLE"));
    }
}
