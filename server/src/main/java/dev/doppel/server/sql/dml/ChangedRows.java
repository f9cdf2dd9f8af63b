package dev.doppel.server.sql.dml;

import dev.doppel.server.engine.StatementEffects;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL counts the rows an UPDATE changed, the engine the rows it matched. Before a single-table UPDATE runs,
 * the rows it will match whose every assigned column already holds its new value are counted (compared as
 * values and as text, so that a change of case or of trailing zeros counts as a change); the OK then reports
 * matched minus those, or the matched rows for a client with CLIENT_FOUND_ROWS, and MySQL's info text.
 */
public final class ChangedRows {
    private ChangedRows() {
    }

    /** The UPDATE's rows that will stay as they are; 0 when it cannot be told (the OK then reports them as changed). */
    public static long unchanged(Session session, String sql, List<Token> tokens) {
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.PARAMETER) {
                // a server-prepared UPDATE: the count would need the parameters bound in another order
                return 0;
            }
            if (each.isWord("MATCH")) {
                // the count runs outside the statement, where MATCH would read the table again for every row
                return 0;
            }
        }
        DmlClauses clauses = DmlClauses.parse(tokens);
        if (clauses == null || clauses.set() < 0 || clauses.orderBy() >= 0 || clauses.limit() >= 0) {
            return 0;
        }
        List<String> same = new ArrayList<>();
        int assignmentsEnd = clauses.endOf(clauses.set());
        for (List<Token> assignment : TokenRanges.splitAtCommas(tokens, clauses.set() + 1, assignmentsEnd)) {
            int equals = indexOfEquals(assignment);
            if (equals < 1 || equals + 1 >= assignment.size() || assignment.get(equals + 1).isWord("DEFAULT")) {
                return 0;
            }
            String column = textOf(sql, assignment, 0, equals);
            String value = "(" + textOf(sql, assignment, equals + 1, assignment.size()) + ")";
            same.add("(" + column + " IS NOT DISTINCT FROM " + value + " AND CAST(" + column
                    + " AS VARCHAR) IS NOT DISTINCT FROM CAST(" + value + " AS VARCHAR))");
        }
        String where = clauses.where() < 0 ? ""
                : "(" + DmlClauses.text(sql, tokens, clauses.where() + 1, clauses.endOf(clauses.where())) + ") AND ";
        String count = "SELECT COUNT(*) FROM " + DmlClauses.text(sql, tokens, clauses.refStart(), clauses.refEnd())
                + " WHERE " + where + String.join(" AND ", same);
        // the values are computed again by the UPDATE: their warnings come from there
        StatementEffects.Listener effects = StatementEffects.begin(null);
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet rows = statement.executeQuery(EngineSql.rewrite(count, Lexer.tokenize(count), session))) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException | RuntimeException e) {
            // the UPDATE itself reports what is wrong with it
            return 0;
        } finally {
            StatementEffects.end(effects);
        }
    }

    /** The affected-rows value of an UPDATE's OK: changed rows, or matched rows under CLIENT_FOUND_ROWS. */
    public static long affected(Session session, long matched, long unchanged) {
        return Capabilities.has(session.capabilities(), Capabilities.CLIENT_FOUND_ROWS) ? matched
                : Math.max(0, matched - unchanged);
    }

    public static String info(long matched, long unchanged, int warnings) {
        return "Rows matched: " + matched + "  Changed: " + Math.max(0, matched - unchanged) + "  Warnings: " + warnings;
    }

    private static int indexOfEquals(List<Token> assignment) {
        for (int i = 0; i < assignment.size(); i++) {
            if (assignment.get(i).isSymbol("=")) {
                return i;
            }
        }
        return -1;
    }

    private static String textOf(String sql, List<Token> tokens, int from, int to) {
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
