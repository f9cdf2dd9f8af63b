package dev.doppel.server.sql.dml;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a literal sits in {@code INSERT ... [(columns)] VALUES (...), (...)}: its row number and, when the
 * statement lists its columns, its column. MySQL names both in data errors ("... for column 'c' at row 2");
 * the engine names at most the column.
 */
public record InsertValues(int row, String column) {

    /** The first literal of the VALUES rows whose text is {@code value}, or null when there is none. */
    public static InsertValues locate(String sql, String value) {
        if (value == null) {
            return null;
        }
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.isEmpty() || !(tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))) {
            return null;
        }
        int index = 1;
        while (index < tokens.size() && !tokens.get(index).isWord("VALUES") && !tokens.get(index).isWord("VALUE")
                && !tokens.get(index).isSymbol("(")) {
            index++;
        }
        Literal found = first(tokens, index, each -> {
            Token token = tokens.get(each.index());
            return (token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.NUMBER)
                    && literal(tokens, each.index()).equals(value);
        });
        return found == null ? null : new InsertValues(found.row(), found.column());
    }

    /**
     * A value inside the VALUES rows: its token index, its row (from 1), its place in the row (from 0), and the
     * columns the statement lists (null when it lists none).
     */
    public record Literal(int index, int row, int position, List<String> columns) {
        /** The listed column at this place, or null. */
        String column() {
            return columns != null && position < columns.size() ? columns.get(position) : null;
        }
    }

    /** The first token of {@code [(columns)] VALUES (...), ...} starting at {@code index} that {@code matches}. */
    public static Literal first(List<Token> tokens, int index, Predicate<Literal> matches) {
        List<String> columns = null;
        if (index < tokens.size() && tokens.get(index).isSymbol("(")) {
            columns = new ArrayList<>();
            for (index++; index < tokens.size() && !tokens.get(index).isSymbol(")"); index++) {
                if (tokens.get(index).isIdentifier()) {
                    columns.add(tokens.get(index).text());
                }
            }
            index++;
        }
        if (index >= tokens.size() || !(tokens.get(index).isWord("VALUES") || tokens.get(index).isWord("VALUE"))) {
            return null;
        }
        int row = 0;
        int depth = 0;
        int position = 0;
        for (index++; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.isSymbol("(")) {
                if (++depth == 1) {
                    row++;
                    position = 0;
                }
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 1 && token.isSymbol(",")) {
                position++;
            } else if (depth == 0 && !token.isSymbol(",")) {
                break;
            } else if (depth == 1) {
                Literal candidate = new Literal(index, row, position, columns);
                if (matches.test(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String literal(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        boolean negative = token.kind() == Token.Kind.NUMBER && index > 0 && tokens.get(index - 1).isSymbol("-");
        return negative ? "-" + token.text() : token.text();
    }
}
