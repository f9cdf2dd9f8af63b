package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An integer result past BIGINT: MySQL's 1690, which names the expression as {@code '(a + b)'}. The engine names only
 * the operand it was working on, so the expression is found in the statement when that operand is a literal next to
 * an arithmetic operator and another literal; otherwise the operand stands for it.
 */
final class ArithmeticOverflow {
    private static final Set<String> OPERATORS = Set.of("+", "-", "*");

    private ArithmeticOverflow() {
    }

    static MySqlException of(String operand, String sql) {
        return MySqlError.ER_DATA_OUT_OF_RANGE.exception("BIGINT", expression(operand, sql));
    }

    private static String expression(String operand, String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        boolean negative = operand.startsWith("-");
        String digits = negative ? operand.substring(1) : operand;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Token.Kind.NUMBER || !tokens.get(i).text().equals(digits)) {
                continue;
            }
            int first = negative && i > 0 && tokens.get(i - 1).isSymbol("-") ? i - 1 : i;
            if (i + 2 < tokens.size() && isOperator(tokens.get(i + 1)) && tokens.get(i + 2).kind() == Token.Kind.NUMBER) {
                return "(" + literal(tokens, first, i) + " " + tokens.get(i + 1).text() + " " + tokens.get(i + 2).text()
                        + ")";
            }
            if (first >= 2 && isOperator(tokens.get(first - 1)) && tokens.get(first - 2).kind() == Token.Kind.NUMBER) {
                return "(" + tokens.get(first - 2).text() + " " + tokens.get(first - 1).text() + " "
                        + literal(tokens, first, i) + ")";
            }
        }
        return operand.toLowerCase(Locale.ROOT);
    }

    private static boolean isOperator(Token token) {
        return token.kind() == Token.Kind.SYMBOL && OPERATORS.contains(token.text());
    }

    private static String literal(List<Token> tokens, int first, int number) {
        return first < number ? "-" + tokens.get(number).text() : tokens.get(number).text();
    }
}
