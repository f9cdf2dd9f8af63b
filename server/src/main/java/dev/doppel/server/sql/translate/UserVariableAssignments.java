package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.Keywords;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code @v := expr} inside a query or DML statement: MySQL assigns the user variable as each row is computed
 * ({@code SELECT @n := @n + 1 AS row_number, ...}) and warns 1287, deprecated. The server's user variables are
 * written into a statement as literals, fixed for the whole statement, so such a variable instead becomes one of
 * the engine session's variables for the statement: its value is given to the engine before the statement runs
 * ({@link #load}), every use of it reads the engine's ({@code @v}), the assignment is the engine's
 * {@code SET(@v, expr)}, and the value it ends with comes back to the session afterwards ({@link #store}).
 * A derived table that only sets variables to constants ({@code FROM t, (SELECT @n := 0) init}) is one row that
 * MySQL computes before the rows it is joined with; the engine may compute it again for each of them, so its
 * assignments are made before the statement instead ({@link #initializers}).
 */
public final class UserVariableAssignments {
    private static final Set<String> STATEMENTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE",
            "DO", "(");
    /** Names the engine reads as a variable's name as they are. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** Where an assigned expression ends, at its own depth. */
    private static final Set<String> ENDS = Set.of("FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "INTO", "AS",
            "UNION", "EXCEPT", "INTERSECT", "FOR", "LOCK", "WINDOW", "THEN", "WHEN", "ELSE", "END", "ON", "USING",
            "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "STRAIGHT_JOIN", "NATURAL", "SEPARATOR");
    private static final String WARNING = "Setting user variables within expressions is deprecated and will be removed"
            + " in a future release. Consider alternatives: 'SET variable=expression, ...', or 'SELECT expression(s)"
            + " INTO variables(s)'.";

    private UserVariableAssignments() {
    }

    /** The variables the statement assigns with {@code :=}, lower case; empty for most statements. */
    public static Set<String> assigned(List<Token> tokens) {
        Set<String> result = null;
        if (tokens.isEmpty() || !STATEMENTS.contains(tokens.get(0).upper())) {
            return Set.of();
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.USER_VARIABLE && tokens.get(i + 1).isSymbol(":=")
                    && PLAIN_NAME.matcher(token.text()).matches()) {
                if (result == null) {
                    result = new LinkedHashSet<>();
                }
                result.add(token.text().toLowerCase(Locale.ROOT));
            }
        }
        return result == null ? Set.of() : result;
    }

    /** The engine's spelling: the assigned variables read and written as the engine session's. */
    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        Set<String> names = assigned(tokens);
        if (names.isEmpty()) {
            return;
        }
        Set<Integer> initializing = new java.util.HashSet<>();
        for (int[] each : initializers(tokens)) {
            initializing.add(each[0]);
            // the derived table's column keeps the constant; the variable has it before the statement runs
            edits.replaced().put(each[0], "");
            edits.replaced().put(each[0] + 1, "");
            ParseWarnings.add(session, 1287, WARNING);
        }
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.USER_VARIABLE || !names.contains(token.text().toLowerCase(Locale.ROOT))
                    || initializing.contains(i)) {
                continue;
            }
            String variable = "@" + token.text().toLowerCase(Locale.ROOT);
            if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(":=")) {
                edits.replaced().put(i, "SET(" + variable);
                edits.replaced().put(i + 1, ",");
                edits.after().merge(expressionEnd(tokens, i + 2) - 1, ")", (a, b) -> b + a);
                ParseWarnings.add(session, 1287, WARNING);
            } else {
                edits.replaced().put(i, variable);
            }
        }
    }

    /**
     * The assignments {@code @v := constant} of derived tables in FROM that are nothing but such assignments
     * ({@code (SELECT @n := 0, @s := '') init}), each as the indices of the variable and of the constant.
     */
    static List<int[]> initializers(List<Token> tokens) {
        List<int[]> result = new java.util.ArrayList<>();
        for (int open = 1; open + 1 < tokens.size(); open++) {
            Token before = tokens.get(open - 1);
            if (!tokens.get(open).isSymbol("(") || !tokens.get(open + 1).isWord("SELECT")
                    || !(before.isWord("FROM") || before.isWord("JOIN") || before.isSymbol(","))) {
                continue;
            }
            List<int[]> found = new java.util.ArrayList<>();
            int i = open + 2;
            while (i + 2 < tokens.size() && tokens.get(i).kind() == Token.Kind.USER_VARIABLE
                    && tokens.get(i + 1).isSymbol(":=") && PLAIN_NAME.matcher(tokens.get(i).text()).matches()
                    && isConstant(tokens.get(i + 2))) {
                found.add(new int[] {i, i + 2});
                i += 3;
                if (i + 1 < tokens.size() && tokens.get(i).isWord("AS")) {
                    i += 2;
                }
                if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                    i++;
                } else {
                    break;
                }
            }
            if (!found.isEmpty() && i < tokens.size() && tokens.get(i).isSymbol(")")) {
                result.addAll(found);
            }
        }
        return result;
    }

    private static boolean isConstant(Token token) {
        return token.kind() == Token.Kind.NUMBER && !token.isHexOrBitNumber() || token.kind() == Token.Kind.STRING
                || token.isWord("NULL");
    }

    /** The end (exclusive) of the expression starting at {@code start}: {@code :=} binds loosest. */
    private static int expressionEnd(List<Token> tokens, int start) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (depth == 0 && (token.isSymbol(",") || token.isSymbol(";")
                    || token.kind() == Token.Kind.WORD && ENDS.contains(token.upper())
                    || i > start && isImplicitAlias(tokens, i))) {
                return i;
            }
        }
        return tokens.size();
    }

    /** A name right after an operand: the select item's alias ({@code @n := @n + 1 n}). */
    private static boolean isImplicitAlias(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Token before = tokens.get(i - 1);
        boolean name = token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.WORD && !Keywords.isReserved(token);
        boolean operandBefore = before.kind() == Token.Kind.NUMBER || before.kind() == Token.Kind.STRING
                || before.isSymbol(")") || before.kind() == Token.Kind.USER_VARIABLE
                || before.isIdentifier() && !Keywords.isReserved(before);
        return name && operandBefore && (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")
                && !tokens.get(i + 1).isSymbol("."));
    }

    /**
     * Before the statement: the engine session's variables take the session's values, or the constants of the
     * statement's {@link #initializers}.
     */
    public static void load(Session session, List<Token> tokens, Set<String> names) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> values = session.userVariables();
        try (Statement statement = session.engineConnection().createStatement()) {
            for (String name : names) {
                sql.setLength(0);
                sql.append("SET @").append(name).append(" = ");
                EngineSql.appendLiteral(sql, values.get(name));
                statement.execute(sql.toString());
            }
            for (int[] each : initializers(tokens)) {
                Token constant = tokens.get(each[1]);
                sql.setLength(0);
                sql.append("SET @").append(tokens.get(each[0]).text().toLowerCase(Locale.ROOT)).append(" = ");
                EngineSql.appendLiteral(sql, constant.kind() == Token.Kind.STRING ? constant.text()
                        : constant.isWord("NULL") ? null : new java.math.BigDecimal(constant.text()));
                statement.execute(sql.toString());
            }
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException("cannot hand user variables to the engine: " + e.getMessage(), e);
        }
    }

    /** After the statement: the session's variables take the values the statement left. */
    public static void store(Session session, Set<String> names) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String name : names) {
            sql.append(sql.length() > 7 ? ", @" : "@").append(name);
        }
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet row = statement.executeQuery(sql.toString())) {
            if (row.next()) {
                int column = 1;
                for (String name : names) {
                    session.userVariables().put(name, mysqlValue(row.getObject(column++)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user variables from the engine: " + e.getMessage(), e);
        }
    }

    /** A value as the session keeps user variables: integers as Long, the rest as they are. */
    private static Object mysqlValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        return value;
    }
}
