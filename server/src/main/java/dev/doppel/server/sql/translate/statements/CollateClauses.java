package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * {@code expr COLLATE name} in a query: the engine compares with its own collation, so the clause is dropped. A
 * binary or case-sensitive collation on an operand of a comparison ({@code name COLLATE utf8mb4_bin = 'Bob'}, the
 * idiom for a case-sensitive match) makes both operands {@code BINARY}: compared as their bytes, which is their code
 * point order in UTF-8; only where each operand is one literal, parameter or column. Kept
 * as the whole argument of CHARSET(), COLLATION() and COERCIBILITY(), whose answer it gives (functions.CollationCalls).
 */
public final class CollateClauses implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = new TextEdits();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (each.isWord("COLLATE") && (name.isIdentifier() || name.kind() == Token.Kind.STRING)
                    && !endsCollationCall(tokens, i + 2)) {
                if (caseSensitive(name.text())) {
                    binaryComparison(tokens, i, edits);
                }
                edits.replace(each, name, " ");
                i++;
            }
        }
        return edits.applyTo(statement);
    }

    private static final java.util.Set<String> COMPARISONS = java.util.Set.of("=", "<>", "!=", "<", "<=", ">", ">=",
            "<=>");

    private static boolean caseSensitive(String collation) {
        String name = collation.toLowerCase(java.util.Locale.ROOT);
        return name.equals("binary") || name.endsWith("_bin") || name.endsWith("_cs");
    }

    /** {@code a COLLATE c op b} or {@code b op a COLLATE c}: both operands made BINARY, when each is simple. */
    private static void binaryComparison(List<Token> tokens, int collate, TextEdits edits) {
        int start = operandStart(tokens, collate - 1);
        if (start < 0) {
            return;
        }
        int after = collate + 2;
        if (after + 1 < tokens.size() && isComparison(tokens.get(after))) {
            int otherEnd = operandEnd(tokens, after + 1);
            if (otherEnd > 0 && !binding(tokens, otherEnd + 1)) {
                edits.insertBefore(tokens.get(start), "BINARY ");
                edits.insertBefore(tokens.get(after + 1), "BINARY ");
            }
        } else if (orderByItem(tokens, start, after)) {
            edits.insertBefore(tokens.get(start), "BINARY ");
        } else if (start >= 2 && isComparison(tokens.get(start - 1)) && !binding(tokens, after)) {
            int otherStart = operandStart(tokens, start - 2);
            if (otherStart >= 0 && (otherStart == 0 || !binding(tokens, otherStart - 1))) {
                edits.insertBefore(tokens.get(otherStart), "BINARY ");
                edits.insertBefore(tokens.get(start), "BINARY ");
            }
        }
    }

    /** An item of ORDER BY: after ORDER BY or a comma of its list, before ASC, DESC, a comma, LIMIT or the end. */
    private static boolean orderByItem(List<Token> tokens, int start, int after) {
        boolean ends = after >= tokens.size() || tokens.get(after).isWord("ASC") || tokens.get(after).isWord("DESC")
                || tokens.get(after).isSymbol(",") || tokens.get(after).isWord("LIMIT")
                || tokens.get(after).isSymbol(")") || tokens.get(after).isSymbol(";");
        if (!ends || start < 2) {
            return false;
        }
        int depth = 0;
        for (int i = start - 1; i > 0; i--) {
            Token token = tokens.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth-- == 0) {
                    return false;
                }
            } else if (depth == 0 && token.isWord("BY")) {
                return tokens.get(i - 1).isWord("ORDER");
            } else if (depth == 0 && token.kind() == Token.Kind.WORD && java.util.Set.of("FROM", "WHERE", "SELECT",
                    "HAVING", "GROUP", "ON", "SET", "VALUES").contains(token.upper())) {
                return false;
            }
        }
        return false;
    }

    private static boolean isComparison(Token token) {
        return token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text());
    }

    /** Where a simple operand (a literal, a parameter, a number, a column up to db.t.c) ending at {@code end} starts. */
    private static int operandStart(List<Token> tokens, int end) {
        if (end < 0) {
            return -1;
        }
        Token last = tokens.get(end);
        if (last.kind() == Token.Kind.STRING || last.kind() == Token.Kind.PARAMETER || last.kind() == Token.Kind.NUMBER) {
            return end > 0 && (tokens.get(end - 1).kind() == Token.Kind.WORD && tokens.get(end - 1).text().startsWith("_")
                    || tokens.get(end - 1).kind() == Token.Kind.STRING) ? -1 : end;
        }
        if (!last.isIdentifier()) {
            return -1;
        }
        int start = end;
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        return start;
    }

    /** Where a simple operand starting at {@code start} ends, or -1. */
    private static int operandEnd(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        if (first.kind() == Token.Kind.STRING || first.kind() == Token.Kind.PARAMETER
                || first.kind() == Token.Kind.NUMBER) {
            return start + 1 < tokens.size() && tokens.get(start + 1).kind() == Token.Kind.STRING ? -1 : start;
        }
        if (!first.isIdentifier() || start + 1 < tokens.size() && tokens.get(start + 1).isSymbol("(")) {
            return -1;
        }
        int end = start;
        while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".") && tokens.get(end + 2).isIdentifier()) {
            end += 2;
        }
        return end;
    }

    /** Whether the token at {@code index} binds more tightly than a comparison, making a larger operand. */
    private static boolean binding(List<Token> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(index);
        return token.kind() == Token.Kind.SYMBOL && java.util.Set.of("+", "-", "*", "/", "%", "||", "&", "|", "^",
                "<<", ">>", ".").contains(token.text()) || token.isWord("COLLATE") || token.isWord("DIV")
                || token.isWord("MOD");
    }

    private static final java.util.Set<String> COLLATION_FUNCTIONS = java.util.Set.of("CHARSET", "COLLATION",
            "COERCIBILITY");

    /** Whether the token at {@code close} ends a call of CHARSET, COLLATION or COERCIBILITY. */
    private static boolean endsCollationCall(List<Token> tokens, int close) {
        if (close >= tokens.size() || !tokens.get(close).isSymbol(")")) {
            return false;
        }
        int depth = 0;
        for (int i = close; i > 0; i--) {
            if (tokens.get(i).isSymbol(")")) {
                depth++;
            } else if (tokens.get(i).isSymbol("(") && --depth == 0) {
                Token function = tokens.get(i - 1);
                return function.kind() == Token.Kind.WORD && COLLATION_FUNCTIONS.contains(function.upper());
            }
        }
        return false;
    }
}
