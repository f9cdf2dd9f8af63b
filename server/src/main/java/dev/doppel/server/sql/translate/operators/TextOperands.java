package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;
import java.util.Set;

/**
 * A string literal where MySQL wants a number is one, read as far as it is one ('3x' + 1 is 4, with warning 1292
 * "Truncated incorrect DOUBLE value: '3x'"); the engine failed on it (1105). Such a literal is written as
 * {@code PUBLIC.MYSQL_TEXT_NUMBER('3x')} (engine.MySqlArithmetic.textNumber): an operand of {@code + - * / % DIV MOD},
 * the other side of a comparison with a number literal, and an argument of a numeric function (ABS, ROUND, FLOOR,
 * SUM, ...), and the whole operand of NOT or {@code !}. A literal next to INTERVAL is a date or an interval's value,
 * and one with a character set introducer or next to another string stays as it is.
 */
public final class TextOperands implements TokenRewrite {
    private static final Set<String> SYMBOLS = Set.of("+", "-", "*", "/", "%");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    /** Functions of numbers whose string literal arguments the engine refused. */
    private static final Set<String> NUMERIC_FUNCTIONS = Set.of("ABS", "ROUND", "TRUNCATE", "FLOOR", "CEIL", "CEILING",
            "SIGN", "SUM", "AVG", "EXP", "LN", "LOG", "LOG10", "LOG2", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN",
            "RADIANS", "DEGREES", "COT");
    private static final String CALL = "PUBLIC.MYSQL_TEXT_NUMBER(";
    /** Words after which a negated literal has ended. */
    private static final Set<String> NEGATION_ENDS = Set.of("AND", "OR", "XOR", "FROM", "AS", "THEN", "ELSE", "END",
            "WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "WHEN", "UNION", "INTO", "FOR", "WINDOW");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.STRING || !operand(tokens, i)) {
                continue;
            }
            edits.before().merge(i, CALL, (earlier, mine) -> earlier + mine);
            edits.after().merge(i, ")", (earlier, mine) -> mine + earlier);
        }
    }

    private static boolean operand(List<Token> tokens, int i) {
        Token before = tokens.get(i - 1);
        Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (before.kind() == Token.Kind.STRING || after != null && after.kind() == Token.Kind.STRING
                || before.kind() == Token.Kind.WORD && before.text().startsWith("_") || before.isWord("INTERVAL")) {
            return false;
        }
        boolean operatorBefore = isOperator(before) && !(i >= 2 && tokens.get(i - 2).isWord("INTERVAL"));
        boolean operatorAfter = after != null && isOperator(after)
                && !(i + 2 < tokens.size() && tokens.get(i + 2).isWord("INTERVAL"));
        return operatorBefore || operatorAfter || comparedWithNumber(tokens, i) || numericArgument(tokens, i)
                || negated(tokens, i);
    }

    /** {@code NOT 'abc'}, {@code !'abc'}: the literal is all the negation takes (MySQL reads it as a number, 1292). */
    private static boolean negated(List<Token> tokens, int i) {
        Token before = tokens.get(i - 1);
        if (!before.isWord("NOT") && !before.isSymbol("!")
                || before.isWord("NOT") && i >= 2 && tokens.get(i - 2).isWord("IS")) {
            return false;
        }
        if (i + 1 == tokens.size()) {
            return true;
        }
        Token after = tokens.get(i + 1);
        return after.isSymbol(")") || after.isSymbol(",") || after.isSymbol(";") || after.isSymbol("&&")
                || after.isSymbol("||") || after.kind() == Token.Kind.WORD && NEGATION_ENDS.contains(after.upper());
    }

    /** {@code 'abc' = 0}, {@code 1 < '2x'}: a number literal on the other side of a comparison. */
    private static boolean comparedWithNumber(List<Token> tokens, int i) {
        boolean numberAfter = i + 2 < tokens.size() && isComparison(tokens.get(i + 1))
                && tokens.get(i + 2).kind() == Token.Kind.NUMBER && !tokens.get(i + 2).isHexOrBitNumber()
                && (i + 3 == tokens.size() || !isOperator(tokens.get(i + 3)));
        boolean numberBefore = i >= 2 && isComparison(tokens.get(i - 1))
                && tokens.get(i - 2).kind() == Token.Kind.NUMBER && !tokens.get(i - 2).isHexOrBitNumber()
                && (i < 3 || !isOperator(tokens.get(i - 3)));
        return numberAfter || numberBefore;
    }

    /** {@code ABS('-3')}, {@code ROUND('2.567', 2)}: the first argument of a numeric function. */
    private static boolean numericArgument(List<Token> tokens, int i) {
        return i >= 2 && tokens.get(i - 1).isSymbol("(") && tokens.get(i - 2).kind() == Token.Kind.WORD
                && NUMERIC_FUNCTIONS.contains(tokens.get(i - 2).upper()) && !(i >= 3 && tokens.get(i - 3).isSymbol("."))
                && i + 1 < tokens.size() && (tokens.get(i + 1).isSymbol(")") || tokens.get(i + 1).isSymbol(","));
    }

    private static boolean isComparison(Token token) {
        return token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text());
    }

    private static boolean isOperator(Token token) {
        return token.kind() == Token.Kind.SYMBOL && SYMBOLS.contains(token.text()) || token.isWord("DIV")
                || token.isWord("MOD");
    }
}
