package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;
import java.util.Set;

/**
 * {@code column [NOT] LIKE '%...' [ESCAPE 'c']}, a pattern that starts with a wildcard, as the server's
 * {@code PUBLIC.MYSQL_LIKE(column, pattern, escape)} (engine.collation.MySqlLike), which matches under the
 * column's collation without the engine's per-character cost under the server's collation. Such a pattern uses no
 * index either way; a pattern with a fixed start keeps the engine's LIKE and its index range. Only a column (up to
 * db.table.column) standing alone before LIKE, and a plain string literal pattern, are taken.
 */
public final class LikeCollation implements TokenRewrite {
    /** Tokens after which an operand starts: what comes before the column in a condition. */
    private static final Set<String> STARTS = Set.of("WHERE", "AND", "OR", "NOT", "ON", "HAVING", "WHEN", "THEN",
            "ELSE", "SELECT", "XOR", "(", ",");
    private static final Set<String> QUERIES = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE",
            "TABLE", "VALUES");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        // DDL keeps the engine's LIKE: a view's or a CHECK constraint's text must not name the server's function
        if (tokens.isEmpty() || !(tokens.get(0).kind() == Token.Kind.WORD && QUERIES.contains(tokens.get(0).upper())
                || tokens.get(0).isSymbol("("))) {
            return;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("LIKE")) {
                continue;
            }
            boolean negated = tokens.get(i - 1).isWord("NOT");
            int columnEnd = negated ? i - 2 : i - 1;
            int columnStart = columnStart(tokens, columnEnd);
            int pattern = i + 1;
            if (columnStart < 0 || !wildcardPattern(tokens, pattern)) {
                continue;
            }
            int last = pattern;
            // the engine's string literals take a backslash as it is: this is MySQL's default escape, one backslash
            String escape = "'\\'";
            if (pattern + 2 < tokens.size() && tokens.get(pattern + 1).isWord("ESCAPE")) {
                if (tokens.get(pattern + 2).kind() != Token.Kind.STRING) {
                    continue;
                }
                escape = null;
                last = pattern + 2;
            }
            if (last + 1 < tokens.size() && binding(tokens.get(last + 1))) {
                continue;
            }
            if (touched(edits, columnStart, last)) {
                continue;
            }
            edits.before().merge(columnStart, (negated ? "NOT " : "") + "PUBLIC.MYSQL_LIKE(",
                    (existing, added) -> added + existing);
            if (negated) {
                edits.replaced().put(i - 1, "");
            }
            edits.replaced().put(i, ",");
            if (escape == null) {
                edits.replaced().put(pattern + 1, ",");
                edits.after().merge(last, ")", String::concat);
            } else {
                edits.after().merge(last, ", " + escape + ")", String::concat);
            }
        }
    }

    /** Where the column reference ending at {@code end} starts, or -1 when that is not a whole operand. */
    private static int columnStart(List<Token> tokens, int end) {
        if (end < 1 || !tokens.get(end).isIdentifier()) {
            return -1;
        }
        int start = end;
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()
                && end - start < 4) {
            start -= 2;
        }
        Token before = tokens.get(start - 1);
        boolean operandStart = before.kind() == Token.Kind.WORD ? STARTS.contains(before.upper())
                : STARTS.contains(before.text());
        return operandStart && !tokens.get(start).isWord("NOT") ? start : -1;
    }

    private static boolean wildcardPattern(List<Token> tokens, int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.STRING
                || tokens.get(index - 1).end() == tokens.get(index).start()) {
            return false;
        }
        String text = tokens.get(index).text();
        return !text.isEmpty() && (text.charAt(0) == '%' || text.charAt(0) == '_')
                && !(index + 1 < tokens.size() && tokens.get(index + 1).kind() == Token.Kind.STRING);
    }

    private static boolean binding(Token token) {
        // the operators that would make the pattern part of a larger operand, as for two literals
        return token.kind() == Token.Kind.WORD ? token.isWord("COLLATE")
                : LiteralCollation.BINDING.contains(token.text()) || token.kind() == Token.Kind.STRING;
    }

    private static boolean touched(EngineEdits edits, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (edits.replaced().containsKey(i)) {
                return true;
            }
        }
        return false;
    }
}
