package dev.doppel.server.sql.errors;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * The clause MySQL names in "Unknown column 'x' in 'where clause'" and "Column 'x' in field list is ambiguous":
 * the clause of the statement in which the column is first mentioned.
 */
public final class ColumnClause {
    private ColumnClause() {
    }

    static String of(String sql, String column) {
        String name = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
        List<Token> tokens = Lexer.tokenize(sql);
        String clause = "field list";
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.WORD) {
                String next = i + 1 < tokens.size() ? tokens.get(i + 1).upper() : "";
                switch (token.upper()) {
                    case "SELECT", "SET", "VALUES", "VALUE", "INTO" -> clause = "field list";
                    case "WHERE" -> clause = "where clause";
                    case "HAVING" -> clause = "having clause";
                    case "ON" -> clause = "on clause";
                    case "ORDER" -> clause = next.equals("BY") ? "order clause" : clause;
                    case "GROUP" -> clause = next.equals("BY") ? "group statement" : clause;
                    default -> {
                    }
                }
            }
            if (token.isIdentifier() && token.text().equalsIgnoreCase(name)
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("("))) {
                return clause;
            }
        }
        return "field list";
    }
}
