package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.dml.DmlClauses;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.parse.Keywords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A single-table UPDATE's assignments in MySQL's order: MySQL applies {@code SET} from left to right, so an assignment
 * sees the columns the ones before it set ({@code SET a = a + 1, b = a} gives b the new a) and a column may be set
 * twice ({@code SET x = 3, x = 4}). The engine evaluates every assignment on the row as it was and refused a column
 * set twice (1060). So a later assignment's references to a column set before it are replaced by that assignment's
 * expression, in parentheses, and a column set twice keeps its last assignment. Statements whose assignments need
 * neither pass unchanged; so do those with a subquery in an assignment (a name there may be another table's).
 */
public final class UpdateAssignments implements StatementRewrite {
    private record Assignment(String column, int from, int to) {
    }

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || !tokens.get(0).isWord("UPDATE")) {
            return statement;
        }
        DmlClauses clauses = DmlClauses.parse(tokens);
        if (clauses == null || clauses.set() < 0) {
            return statement;
        }
        int end = clauses.endOf(clauses.set());
        String table = clauses.alias(tokens);
        List<Assignment> assignments = new ArrayList<>();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, clauses.set() + 1, end)) {
            Assignment assignment = assignment(tokens, range[0], range[1], table);
            if (assignment == null) {
                return statement;
            }
            assignments.add(assignment);
        }
        if (!needsOrder(tokens, assignments, table)) {
            return statement;
        }
        String sql = statement.sql();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        for (Assignment each : assignments) {
            String expression = substituted(sql, tokens, each, values, table);
            boolean isDefault = each.to() - each.from() == 1 && tokens.get(each.from()).isWord("DEFAULT");
            if (isDefault) {
                values.remove(each.column());
            } else {
                values.put(each.column(), expression);
            }
            targets.put(each.column(), DmlClauses.text(sql, tokens, each.from() - 2, each.from() - 1) + " = "
                    + expression);
        }
        TextEdits edits = new TextEdits();
        edits.replace(tokens.get(clauses.set() + 1), tokens.get(end - 1), String.join(", ", targets.values()));
        return edits.applyTo(statement);
    }

    /** {@code column = expression} at [from, to), or null when it is not that (a qualified target counts too). */
    private static Assignment assignment(List<Token> tokens, int from, int to, String table) {
        int equals = from + 1;
        if (equals + 2 <= to && tokens.get(from).isIdentifier() && tokens.get(from + 1).isSymbol(".")
                && tokens.get(from + 2).isIdentifier() && tokens.get(from).text().equalsIgnoreCase(table)) {
            equals = from + 3;
        }
        if (equals + 1 >= to || !tokens.get(equals).isSymbol("=") || !tokens.get(equals - 1).isIdentifier()) {
            return null;
        }
        for (int i = equals + 1; i < to; i++) {
            if (tokens.get(i).isWord("SELECT")) {
                return null;
            }
        }
        return new Assignment(tokens.get(equals - 1).text().toLowerCase(Locale.ROOT), equals + 1, to);
    }

    /** Whether a column is set twice, or an assignment reads a column one before it set. */
    private static boolean needsOrder(List<Token> tokens, List<Assignment> assignments, String table) {
        List<String> set = new ArrayList<>();
        for (Assignment each : assignments) {
            if (set.contains(each.column())) {
                return true;
            }
            for (int i = each.from(); i < each.to(); i++) {
                String column = reference(tokens, i, table);
                if (column != null && set.contains(column)) {
                    return true;
                }
            }
            set.add(each.column());
        }
        return false;
    }

    /** The assignment's expression with the columns set before it replaced by their expressions. */
    private static String substituted(String sql, List<Token> tokens, Assignment assignment, Map<String, String> values,
                                      String table) {
        StringBuilder out = new StringBuilder();
        int copied = tokens.get(assignment.from()).start();
        for (int i = assignment.from(); i < assignment.to(); i++) {
            String column = reference(tokens, i, table);
            if (column == null || !values.containsKey(column)) {
                continue;
            }
            int first = qualified(tokens, i, table) ? i - 2 : i;
            out.append(sql, copied, tokens.get(first).start()).append('(').append(values.get(column)).append(')');
            copied = tokens.get(i).end();
        }
        return out.append(sql, copied, tokens.get(assignment.to() - 1).end()).toString();
    }

    /** The column the token at {@code i} names (lower case), or null: a name that is no call, bare or table.name. */
    private static String reference(List<Token> tokens, int i, String table) {
        Token token = tokens.get(i);
        if (!token.isIdentifier() || Keywords.isReserved(token)
                || i + 1 < tokens.size() && (tokens.get(i + 1).isSymbol("(") || tokens.get(i + 1).isSymbol("."))) {
            return null;
        }
        if (i > 0 && tokens.get(i - 1).isSymbol(".") && !qualified(tokens, i, table)) {
            return null;
        }
        return token.text().toLowerCase(Locale.ROOT);
    }

    private static boolean qualified(List<Token> tokens, int i, String table) {
        return i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier()
                && tokens.get(i - 2).text().equalsIgnoreCase(table) && (i < 3 || !tokens.get(i - 3).isSymbol("."));
    }
}
