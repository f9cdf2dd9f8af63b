package dev.doppel.server.sql.translate;

import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * A column's CHARACTER SET and COLLATE in CREATE TABLE and ALTER TABLE are MySQL's to read (CaseInsensitiveText chooses the engine's
 * type by them; the server keeps the declared type), not the engine's: it stores all text as Unicode and its parser
 * took {@code CHARACTER SET x} or {@code COLLATE x} only as a column's last clause, so the everyday dump form
 * {@code varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'x'} failed with 1064. They are left out of
 * the engine's text of the column definitions (not of the table options, nor inside expressions). {@code CHARACTER
 * SET binary} makes the column binary, as in MySQL; before, such a column was text and changed the bytes it got.
 */
final class ColumnCharsets implements TokenRewrite {


    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        if (tokens.size() < 4) {
            return;
        }
        if (tokens.get(0).isWord("CREATE")) {
            int start = tokens.get(1).isWord("TEMPORARY") ? 2 : 1;
            if (tokens.get(start).isWord("TABLE")) {
                createTable(tokens, start + 1, edits);
            }
        } else if (tokens.get(0).isWord("ALTER") && tokens.get(1).isWord("TABLE")) {
            alterTable(tokens, edits);
        }
    }

    /** The column definitions inside CREATE TABLE's parentheses. */
    private static void createTable(List<Token> tokens, int from, EngineEdits edits) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return; // the table options and any query follow
                }
            } else if (depth == 1) {
                i = leaveOut(tokens, i, edits);
            }
        }
    }

    /** The columns ALTER TABLE's ADD, MODIFY and CHANGE define (not CONVERT TO CHARACTER SET or the table's options). */
    private static void alterTable(List<Token> tokens, EngineEdits edits) {
        boolean column = false;
        int depth = 0;
        for (int i = 2; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol(",")) {
                column = false;
            } else if (depth == 0 && (token.isWord("MODIFY") || token.isWord("CHANGE") || token.isWord("ADD"))) {
                column = true;
            } else if (column && depth <= 1) {
                i = leaveOut(tokens, i, edits);
            }
        }
    }

    /**
     * Leaves out a clause at {@code i}; returns the index of its last token ({@code i} when there is none). With
     * {@code CHARACTER SET binary} the column's text type becomes the binary one, as in MySQL (VARCHAR(n) CHARACTER
     * SET binary is VARBINARY(n)).
     */
    private static int leaveOut(List<Token> tokens, int i, EngineEdits edits) {
        int words = clause(tokens, i);
        if (words == 0 && tokens.get(i).isWord("BINARY") && textType(tokens, i) >= 0) {
            words = 1; // VARCHAR(n) BINARY: the _bin collation, read by CaseInsensitiveText
        } else if (words > 0 && !tokens.get(i).isWord("COLLATE")
                && tokens.get(i + words - 1).text().equalsIgnoreCase("binary")) {
            int type = textType(tokens, i);
            if (type < 0) {
                return i + words - 1; // a type that is binary already, or none: the clause stays
            }
            edits.replaced().put(type, MySqlTypes.binaryTypeOf(tokens.get(type).text()));
        }
        for (int k = i; k < i + words; k++) {
            edits.replaced().put(k, "");
        }
        return Math.max(i, i + words - 1);
    }

    /** The text type word the charset clause at {@code clause} belongs to (just before it, after its length), or -1. */
    private static int textType(List<Token> tokens, int clause) {
        int i = clause - 1;
        if (i >= 0 && tokens.get(i).isSymbol(")")) {
            while (i >= 0 && !tokens.get(i).isSymbol("(")) {
                i--;
            }
            i--;
        }
        return i >= 0 && tokens.get(i).kind() == Token.Kind.WORD
                && MySqlTypes.binaryTypeOf(tokens.get(i).text()) != null
                ? i : -1;
    }

    /** The tokens of a CHARACTER SET / CHAR SET / CHARSET / COLLATE clause at {@code i}, 0 for none. */
    private static int clause(List<Token> tokens, int i) {
        int name;
        if (tokens.get(i).isWord("COLLATE") || tokens.get(i).isWord("CHARSET")) {
            name = i + 1;
        } else if ((tokens.get(i).isWord("CHARACTER") || tokens.get(i).isWord("CHAR")) && i + 1 < tokens.size()
                && tokens.get(i + 1).isWord("SET")) {
            name = i + 2;
        } else {
            return 0;
        }
        if (name >= tokens.size() || !(tokens.get(name).isIdentifier() || tokens.get(name).kind() == Token.Kind.STRING)) {
            return 0;
        }
        return name - i + 1;
    }
}
