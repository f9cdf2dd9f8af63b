package dev.doppel.server.sql.translate.functions;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;
import java.util.Set;

/**
 * MySQL's {@code CHAR(n, ... [USING charset])} function, which the engine has with one argument only and as a
 * character rather than bytes: written as the server's MYSQL_CHAR (bytes) or MYSQL_CHAR_USING (text). {@code CHAR(n)}
 * is also a type ({@code c CHAR(10)}, {@code CAST(x AS CHAR(10))}, {@code CONVERT(x, CHAR(10))}): a call with one
 * argument is taken for the function only after a token that can only be followed by an expression.
 */
public final class CharCalls implements TokenRewrite {
    private static final Set<String> BEFORE_EXPRESSION_WORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "XOR",
            "THEN", "ELSE", "WHEN", "VALUES", "HAVING", "ON", "IN", "LIKE", "RETURN", "DISTINCT", "IS");
    private static final Set<String> BEFORE_EXPRESSION_SYMBOLS = Set.of("(", "=", "<>", "!=", "<", ">", "<=", ">=",
            "+", "-", "*", "/", "%", "||", "&&");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("CHAR") || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int depth = 0;
            int commas = 0;
            int using = -1;
            int close = -1;
            for (int j = i + 1; j < tokens.size() && close < 0; j++) {
                Token each = tokens.get(j);
                if (each.isSymbol("(")) {
                    depth++;
                } else if (each.isSymbol(")") && --depth == 0) {
                    close = j;
                } else if (depth == 1 && each.isSymbol(",")) {
                    commas++;
                } else if (depth == 1 && each.isWord("USING") && using < 0) {
                    using = j;
                }
            }
            if (close < 0 || commas == 0 && using < 0 && !afterExpressionStart(tokens, i)) {
                continue;
            }
            if (using > 0 && using + 2 == close) {
                edits.replaced().put(i, "PUBLIC.MYSQL_CHAR_USING");
                edits.after().put(i + 1, "'" + tokens.get(using + 1).text().replace("'", "''") + "', ");
                edits.replaced().put(using, "");
                edits.replaced().put(using + 1, "");
            } else if (using < 0) {
                edits.replaced().put(i, "PUBLIC.MYSQL_CHAR");
            }
        }
    }

    private static boolean afterExpressionStart(List<Token> tokens, int index) {
        if (index == 0) {
            return false;
        }
        Token before = tokens.get(index - 1);
        return before.kind() == Token.Kind.WORD ? BEFORE_EXPRESSION_WORDS.contains(before.upper())
                : before.kind() == Token.Kind.SYMBOL && BEFORE_EXPRESSION_SYMBOLS.contains(before.text());
    }
}
