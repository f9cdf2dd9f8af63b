package dev.doppel.server.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a literal sits in {@code INSERT ... [(columns)] VALUES (...), (...)}: its row number and, when the
 * statement lists its columns, its column. MySQL names both in data errors ("... for column 'c' at row 2");
 * the engine names at most the column.
 */
record InsertValues(int row, String column) {

    /** The first literal of the VALUES rows whose text is {@code value}, or null when there is none. */
    static InsertValues locate(String sql, String value) {
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
            } else if (depth == 1 && (token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.NUMBER)
                    && literal(tokens, index).equals(value)) {
                return new InsertValues(row, columns != null && position < columns.size() ? columns.get(position) : null);
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
