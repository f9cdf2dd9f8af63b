package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.StatementColumns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MySQL's quotient keeps more digits inside an expression than the scale it declares, and a select-list item is
 * rounded to its declared scale only when it is sent: {@code 2 / 3 * 100} is 66.6667, {@code 68 * (47 / 68)} is
 * 47.0000. So in a select-list item whose declared scale {@link DecimalScale} can work out, every {@code /} keeps
 * MySQL's inner digits (the engine's {@code MYSQL_DIVIDE_EXACT}) and the item becomes
 * {@code CAST(item AS DECIMAL(65, scale))}, which rounds half up as MySQL does. Elsewhere (WHERE, an item whose
 * scale depends on a DOUBLE, a string or a parameter, a statement with a quotient in GROUP BY, ORDER BY or the like,
 * which the engine may have to match with the select list's) each quotient is rounded to its declared scale at
 * once, as before.
 */
public final class DivisionResults {
    private static final DivisionResults NONE = new DivisionResults(Set.of(), List.of());
    private static final Set<String> STATEMENTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE");
    private static final Set<String> ITEMS_END = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "LOCK");
    /** Clauses in which the engine matches an expression with the select list's. */
    private static final Set<String> MATCHING_CLAUSES = Set.of("GROUP", "ORDER", "HAVING", "DISTINCT", "OVER",
            "PARTITION", "WINDOW");

    private final Set<Integer> exactDivisions;
    private final List<int[]> items;

    private DivisionResults(Set<Integer> exactDivisions, List<int[]> items) {
        this.exactDivisions = exactDivisions;
        this.items = items;
    }

    /** The {@code /} tokens that keep MySQL's inner digits, for {@code Division}. */
    public Set<Integer> exactDivisions() {
        return exactDivisions;
    }

    public static DivisionResults of(SqlText statement, Session session) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || !STATEMENTS.contains(tokens.get(0).upper()) || !hasDivision(tokens)) {
            return NONE;
        }
        StatementColumns[] columns = new StatementColumns[1];
        DecimalScale.Columns scales = (from, to) -> {
            if (session == null) {
                return DecimalScale.UNKNOWN;
            }
            if (columns[0] == null) {
                columns[0] = new StatementColumns(statement.sql(), tokens, session);
            }
            StatementColumns.Resolved column = columns[0].resolve(from, to);
            return column == null ? DecimalScale.UNKNOWN : column.columns().exactScale(column.column());
        };
        Set<Integer> exact = new HashSet<>();
        Set<Integer> inSelectLists = new HashSet<>();
        List<int[]> items = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("SELECT")) {
                for (int[] item : items(tokens, i + 1)) {
                    plan(tokens, item, scales, exact, inSelectLists, items);
                }
            }
        }
        if (items.isEmpty() || divisionsOutside(tokens, inSelectLists) && hasMatchingClause(tokens)) {
            return NONE;
        }
        return new DivisionResults(exact, items);
    }

    /** Wraps each planned item in a CAST to its declared scale, outside whatever else is written around it. */
    public void wrap(EngineEdits edits) {
        for (int[] item : items) {
            edits.before().merge(item[0], "CAST(", (existing, added) -> added + existing);
            edits.after().merge(item[1], " AS DECIMAL(65, " + item[2] + "))", String::concat);
        }
    }

    /** An item with a quotient whose scale is known: its quotients are exact, and it is noted as {first, last, scale}. */
    private static void plan(List<Token> tokens, int[] item, DecimalScale.Columns scales, Set<Integer> exact,
                             Set<Integer> inSelectLists, List<int[]> items) {
        List<Integer> divisions = new ArrayList<>();
        for (int i = item[0]; i < item[1]; i++) {
            if (tokens.get(i).isSymbol("/")) {
                divisions.add(i);
            }
        }
        inSelectLists.addAll(divisions);
        if (divisions.isEmpty()) {
            return;
        }
        DecimalScale.Result result = DecimalScale.of(tokens, item[0], item[1], scales);
        if (result.scale() <= 0 || !isAliasOrNothing(tokens, result.end(), item[1])) {
            return;
        }
        exact.addAll(divisions);
        items.add(new int[] {item[0], result.end() - 1, result.scale()});
    }

    /** After the expression: nothing, {@code [AS] alias}. */
    private static boolean isAliasOrNothing(List<Token> tokens, int from, int to) {
        int i = from;
        if (i < to && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i == from && i == to) {
            return true;
        }
        return i + 1 == to && (tokens.get(i).isIdentifier() || tokens.get(i).kind() == Token.Kind.STRING);
    }

    /** The select list's items after the SELECT at {@code start - 1}, as [first, end) ranges. */
    private static List<int[]> items(List<Token> tokens, int start) {
        int from = start;
        while (from < tokens.size() && (tokens.get(from).isWord("DISTINCT") || tokens.get(from).isWord("ALL"))) {
            from++;
        }
        int depth = 0;
        int to = from;
        for (; to < tokens.size(); to++) {
            Token token = tokens.get(to);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && (token.isSymbol(";")
                    || token.kind() == Token.Kind.WORD && ITEMS_END.contains(token.upper()))) {
                break;
            }
        }
        return TokenRanges.rangesBetweenCommas(tokens, from, to);
    }

    private static boolean hasDivision(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.isSymbol("/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean divisionsOutside(List<Token> tokens, Set<Integer> inSelectLists) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("/") && !inSelectLists.contains(i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMatchingClause(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.WORD && MATCHING_CLAUSES.contains(token.upper())) {
                return true;
            }
        }
        return false;
    }
}
