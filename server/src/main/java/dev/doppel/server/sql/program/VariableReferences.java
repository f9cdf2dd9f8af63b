package dev.doppel.server.sql.program;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * A program's variables inside its SQL statements: where a name is a local variable or parameter (MySQL lets a
 * variable hide a column of the same name), its current value is written into the statement as a literal. Names in
 * the places where MySQL reads no expression stay names: qualified names, function names, aliases, table names, an
 * INSERT's column list and the columns an UPDATE sets.
 */
final class VariableReferences {
    private static final Set<String> TABLE_BEFORE = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "AS");

    private VariableReferences() {
    }

    static SqlText substitute(SqlText statement, Scope scope) {
        if (!scope.hasVariables()) {
            return statement;
        }
        List<Token> tokens = statement.tokens();
        String sql = statement.sql();
        boolean assignments = !tokens.isEmpty() && (tokens.get(0).isWord("UPDATE") || tokens.get(0).isWord("INSERT")
                || tokens.get(0).isWord("REPLACE"));
        int columnListEnd = insertColumnListEnd(tokens);
        Object[] values = new Object[tokens.size()];
        boolean[] replaced = new boolean[tokens.size()];
        int[] span = new int[tokens.size()];
        boolean any = false;
        for (int i = columnListEnd; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Scope.Row row = rowReference(tokens, i, scope);
            if (row != null) {
                values[i] = row.values()[row.index(tokens.get(i + 2).text())];
                replaced[i] = replaced[i + 1] = replaced[i + 2] = true;
                span[i] = 3;
                any = true;
                i += 2;
                continue;
            }
            Scope.Slot slot = token.isIdentifier() ? scope.variable(token.text()) : null;
            if (slot != null && isExpressionName(tokens, i, assignments)) {
                values[i] = slot.value;
                replaced[i] = true;
                span[i] = 1;
                any = true;
            }
        }
        if (!any) {
            return statement;
        }
        java.util.Map<Integer, Integer> labelled = SelectListLabels.itemsNeedingLabels(tokens, replaced);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (span[i] > 0) {
                out.append(sql, copied, tokens.get(i).start());
                ProgramLiterals.append(out, values[i]);
                copied = tokens.get(i + span[i] - 1).end();
            }
            Integer first = labelled.get(i);
            if (first != null) {
                out.append(sql, copied, tokens.get(i).end());
                copied = tokens.get(i).end();
                String label = sql.substring(tokens.get(first).start(), tokens.get(i).end());
                out.append(" AS `").append(label.replace("`", "``")).append('`');
            }
        }
        out.append(sql, copied, sql.length());
        String text = out.toString();
        return new SqlText(text, Lexer.tokenize(text));
    }

    /** NEW.col or OLD.col of the trigger running, at {@code i}: its row, else null. */
    static Scope.Row rowReference(List<Token> tokens, int i, Scope scope) {
        if (i + 2 >= tokens.size() || !tokens.get(i).isIdentifier() || !tokens.get(i + 1).isSymbol(".")
                || !tokens.get(i + 2).isIdentifier() || i > 0 && tokens.get(i - 1).isSymbol(".")) {
            return null;
        }
        return scope.row(tokens.get(i).text());
    }

    private static boolean isExpressionName(List<Token> tokens, int i, boolean assignments) {
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (before != null && (before.isSymbol(".") || before.kind() == Token.Kind.WORD
                && TABLE_BEFORE.contains(before.upper()))) {
            return false;
        }
        if (after != null && (after.isSymbol(".") || after.isSymbol("(") || after.kind() == Token.Kind.STRING)) {
            return false;
        }
        // SET col = ... of an UPDATE or INSERT ... SET / ON DUPLICATE KEY UPDATE names a column
        return !(assignments && after != null && after.isSymbol("=") && before != null
                && (before.isWord("SET") || before.isSymbol(",") || before.isWord("UPDATE")));
    }

    /** INSERT [INTO] t (a, b, ...): the index after the column list, 0 for any other statement. */
    private static int insertColumnListEnd(List<Token> tokens) {
        if (tokens.isEmpty() || !(tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))) {
            return 0;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord("VALUES") || token.isWord("VALUE") || token.isWord("SELECT") || token.isWord("SET")) {
                return 0;
            }
            if (token.isSymbol("(")) {
                int depth = 0;
                for (int j = i; j < tokens.size(); j++) {
                    if (tokens.get(j).isSymbol("(")) {
                        depth++;
                    } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
                        return j + 1;
                    }
                }
                return 0;
            }
        }
        return 0;
    }
}
