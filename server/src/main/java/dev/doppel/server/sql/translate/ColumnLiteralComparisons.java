package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.operators.BinaryOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column compared with a literal of the other kind of value, as MySQL compares them and the engine does not:
 * <ul>
 * <li>a text column and a number: MySQL compares both as numbers, reading the text's numeric prefix (0 when there is
 * none) with warning 1292 for text that is not a number as a whole; the engine converts the column to the number's
 * type and failed on the first such value (1105 "Data conversion error"). The column becomes
 * {@code PUBLIC.MYSQL_TEXT_NUMBER(column)} (engine.MySqlArithmetic.textNumber).</li>
 * <li>a binary column (BINARY, VARBINARY, BLOB) and a string: MySQL compares the string's bytes; the engine refused
 * to compare the two types at all (1105 "not comparable"). The string becomes {@code CAST(string AS VARBINARY)}.</li>
 * </ul>
 * Where: the statement compares a column of that kind in its tables ({@link StatementColumns}) with such a literal,
 * {@code =, <>, !=, <, >, <=, >=, <=>} in either order, {@code IN (literals)} and {@code BETWEEN literal AND literal},
 * in conditions (after WHERE, ON, HAVING, WHEN, AND, OR, NOT, XOR or an opening parenthesis) and in the select list.
 * A user variable counts as the literal its value is. A text SELECT's literal that the server made a parameter ({@code CAST(? AS INTEGER)}, {@code CAST(? AS VARCHAR)})
 * counts as the literal it was. Parameters of prepared statements do not: their type is known only when they are
 * bound.
 */
final class ColumnLiteralComparisons {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "<=>");
    private static final Set<String> CONDITION_STARTS = Set.of("WHERE", "ON", "HAVING", "WHEN", "AND", "OR", "NOT",
            "XOR", "&&", "||", "(");
    private static final Set<String> NUMERIC_TYPES = Set.of("INTEGER", "INT", "BIGINT", "SMALLINT", "TINYINT",
            "DECIMAL", "NUMERIC", "DOUBLE", "REAL", "DECFLOAT");
    private static final Set<String> TEXT_TYPES = Set.of("VARCHAR", "CHAR", "CHARACTER");
    private static final String CALL = "PUBLIC.MYSQL_TEXT_NUMBER(";
    /** The clauses a comma may belong to. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "SET", "VALUES", "VALUE", "BY", "FROM", "WHERE", "ON",
            "HAVING", "UPDATE", "INTO", "LIMIT", "USING", "WINDOW");

    private ColumnLiteralComparisons() {
    }

    /** A literal operand at [start, end): a number, or a string. */
    private record Literal(int start, int end, boolean number) {
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        StatementColumns columns = null;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean comparison = token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text());
            boolean in = token.isWord("IN");
            if (!comparison && !in && !token.isWord("BETWEEN")) {
                continue;
            }
            int leftEnd = tokens.get(i - 1).isWord("NOT") && !comparison ? i - 1 : i;
            int binaryLeft = binaryOperandStart(tokens, leftEnd);
            int leftStart = binaryLeft >= 0 ? binaryLeft : columnStart(tokens, leftEnd);
            if (leftStart >= 0 && startsCondition(tokens, leftStart)) {
                List<Literal> literals = comparison ? single(tokens, i + 1, session)
                        : in ? list(tokens, i + 1, session) : bounds(tokens, i + 1, session);
                if (literals != null) {
                    if (binaryLeft < 0 && columns == null) {
                        columns = new StatementColumns(statement.sql(), tokens, session);
                    }
                    convert(edits, binaryLeft >= 0 ? StatementColumns.Kind.BINARY : columns.kindOf(leftStart, leftEnd),
                            leftStart, leftEnd, literals);
                    continue;
                }
            }
            // literal = column, literal = BINARY operand
            if (comparison) {
                Literal literal = literalBefore(tokens, i, session);
                int binaryEnd = literal == null ? -1 : binaryOperandEnd(tokens, i + 1);
                boolean binaryRight = binaryEnd > 0;
                int rightEnd = literal == null ? -1 : binaryRight ? binaryEnd : columnEnd(tokens, i + 1);
                if (rightEnd > 0 && startsCondition(tokens, literal.start()) && endsOperand(tokens, rightEnd)) {
                    if (!binaryRight && columns == null) {
                        columns = new StatementColumns(statement.sql(), tokens, session);
                    }
                    convert(edits, binaryRight ? StatementColumns.Kind.BINARY : columns.kindOf(i + 1, rightEnd),
                            i + 1, rightEnd, List.of(literal));
                }
            }
        }
    }

    /**
     * The start of a binary string operand ending just before {@code end}: {@code BINARY x}, a hexadecimal or bit
     * literal ({@code X'..'}, {@code 0x..}) or a {@code _binary} string; or -1.
     */
    private static int binaryOperandStart(List<Token> tokens, int end) {
        int start = BinaryOperator.startBefore(tokens, end);
        if (start >= 0 || end < 1) {
            return start;
        }
        if (tokens.get(end - 1).isHexOrBitNumber()) {
            return end - 1;
        }
        return end >= 2 && isBinaryString(tokens, end - 2) ? end - 2 : -1;
    }

    /** The end (exclusive) of a binary string operand starting at {@code start}, or -1. */
    private static int binaryOperandEnd(List<Token> tokens, int start) {
        if (start >= tokens.size()) {
            return -1;
        }
        if (BinaryOperator.isOperator(tokens, start)) {
            return BinaryOperator.operandEnd(tokens, start + 1);
        }
        if (tokens.get(start).isHexOrBitNumber()) {
            return start + 1;
        }
        return isBinaryString(tokens, start) ? start + 2 : -1;
    }

    /** {@code X'..'} or {@code _binary'..'} at {@code at}: the prefix written against the string. */
    private static boolean isBinaryString(List<Token> tokens, int at) {
        if (at + 1 >= tokens.size() || tokens.get(at + 1).kind() != Token.Kind.STRING) {
            return false;
        }
        Token prefix = tokens.get(at);
        return (prefix.isWord("X") || prefix.isWord("_binary")) && prefix.end() == tokens.get(at + 1).start();
    }

    /** Notes the conversion MySQL makes when a column of {@code kind} at [first, end) meets the literals. */
    private static void convert(EngineEdits edits, StatementColumns.Kind kind, int first, int end,
                                List<Literal> literals) {
        boolean numbers = literals.stream().allMatch(Literal::number);
        boolean strings = literals.stream().noneMatch(Literal::number);
        if (kind == StatementColumns.Kind.TEXT && numbers) {
            wrap(edits, first, end - 1, CALL, ")");
        } else if (kind == StatementColumns.Kind.BINARY && strings) {
            for (Literal literal : literals) {
                wrap(edits, literal.start(), literal.end() - 1, "CAST(", " AS VARBINARY)");
            }
        }
    }

    private static void wrap(EngineEdits edits, int first, int last, String open, String close) {
        edits.before().merge(first, open, (a, b) -> a + b);
        edits.after().merge(last, close, (a, b) -> b + a);
    }

    /** The literal at {@code at}, or null; a user variable counts as the literal its value is. */
    private static Literal literalAt(List<Token> tokens, int at, Session session) {
        if (at < tokens.size() && tokens.get(at).kind() == Token.Kind.USER_VARIABLE && session != null) {
            Object value = session.userVariables().get(tokens.get(at).text().toLowerCase(Locale.ROOT));
            return value instanceof Number ? new Literal(at, at + 1, true)
                    : value instanceof String ? new Literal(at, at + 1, false) : null;
        }
        int end = numberAt(tokens, at);
        if (end > 0) {
            return new Literal(at, end, true);
        }
        end = stringAt(tokens, at);
        return end > 0 ? new Literal(at, end, false) : null;
    }

    private static List<Literal> single(List<Token> tokens, int at, Session session) {
        Literal literal = literalAt(tokens, at, session);
        return literal == null ? null : List.of(literal);
    }

    /** {@code literal AND literal} at {@code at}, BETWEEN's bounds, or null. */
    private static List<Literal> bounds(List<Token> tokens, int at, Session session) {
        Literal low = literalAt(tokens, at, session);
        if (low == null || low.end() >= tokens.size() || !tokens.get(low.end()).isWord("AND")) {
            return null;
        }
        Literal high = literalAt(tokens, low.end() + 1, session);
        return high == null ? null : List.of(low, high);
    }

    /** The literals of {@code (literal, literal, ...)} at {@code open}, or null when an item is something else. */
    private static List<Literal> list(List<Token> tokens, int open, Session session) {
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return null;
        }
        int close = TokenRanges.closing(tokens, open);
        if (close < 0) {
            return null;
        }
        List<int[]> items = TokenRanges.rangesBetweenCommas(tokens, open + 1, close);
        if (items.isEmpty()) {
            return null;
        }
        List<Literal> result = new ArrayList<>(items.size());
        for (int[] item : items) {
            Literal literal = literalAt(tokens, item[0], session);
            if (literal == null || literal.end() != item[1]) {
                return null;
            }
            result.add(literal);
        }
        return result;
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

    /** The start of the column reference (name, t.name, db.t.name) ending just before {@code end}, or -1. */
    static int columnStart(List<Token> tokens, int end) {
        int start = end - 1;
        if (start < 0 || !tokens.get(start).isIdentifier()) {
            return -1;
        }
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        return start;
    }

    /** The end (exclusive) of the column reference at {@code start}, or -1 (a call is none). */
    static int columnEnd(List<Token> tokens, int start) {
        if (start >= tokens.size() || !tokens.get(start).isIdentifier()) {
            return -1;
        }
        int end = start + 1;
        while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isIdentifier()) {
            end += 2;
        }
        return end < tokens.size() && tokens.get(end).isSymbol("(") ? -1 : end;
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
        return castParameterAt(tokens, i, NUMERIC_TYPES);
    }

    /**
     * The end (exclusive) of a string literal at {@code at}, or -1: 'text' (and the strings right after it, which
     * MySQL reads as one), _charset'text', or CAST(? AS VARCHAR). A _binary string is binary already.
     */
    private static int stringAt(List<Token> tokens, int at) {
        int i = at;
        if (i + 1 < tokens.size() && isIntroducer(tokens.get(i)) && tokens.get(i + 1).kind() == Token.Kind.STRING) {
            if (tokens.get(i).isWord("_binary")) {
                return -1;
            }
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.STRING) {
            while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.STRING) {
                i++;
            }
            return i;
        }
        return castParameterAt(tokens, i, TEXT_TYPES);
    }

    private static boolean isIntroducer(Token token) {
        return token.kind() == Token.Kind.WORD && token.text().length() > 1 && token.text().charAt(0) == '_';
    }

    /** The end (exclusive) of {@code CAST(? AS type)} at {@code at} with a type of {@code types}, or -1. */
    private static int castParameterAt(List<Token> tokens, int at, Set<String> types) {
        if (at + 5 < tokens.size() && tokens.get(at).isWord("CAST") && tokens.get(at + 1).isSymbol("(")
                && tokens.get(at + 2).kind() == Token.Kind.PARAMETER && tokens.get(at + 3).isWord("AS")
                && tokens.get(at + 4).kind() == Token.Kind.WORD && types.contains(tokens.get(at + 4).upper())) {
            int close = TokenRanges.closing(tokens, at + 1);
            return close > 0 ? close + 1 : -1;
        }
        return -1;
    }

    /** The literal ending just before the token at {@code end}, or null. */
    private static Literal literalBefore(List<Token> tokens, int end, Session session) {
        int last = end - 1;
        if (last < 0) {
            return null;
        }
        int start;
        Token token = tokens.get(last);
        if (token.kind() == Token.Kind.USER_VARIABLE) {
            start = last;
        } else if (token.kind() == Token.Kind.NUMBER) {
            start = last;
            if (start > 0 && (tokens.get(start - 1).isSymbol("-") || tokens.get(start - 1).isSymbol("+"))) {
                start--;
            }
        } else if (token.kind() == Token.Kind.STRING) {
            start = last;
            while (start > 0 && tokens.get(start - 1).kind() == Token.Kind.STRING) {
                start--;
            }
            if (start > 0 && isIntroducer(tokens.get(start - 1))) {
                start--;
            } else if (start > 0 && tokens.get(start - 1).kind() == Token.Kind.WORD
                    && tokens.get(start - 1).text().length() == 1) {
                return null; // X'..', B'..', N'..'
            }
        } else if (token.isSymbol(")")) {
            start = TokenRanges.opening(tokens, last) - 1;
            if (start < 0) {
                return null;
            }
        } else {
            return null;
        }
        Literal literal = literalAt(tokens, start, session);
        return literal != null && literal.end() == end ? literal : null;
    }
}
