package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The MySQL errors whose number or text depend on the statement's shape, where the engine's error says less: a
 * column count that does not match (1136 with the row of an INSERT, 1222 for a set operation), a NOT NULL column an
 * INSERT does not name (1364, where a NULL written for it is 1048), and an index over a column the table lacks (1072).
 */
final class StatementShapeErrors {
    private StatementShapeErrors() {
    }

    /** The engine's "Column count does not match". */
    static MySqlException columnCount(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.isEmpty() || !(tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))) {
            return MySqlError.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT.exception();
        }
        return MySqlError.ER_WRONG_VALUE_COUNT_ON_ROW.exception(mismatchedRow(tokens));
    }

    /**
     * The first row of VALUES whose size differs from the column list's (or, without one, from the first row's, since
     * MySQL names the first row that is wrong and the engine does not tell the table's width); 1 otherwise.
     */
    private static long mismatchedRow(List<Token> tokens) {
        int values = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("VALUES", "VALUE"));
        if (values >= tokens.size()) {
            return 1;
        }
        int expected = -1;
        int into = TokenRanges.firstTopLevel(tokens, 1, values, Set.of("INTO"));
        for (int i = into + 1; i < values; i++) {
            if (tokens.get(i).isSymbol("(")) {
                int close = TokenRanges.closing(tokens, i);
                expected = close < 0 ? -1 : TokenRanges.rangesBetweenCommas(tokens, i + 1, close).size();
                break;
            }
        }
        long row = 0;
        for (int i = values + 1; i < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol("(")) {
                if (tokens.get(i).isSymbol(",") || tokens.get(i).isWord("ROW")) {
                    continue;
                }
                break;
            }
            int close = TokenRanges.closing(tokens, i);
            if (close < 0) {
                break;
            }
            row++;
            int size = TokenRanges.rangesBetweenCommas(tokens, i + 1, close).size();
            if (expected < 0) {
                expected = size;
            } else if (size != expected) {
                return row;
            }
            i = close;
        }
        return 1;
    }

    /**
     * The engine's "NULL not allowed for column": 1364 when the INSERT leaves the column out of its column list (or
     * SET), 1048 when a NULL was written for it.
     */
    static MySqlException nullNotAllowed(String sql, String column) {
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.size() > 1 && (tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))
                && namesColumns(tokens) && !names(tokens, column)) {
            return MySqlError.ER_NO_DEFAULT_FOR_FIELD.exception(column);
        }
        return MySqlError.ER_BAD_NULL_ERROR.exception(column);
    }

    /** Whether the INSERT lists its columns: a column list, or SET. */
    private static boolean namesColumns(List<Token> tokens) {
        int values = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("VALUES", "VALUE", "SELECT", "SET"));
        if (values < tokens.size() && tokens.get(values).isWord("SET")) {
            return true;
        }
        for (int i = 1; i < values; i++) {
            if (tokens.get(i).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(List<Token> tokens, String column) {
        String wanted = column.toLowerCase(Locale.ROOT);
        int end = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("ON"));
        for (int i = 0; i < end; i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).text().toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code sql} defines an index (CREATE INDEX, or ALTER TABLE ... ADD a key). */
    static boolean definesIndex(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.size() < 3) {
            return false;
        }
        if (tokens.get(0).isWord("CREATE")) {
            for (int i = 1; i < Math.min(tokens.size(), 4); i++) {
                if (tokens.get(i).isWord("INDEX")) {
                    return true;
                }
            }
            return false;
        }
        if (!tokens.get(0).isWord("ALTER") || !tokens.get(1).isWord("TABLE")) {
            return false;
        }
        for (int i = 2; i + 1 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            if (tokens.get(i).isWord("ADD") && (next.isWord("INDEX") || next.isWord("KEY") || next.isWord("UNIQUE")
                    || next.isWord("PRIMARY") || next.isWord("CONSTRAINT") || next.isWord("FULLTEXT"))) {
                return true;
            }
        }
        return false;
    }
}
