package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.ParseWarnings;
import dev.doppel.server.sql.parse.Keywords;

import java.util.List;
import java.util.Set;

/**
 * MySQL's operator {@code BINARY expr}: the operand as a binary string, so that {@code WHERE BINARY name = 'Bob'}
 * compares bytes (case and accents matter). 8.4 reads it as {@code CAST(expr AS BINARY)} and warns 1287; the engine
 * has no such operator (1064). The operand is what the operator binds: a literal, a variable, a parameter, a column,
 * a call or a parenthesized expression. A string compared with the result is made binary too
 * (sql.translate.ColumnLiteralComparisons).
 */
public final class BinaryOperator {
    private static final Set<String> STATEMENTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE",
            "SET", "DO");
    private static final String WARNING = "'BINARY expr' is deprecated and will be removed in a future release."
            + " Please use CAST instead";

    private BinaryOperator() {
    }

    public static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || !STATEMENTS.contains(tokens.get(0).upper())) {
            return;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            int end = isOperator(tokens, i) ? operandEnd(tokens, i + 1) : -1;
            if (end > 0 && !edits.replaced().containsKey(i)) {
                edits.replaced().put(i, "CAST(");
                edits.after().merge(end - 1, " AS VARBINARY)", (a, b) -> b + a);
                ParseWarnings.add(session, 1287, WARNING);
            }
        }
    }

    /** Whether the BINARY at {@code i} is the operator: after an operator, a parenthesis, a comma or a keyword. */
    public static boolean isOperator(List<Token> tokens, int i) {
        if (!tokens.get(i).isWord("BINARY") || i == 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        if (before.kind() == Token.Kind.SYMBOL) {
            return !before.isSymbol(")") && !before.isSymbol(".");
        }
        return before.kind() == Token.Kind.WORD && Keywords.isReserved(before) && !before.isWord("AS");
    }

    /** The start of {@code BINARY operand} that ends just before {@code end}, or -1. */
    public static int startBefore(List<Token> tokens, int end) {
        for (int start = end - 2; start >= 0 && start >= end - 8; start--) {
            if (tokens.get(start).isWord("BINARY") && isOperator(tokens, start) && operandEnd(tokens, start + 1) == end) {
                return start;
            }
        }
        int open = end - 1 >= 0 && tokens.get(end - 1).isSymbol(")") ? TokenRanges.opening(tokens, end - 1) : -1;
        for (int start = open - 1; open > 0 && start >= 0 && start >= open - 2; start--) {
            if (tokens.get(start).isWord("BINARY") && isOperator(tokens, start) && operandEnd(tokens, start + 1) == end) {
                return start;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the operand starting at {@code start}, or -1 when it is none this step knows. */
    public static int operandEnd(List<Token> tokens, int start) {
        if (start >= tokens.size()) {
            return -1;
        }
        Token first = tokens.get(start);
        switch (first.kind()) {
            case STRING, NUMBER, USER_VARIABLE, SYSTEM_VARIABLE, PARAMETER -> {
                int end = start + 1;
                while (first.kind() == Token.Kind.STRING && end < tokens.size()
                        && tokens.get(end).kind() == Token.Kind.STRING) {
                    end++;
                }
                return end;
            }
            case SYMBOL -> {
                if (first.isSymbol("(")) {
                    int close = TokenRanges.closing(tokens, start);
                    return close < 0 ? -1 : close + 1;
                }
                return -1;
            }
            default -> {
                int next = start + 1;
                if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
                    int close = TokenRanges.closing(tokens, next);
                    return close < 0 ? -1 : close + 1;
                }
                if (Keywords.isReserved(first) && !first.isWord("NULL")) {
                    return -1;
                }
                if (next < tokens.size() && tokens.get(next).kind() == Token.Kind.STRING) {
                    return next + 1; // _utf8mb4'text', X'41'
                }
                while (next + 1 < tokens.size() && tokens.get(next).isSymbol(".") && tokens.get(next + 1).isIdentifier()) {
                    next += 2;
                }
                return next;
            }
        }
    }
}
