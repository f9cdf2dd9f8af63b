package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Set;

/**
 * A text column compared with a number: MySQL compares both as numbers, reading the text's numeric prefix (0 when
 * there is none) with warning 1292 for text that is not a number as a whole; the engine converts the column to the
 * number's type and failed on the first such value (1105 "Data conversion error"). So the column becomes
 * {@code PUBLIC.MYSQL_TEXT_NUMBER(column)} (engine.MySqlArithmetic.textNumber) where the statement compares a column
 * that is text in its tables ({@link StatementColumns}) with a numeric literal: {@code =, <>, !=, <, >, <=, >=, <=>}
 * in either order, {@code IN (numbers)} and {@code BETWEEN number AND number}, in conditions (after WHERE, ON, HAVING,
 * WHEN, AND, OR, NOT, XOR or an opening parenthesis) and in the select list. A text SELECT's literal that the server made a parameter
 * ({@code CAST(? AS INTEGER)}) counts as the number it was. Parameters of prepared statements do not: their type is
 * known only when they are bound.
 */
final class TextNumberComparisons {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "<=>");
    private static final Set<String> CONDITION_STARTS = Set.of("WHERE", "ON", "HAVING", "WHEN", "AND", "OR", "NOT",
            "XOR", "&&", "||", "(");
    private static final Set<String> NUMERIC_TYPES = Set.of("INTEGER", "INT", "BIGINT", "SMALLINT", "TINYINT",
            "DECIMAL", "NUMERIC", "DOUBLE", "REAL", "DECFLOAT");
    private static final String CALL = "PUBLIC.MYSQL_TEXT_NUMBER(";
    /** The clauses a comma may belong to. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "SET", "VALUES", "VALUE", "BY", "FROM", "WHERE", "ON",
            "HAVING", "UPDATE", "INTO", "LIMIT", "USING", "WINDOW");

    private TextNumberComparisons() {
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        StatementColumns columns = null;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean comparison = token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text());
            boolean in = token.isWord("IN") || token.isWord("BETWEEN");
            if (!comparison && !in) {
                continue;
            }
            int leftEnd = tokens.get(i - 1).isWord("NOT") && in ? i - 1 : i;
            int leftStart = columnStart(tokens, leftEnd);
            boolean columnLeft = leftStart >= 0 && startsCondition(tokens, leftStart);
            boolean numberRight = comparison ? numberAt(tokens, i + 1) > 0
                    : token.isWord("IN") ? numberList(tokens, i + 1) : numberAt(tokens, i + 1) > 0;
            if (columnLeft && numberRight) {
                if (columns == null) {
                    columns = new StatementColumns(statement.sql(), tokens, session);
                }
                if (columns.kindOf(leftStart, leftEnd) == StatementColumns.Kind.TEXT) {
                    wrap(edits, leftStart, leftEnd - 1);
                }
                continue;
            }
            // number = column
            if (comparison) {
                int numberStart = numberStartBefore(tokens, i);
                int rightEnd = numberStart >= 0 ? columnEnd(tokens, i + 1) : -1;
                if (rightEnd > 0 && startsCondition(tokens, numberStart) && endsOperand(tokens, rightEnd)) {
                    if (columns == null) {
                        columns = new StatementColumns(statement.sql(), tokens, session);
                    }
                    if (columns.kindOf(i + 1, rightEnd) == StatementColumns.Kind.TEXT) {
                        wrap(edits, i + 1, rightEnd - 1);
                    }
                }
            }
        }
    }

    private static void wrap(EngineEdits edits, int first, int last) {
        edits.before().merge(first, CALL, (a, b) -> a + b);
        edits.after().merge(last, ")", (a, b) -> b + a);
    }

    /**
     * Whether the token before {@code start} begins a condition or a select-list item, so that the operand there is
     * the whole operand (not an assignment of UPDATE ... SET).
     */
    private static boolean startsCondition(List<Token> tokens, int start) {
        if (start == 0) {
            return false;
        }
        Token before = tokens.get(start - 1);
        if (before.isWord("SELECT") || before.isWord("DISTINCT")) {
            return true;
        }
        if (before.isSymbol(",")) {
            return inSelectList(tokens, start - 1);
        }
        return before.kind() == Token.Kind.WORD ? CONDITION_STARTS.contains(before.upper())
                : CONDITION_STARTS.contains(before.text());
    }

    /** Whether the comma at {@code comma} separates select-list items: SELECT is the clause it belongs to. */
    private static boolean inSelectList(List<Token> tokens, int comma) {
        int depth = 0;
        for (int i = comma - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.kind() == Token.Kind.WORD && CLAUSES.contains(token.upper())) {
                return token.isWord("SELECT");
            }
        }
        return false;
    }

    /** The start of the column reference ending just before {@code end}, or -1. */
    private static int columnStart(List<Token> tokens, int end) {
        int start = end - 1;
        if (start < 0 || !tokens.get(start).isIdentifier()) {
            return -1;
        }
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        return start;
    }

    /** The end (exclusive) of the column reference at {@code start}, or -1. */
    private static int columnEnd(List<Token> tokens, int start) {
        if (start >= tokens.size() || !tokens.get(start).isIdentifier()
                || start + 1 < tokens.size() && tokens.get(start + 1).isSymbol("(")) {
            return -1;
        }
        int end = start + 1;
        while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isIdentifier()) {
            end += 2;
        }
        return end;
    }

    /** Whether the operand ends at {@code end}: no operator or call follows that would make it part of more. */
    private static boolean endsOperand(List<Token> tokens, int end) {
        if (end >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(end);
        return next.kind() == Token.Kind.WORD || next.isSymbol(")") || next.isSymbol(",") || next.isSymbol(";")
                || next.kind() == Token.Kind.SYMBOL && (COMPARISONS.contains(next.text()) || next.isSymbol("&&")
                || next.isSymbol("||"));
    }

    /** The end (exclusive) of a numeric literal at {@code at}, or -1: [+|-] number, or CAST(? AS numeric type). */
    private static int numberAt(List<Token> tokens, int at) {
        int i = at;
        if (i < tokens.size() && (tokens.get(i).isSymbol("-") || tokens.get(i).isSymbol("+"))) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.NUMBER && !tokens.get(i).isHexOrBitNumber()) {
            return i + 1;
        }
        if (i + 5 < tokens.size() && tokens.get(i).isWord("CAST") && tokens.get(i + 1).isSymbol("(")
                && tokens.get(i + 2).kind() == Token.Kind.PARAMETER && tokens.get(i + 3).isWord("AS")
                && tokens.get(i + 4).kind() == Token.Kind.WORD && NUMERIC_TYPES.contains(tokens.get(i + 4).upper())) {
            int close = TokenRanges.closing(tokens, i + 1);
            return close > 0 ? close + 1 : -1;
        }
        return -1;
    }

    /** The start of a numeric literal ending just before the token at {@code end}, or -1. */
    private static int numberStartBefore(List<Token> tokens, int end) {
        int last = end - 1;
        if (last < 0) {
            return -1;
        }
        int start;
        if (tokens.get(last).kind() == Token.Kind.NUMBER) {
            start = last;
        } else if (tokens.get(last).isSymbol(")")) {
            start = TokenRanges.opening(tokens, last) - 1;
            if (start < 0 || numberAt(tokens, start) != end) {
                return -1;
            }
        } else {
            return -1;
        }
        if (start > 0 && (tokens.get(start - 1).isSymbol("-") || tokens.get(start - 1).isSymbol("+"))
                && numberAt(tokens, start - 1) == end) {
            start--;
        }
        return numberAt(tokens, start) == end ? start : -1;
    }

    /** Whether {@code (n, n, ...)} at {@code open} holds numeric literals only. */
    private static boolean numberList(List<Token> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return false;
        }
        int close = TokenRanges.closing(tokens, open);
        if (close < 0) {
            return false;
        }
        List<int[]> items = TokenRanges.rangesBetweenCommas(tokens, open + 1, close);
        if (items.isEmpty()) {
            return false;
        }
        for (int[] item : items) {
            if (numberAt(tokens, item[0]) != item[1]) {
                return false;
            }
        }
        return true;
    }
}
