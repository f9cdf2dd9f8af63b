package dev.doppel.server.sql.translate.grouping;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.config.variables.SqlMode;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.StatementColumns;
import dev.doppel.server.sql.translate.StatementColumns.Resolved;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A grouped query (GROUP BY, HAVING, or an aggregate in the select list or ORDER BY) that uses a column outside an
 * aggregate which is not one value per group ({@link FunctionalDependencies}). With ONLY_FULL_GROUP_BY, MySQL refuses
 * it before reading a row: 1055 with GROUP BY, 1140 without. Without the mode, MySQL takes any row's value; the
 * engine checked at run time and failed on a group with two values, so such a column becomes
 * {@code ANY_VALUE(column)}. The check is only as sure as the statement is plain: a derived table, a view, an outer,
 * natural or USING join, or {@code *} in the select list leave it to the engine's check at run time.
 */
public final class UngroupedColumns {
    /** Where a join begins in FROM, after which a parenthesis opens a derived table or a nested join. */
    private static final Set<String> TABLE_STARTS = Set.of("FROM", "JOIN", "STRAIGHT_JOIN");
    private static final Set<String> UNSURE_JOINS = Set.of("LEFT", "RIGHT", "OUTER", "NATURAL", "USING", "FULL");
    private static final Set<String> ON_ENDS = Set.of("JOIN", "INNER", "CROSS", "LEFT", "RIGHT", "NATURAL",
            "STRAIGHT_JOIN", "ON", "USING");

    /** A column used outside aggregates that is not one value per group. */
    private record Ungrouped(int start, int end, Resolved column, int expression, boolean orderBy, String label) {
    }

    private UngroupedColumns() {
    }

    public static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (session == null || tokens.isEmpty() || !tokens.get(0).isWord("SELECT") || !mayGroup(tokens)) {
            return;
        }
        GroupedSelect query = GroupedSelect.of(tokens);
        if (query == null || !aggregated(tokens, query) || positionOutOfRange(tokens, query)) {
            return;
        }
        List<List<int[]>> itemUses = new ArrayList<>();
        boolean anyUse = false;
        for (GroupedSelect.Item item : query.items()) {
            List<int[]> uses = ColumnUses.outsideAggregates(tokens, item.start(), item.end());
            itemUses.add(uses);
            anyUse |= !uses.isEmpty();
        }
        List<List<int[]>> orderUses = new ArrayList<>();
        for (int[] order : query.orderItems()) {
            List<int[]> uses = namesSelectItem(tokens, query, order) ? List.of()
                    : ColumnUses.outsideAggregates(tokens, order[0], order[1]);
            orderUses.add(uses);
            anyUse |= !uses.isEmpty();
        }
        if (!anyUse) {
            return;
        }
        StatementColumns resolver = new StatementColumns(statement.sql(), tokens, session);
        FunctionalDependencies dependencies = new FunctionalDependencies();
        for (int[] group : query.groupItems()) {
            int[] column = groupedColumn(tokens, query, group);
            Resolved resolved = column == null ? null : resolver.resolve(column[0], column[1]);
            if (resolved != null) {
                dependencies.add(resolved);
            }
        }
        List<Resolved> tablesRead = resolver.tablesRead();
        boolean sure = plainJoins(tokens, query) && tablesRead.stream().noneMatch(t -> t.columns().view());
        dependencies.close(tokens, conditions(tokens, query), resolver, tablesRead);
        List<Ungrouped> ungrouped = new ArrayList<>();
        for (int k = 0; k < query.items().size(); k++) {
            GroupedSelect.Item item = query.items().get(k);
            if (isStar(tokens, item)) {
                sure = false;
            } else if (!matchesGroupItem(tokens, query, item.start(), item.end(), k)) {
                // a select item that is the bare column keeps the column's name as its label
                String label = item.alias() == null && itemUses.get(k).size() == 1
                        && itemUses.get(k).get(0)[0] == item.start() && itemUses.get(k).get(0)[1] == item.end()
                        ? tokens.get(item.end() - 1).text() : null;
                collectUngrouped(itemUses.get(k), resolver, dependencies, k + 1, label, ungrouped);
            }
        }
        for (int k = 0; k < query.orderItems().size(); k++) {
            int[] order = query.orderItems().get(k);
            if (!matchesGroupItem(tokens, query, order[0], order[1], -1)) {
                collectUngrouped(orderUses.get(k), resolver, dependencies, -(k + 1), null, ungrouped);
            }
        }
        if (ungrouped.isEmpty()) {
            return;
        }
        if ((session.variables().sqlModeBits() & SqlMode.ONLY_FULL_GROUP_BY) == 0) {
            for (Ungrouped each : ungrouped) {
                edits.before().merge(each.start(), "ANY_VALUE(", (a, b) -> a + b);
                String close = each.label() == null ? ")" : ") AS `" + each.label().replace("`", "``") + "`";
                edits.after().merge(each.end() - 1, close, (a, b) -> b + a);
            }
        } else if (sure) {
            Ungrouped first = ungrouped.get(0);
            String clause = first.orderBy() ? "ORDER BY clause" : "SELECT list";
            String column = first.column().qualified() + "." + first.column().column();
            throw query.grouped()
                    ? new MySqlException(MySqlError.ER_WRONG_FIELD_WITH_GROUP_V2,
                            MySqlError.ER_WRONG_FIELD_WITH_GROUP_V2.message(first.expression(), clause, column))
                    : new MySqlException(MySqlError.ER_MIX_OF_GROUP_FUNC_AND_FIELDS_V2,
                            MySqlError.ER_MIX_OF_GROUP_FUNC_AND_FIELDS_V2.message(first.expression(), clause, column));
        }
    }

    /** Notes the uses that are not one value per group; {@code position} is 1-based, negative in ORDER BY. */
    private static void collectUngrouped(List<int[]> uses, StatementColumns resolver,
                                         FunctionalDependencies dependencies, int position, String label,
                                         List<Ungrouped> result) {
        for (int[] use : uses) {
            Resolved column = resolver.resolve(use[0], use[1]);
            if (column != null && !dependencies.has(column)) {
                result.add(new Ungrouped(use[0], use[1], column, Math.abs(position), position < 0, label));
            }
        }
    }

    /** GROUP BY n past the select list: the engine's error (1054) comes first, as MySQL's does. */
    private static boolean positionOutOfRange(List<Token> tokens, GroupedSelect query) {
        for (int[] group : query.groupItems()) {
            Token token = tokens.get(group[0]);
            if (group[1] - group[0] == 1 && token.kind() == Token.Kind.NUMBER && Token.isDigits(token.text())
                    && selectItemNamed(tokens, query, group) == null) {
                return true;
            }
        }
        return false;
    }

    /** A quick look before the clauses are read: GROUP, HAVING or an aggregate's call anywhere. */
    private static boolean mayGroup(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.WORD && (token.isWord("GROUP") || token.isWord("HAVING")
                    || i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                    && ColumnUses.AGGREGATES.contains(token.upper()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean aggregated(List<Token> tokens, GroupedSelect query) {
        if (query.grouped() || query.having() >= 0) {
            return true;
        }
        for (GroupedSelect.Item item : query.items()) {
            if (ColumnUses.callsAggregate(tokens, item.start(), item.end())) {
                return true;
            }
        }
        for (int[] order : query.orderItems()) {
            if (ColumnUses.callsAggregate(tokens, order[0], order[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column a GROUP BY item groups by, or null: the item itself when it is a column reference, or the select
     * item it names by alias or position when that one is.
     */
    private static int[] groupedColumn(List<Token> tokens, GroupedSelect query, int[] group) {
        GroupedSelect.Item named = selectItemNamed(tokens, query, group);
        return named != null ? new int[] {named.start(), named.end()} : group;
    }

    /** The select item an ORDER BY or GROUP BY item names by position or alias (a single name), or null. */
    static GroupedSelect.Item selectItemNamed(List<Token> tokens, GroupedSelect query, int[] range) {
        if (range[1] - range[0] != 1) {
            return null;
        }
        Token token = tokens.get(range[0]);
        if (token.kind() == Token.Kind.NUMBER && Token.isDigits(token.text()) && token.text().length() < 9) {
            int position = Integer.parseInt(token.text()) - 1;
            return position >= 0 && position < query.items().size() ? query.items().get(position) : null;
        }
        if (token.isIdentifier()) {
            for (GroupedSelect.Item item : query.items()) {
                if (item.alias() != null && item.alias().equalsIgnoreCase(token.text())) {
                    return item;
                }
            }
        }
        return null;
    }

    private static boolean namesSelectItem(List<Token> tokens, GroupedSelect query, int[] order) {
        return selectItemNamed(tokens, query, order) != null;
    }

    /**
     * Whether the expression at [from, to) is one of GROUP BY's, as written, or the select item {@code index} is
     * named by one (alias or position).
     */
    private static boolean matchesGroupItem(List<Token> tokens, GroupedSelect query, int from, int to, int index) {
        for (int[] group : query.groupItems()) {
            if (sameTokens(tokens, from, to, group[0], group[1])) {
                return true;
            }
            GroupedSelect.Item named = selectItemNamed(tokens, query, group);
            if (named != null && (index >= 0 && named == query.items().get(index)
                    || sameTokens(tokens, from, to, named.start(), named.end()))) {
                return true;
            }
        }
        return false;
    }

    static boolean sameTokens(List<Token> tokens, int from, int to, int otherFrom, int otherTo) {
        if (to - from != otherTo - otherFrom) {
            return false;
        }
        for (int i = 0; i < to - from; i++) {
            Token a = tokens.get(from + i);
            Token b = tokens.get(otherFrom + i);
            if (a.kind() != b.kind() || !a.text().equalsIgnoreCase(b.text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStar(List<Token> tokens, GroupedSelect.Item item) {
        return tokens.get(item.end() - 1).isSymbol("*")
                && (item.end() - item.start() == 1 || tokens.get(item.end() - 2).isSymbol("."));
    }

    /** Whether FROM joins base tables only, with inner joins: no derived table, nested join or outer join. */
    private static boolean plainJoins(List<Token> tokens, GroupedSelect query) {
        for (int i = query.from(); i < query.fromEnd(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.WORD && UNSURE_JOINS.contains(token.upper())) {
                return false;
            }
            boolean tableStart = token.isSymbol(",") || token.kind() == Token.Kind.WORD
                    && TABLE_STARTS.contains(token.upper());
            if (tableStart && i + 1 < query.fromEnd() && tokens.get(i + 1).isSymbol("(")) {
                return false;
            }
            if (token.isSymbol("(")) {
                i = Math.max(i, TokenRanges.closing(tokens, i));
            }
        }
        return true;
    }

    /** WHERE's condition and each ON's, as ranges. */
    private static List<int[]> conditions(List<Token> tokens, GroupedSelect query) {
        List<int[]> result = new ArrayList<>();
        if (query.where() >= 0) {
            result.add(new int[] {query.where() + 1, query.whereEnd()});
        }
        for (int i = query.from(); i < query.fromEnd(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                i = Math.max(i, TokenRanges.closing(tokens, i));
            } else if (tokens.get(i).isWord("ON")) {
                int end = TokenRanges.firstTopLevel(tokens, i + 1, query.fromEnd(), ON_ENDS);
                int comma = TokenRanges.commas(tokens, i + 1, end).stream().findFirst().orElse(end);
                result.add(new int[] {i + 1, Math.min(end, comma)});
            }
        }
        return result;
    }
}
