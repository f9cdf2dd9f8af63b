package dev.doppel.server.sql.dml;

import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A value that may be a binary string, bound for a text column by INSERT/REPLACE ... VALUES, INSERT ... SET, INSERT
 * ... SELECT (one SELECT, without *), ON DUPLICATE KEY UPDATE or UPDATE ... SET, passes through the engine function
 * MYSQL_TEXT_FOR (engine.MySqlStringFunctions.textFor): bytes that are no UTF-8 (a binary column, UNHEX(...), a subquery of one) get
 * MySQL's 1366 in strict mode, where the engine stored U+FFFD for each such byte without a word. Literals and
 * parameters are checked before ({@link InvalidTextLiterals}); arithmetic and comparisons are numbers.
 */
public final class TextColumnValues {
    private static final Set<String> LITERAL_WORDS = Set.of("NULL", "DEFAULT", "TRUE", "FALSE");
    private static final Set<String> UPDATE_ENDS = Set.of("WHERE", "ORDER", "LIMIT");
    private static final Set<String> NUMERIC_OPERATORS = Set.of("DIV", "MOD", "AND", "OR", "XOR", "NOT", "IS", "LIKE",
            "BETWEEN", "IN", "REGEXP", "RLIKE");

    private static final Set<String> SET_OPERATIONS = Set.of("UNION", "EXCEPT", "INTERSECT");
    private static final Set<String> SELECT_LIST_ENDS = Set.of("FROM", "WHERE", "ON", "INTO");
    private static final Set<String> SELECT_OPTIONS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS");

    private TextColumnValues() {
    }

    /** A value that may be binary, at tokens [from, to), bound for {@code column} of row {@code row}. */
    private record Candidate(int from, int to, String column, int row) {
    }

    /** The statement with every such value bound for a text column checked; the statement itself otherwise. */
    public static SqlText checked(SqlText statement, Session session) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return statement;
        }
        Token verb = tokens.get(0);
        boolean insert = verb.isWord("INSERT") || verb.isWord("REPLACE");
        if (!insert && !verb.isWord("UPDATE")) {
            return statement;
        }
        InvalidTextLiterals.Target target = InvalidTextLiterals.Target.after(tokens, session, insert
                ? Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO") : Set.of("LOW_PRIORITY", "IGNORE"));
        if (target == null) {
            return statement;
        }
        List<Candidate> candidates = new ArrayList<>();
        int index = target.last() + 1;
        if (insert) {
            index = insertValues(tokens, index, session, target, candidates);
        } else if (index < tokens.size() && tokens.get(index).isWord("SET")) {
            index = assignments(tokens, index + 1, UPDATE_ENDS, candidates);
        }
        for (int i = index; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).isWord("ON") && tokens.get(i + 1).isWord("DUPLICATE")
                    && tokens.get(i + 3).isWord("UPDATE")) {
                assignments(tokens, i + 4, Set.of(), candidates);
                break;
            }
        }
        if (candidates.isEmpty()) {
            return statement; // nearly every statement: its values are literals, parameters or arithmetic
        }
        TableColumnKinds columns = TableColumnKinds.of(session::engineConnection, target.schema(), target.table());
        if (columns == null) {
            return statement; // the statement itself reports the table
        }
        TextEdits edits = new TextEdits();
        for (Candidate each : candidates) {
            if (columns.isText(each.column())) {
                edits.insertBefore(tokens.get(each.from()), "PUBLIC.MYSQL_TEXT_FOR(");
                edits.insertAfter(tokens.get(each.to() - 1),
                        ", '" + each.column().replace("'", "''") + "', " + each.row() + ")");
            }
        }
        return edits.isEmpty() ? statement : SqlText.of(edits.apply(statement.sql()));
    }

    /**
     * One value of a multi-table UPDATE ({@code valueSql}, MySQL's text) for {@code column} of a table: checked as
     * above when the column is text and the value may be binary; {@code valueSql} itself otherwise.
     */
    static String checkedValue(Session session, String schema, String table, String column, String valueSql) {
        List<Token> tokens = Lexer.tokenize(valueSql);
        if (tokens.isEmpty() || !mayBeBinary(tokens, 0, tokens.size())) {
            return valueSql;
        }
        TableColumnKinds columns = TableColumnKinds.of(session::engineConnection, schema, table);
        if (columns == null || !columns.isText(column)) {
            return valueSql;
        }
        return "PUBLIC.MYSQL_TEXT_FOR(" + valueSql + ", '" + column.replace("'", "''") + "', 1)";
    }

    /** [(columns)] VALUES (...), ... or SET c = v, ...; returns where the next clause may start. */
    private static int insertValues(List<Token> tokens, int index, Session session, InvalidTextLiterals.Target target,
                                    List<Candidate> candidates) {
        List<String> columns = null;
        if (index < tokens.size() && tokens.get(index).isSymbol("(")) {
            int close = TokenRanges.closing(tokens, index);
            if (close < 0 || index + 1 < tokens.size() && tokens.get(index + 1).isWord("SELECT")) {
                return tokens.size(); // INSERT INTO t (SELECT ...): left to the engine
            }
            columns = new ArrayList<>();
            for (int i = index + 1; i < close; i++) {
                if (tokens.get(i).isIdentifier()) {
                    columns.add(tokens.get(i).text());
                }
            }
            index = close + 1;
        }
        if (index < tokens.size() && tokens.get(index).isWord("SET")) {
            return assignments(tokens, index + 1, Set.of("ON"), candidates);
        }
        if (index < tokens.size() && tokens.get(index).isWord("SELECT")) {
            return selectList(tokens, index, session, target, columns, candidates);
        }
        if (index >= tokens.size() || !(tokens.get(index).isWord("VALUES") || tokens.get(index).isWord("VALUE"))) {
            return tokens.size();
        }
        index++;
        for (int row = 1; index < tokens.size(); row++) {
            if (tokens.get(index).isWord("ROW")) {
                index++;
            }
            int close = index < tokens.size() && tokens.get(index).isSymbol("(") ? TokenRanges.closing(tokens, index) : -1;
            if (close < 0) {
                break;
            }
            List<int[]> values = TokenRanges.rangesBetweenCommas(tokens, index + 1, close);
            for (int position = 0; position < values.size(); position++) {
                int[] range = values.get(position);
                if (mayBeBinary(tokens, range[0], range[1])) {
                    if (columns == null) {
                        TableColumnKinds table = TableColumnKinds.of(session::engineConnection, target.schema(), target.table());
                        if (table == null) {
                            return tokens.size(); // the statement itself reports the table
                        }
                        columns = table.order();
                    }
                    if (position < columns.size()) {
                        candidates.add(new Candidate(range[0], range[1], columns.get(position), row));
                    }
                }
            }
            index = close + 1;
            if (index >= tokens.size() || !tokens.get(index).isSymbol(",")) {
                break;
            }
            index++;
        }
        return index;
    }

    /**
     * INSERT ... SELECT a, b FROM ...: each item of the select list bound for its column. A query of several SELECTs
     * (UNION, ...) or with {@code *} is left as it is: its items cannot be matched to the columns from the text alone.
     */
    private static int selectList(List<Token> tokens, int select, Session session, InvalidTextLiterals.Target target,
                                  List<String> columns, List<Candidate> candidates) {
        int from = select + 1;
        while (from < tokens.size() && tokens.get(from).kind() == Token.Kind.WORD
                && SELECT_OPTIONS.contains(tokens.get(from).upper())) {
            from++;
        }
        if (TokenRanges.firstTopLevel(tokens, from, tokens.size(), SET_OPERATIONS) < tokens.size()) {
            return tokens.size();
        }
        int end = TokenRanges.firstTopLevel(tokens, from, tokens.size(), SELECT_LIST_ENDS);
        List<int[]> items = TokenRanges.rangesBetweenCommas(tokens, from, end);
        List<String> order = columns;
        for (int position = 0; position < items.size(); position++) {
            int[] item = withoutAlias(tokens, items.get(position));
            if (item[1] - item[0] == 1 && tokens.get(item[0]).isSymbol("*")
                    || item[1] - item[0] == 3 && tokens.get(item[1] - 1).isSymbol("*")) {
                return tokens.size();
            }
            if (mayBeBinary(tokens, item[0], item[1])) {
                if (order == null) {
                    TableColumnKinds table = TableColumnKinds.of(session::engineConnection, target.schema(), target.table());
                    if (table == null) {
                        return tokens.size();
                    }
                    order = table.order();
                }
                if (position < order.size()) {
                    candidates.add(new Candidate(item[0], item[1], order.get(position), 1));
                }
            }
        }
        return end;
    }

    /**
     * A select-list item without its alias: {@code expr AS name}, {@code name name} or {@code f(...) name}; any other
     * form is taken whole, since a last word may belong to the expression (CASE ... END, COLLATE x).
     */
    private static int[] withoutAlias(List<Token> tokens, int[] item) {
        int last = item[1] - 1;
        if (last <= item[0] || !tokens.get(last).isIdentifier() || tokens.get(last).isWord("END")) {
            return item;
        }
        Token before = tokens.get(last - 1);
        if (before.isWord("AS")) {
            return new int[] {item[0], last - 1};
        }
        if (last - item[0] == 1 && before.isIdentifier() || before.isSymbol(")")) {
            return new int[] {item[0], last};
        }
        return item;
    }

    /** c = v, ... from {@code index} up to one of {@code ends} at the same depth; returns where it ended. */
    private static int assignments(List<Token> tokens, int index, Set<String> ends, List<Candidate> candidates) {
        int end = TokenRanges.firstTopLevel(tokens, index, tokens.size(), ends);
        for (int[] assignment : TokenRanges.rangesBetweenCommas(tokens, index, end)) {
            int equals = assignment[0] + 1;
            while (equals < assignment[1] && !tokens.get(equals).isSymbol("=")) {
                equals++;
            }
            if (equals < assignment[1] - 1 && mayBeBinary(tokens, equals + 1, assignment[1])) {
                candidates.add(new Candidate(equals + 1, assignment[1], tokens.get(equals - 1).text(), 1));
            }
        }
        return end;
    }

    /**
     * Whether the value at [from, to) may be a binary string: not a literal or parameter, and not arithmetic or a
     * comparison, whose values are numbers.
     */
    private static boolean mayBeBinary(List<Token> tokens, int from, int to) {
        if (isLiteral(tokens, from, to)) {
            return false;
        }
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && i > from && (token.kind() == Token.Kind.SYMBOL && !token.isSymbol(".")
                    || token.kind() == Token.Kind.WORD && NUMERIC_OPERATORS.contains(token.upper()))) {
                return false;
            }
        }
        return true;
    }

    /** A string or number (signed, with an introducer, hex), NULL, DEFAULT, TRUE, FALSE or a ? parameter. */
    private static boolean isLiteral(List<Token> tokens, int from, int to) {
        if (to - from == 2 && tokens.get(from).kind() == Token.Kind.WORD
                && tokens.get(from + 1).kind() == Token.Kind.STRING && (tokens.get(from).text().startsWith("_")
                || tokens.get(from).isWord("X") || tokens.get(from).isWord("B") || tokens.get(from).isWord("N"))) {
            return true;
        }
        if (to - from == 2 && (tokens.get(from).isSymbol("-") || tokens.get(from).isSymbol("+"))) {
            from++;
        }
        if (to - from != 1) {
            return false;
        }
        Token token = tokens.get(from);
        return token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.NUMBER
                || token.kind() == Token.Kind.PARAMETER
                || token.kind() == Token.Kind.WORD && LITERAL_WORDS.contains(token.upper());
    }
}
