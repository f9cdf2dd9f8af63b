package dev.doppel.server.sql.translate.grouping;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.StatementColumns;
import dev.doppel.server.sql.translate.StatementColumns.Resolved;

import java.util.List;

/**
 * SELECT DISTINCT ... ORDER BY an expression that uses a column the select list does not have: after DISTINCT no row
 * is left whose value it could sort by, and MySQL refuses it (3065); the engine sorted by some row's value. An ORDER
 * BY item that names a select item (position, alias) or repeats one is fine, and so is a column of a select list with
 * {@code *}. Columns the server cannot resolve are left to the engine.
 */
public final class DistinctOrderColumns {
    private DistinctOrderColumns() {
    }

    public static void check(SqlText statement, Session session) {
        List<Token> tokens = statement.tokens();
        if (session == null || tokens.size() < 4 || !tokens.get(0).isWord("SELECT") || !tokens.get(1).isWord("DISTINCT")
                || tokens.stream().noneMatch(token -> token.isWord("ORDER"))) {
            return;
        }
        GroupedSelect query = GroupedSelect.of(tokens);
        if (query == null || query.orderItems().isEmpty() || selectsAll(tokens, query)) {
            return;
        }
        StatementColumns resolver = new StatementColumns(statement.sql(), tokens, session);
        for (int k = 0; k < query.orderItems().size(); k++) {
            int[] order = query.orderItems().get(k);
            if (UngroupedColumns.selectItemNamed(tokens, query, order) != null || repeatsItem(tokens, query, order)) {
                continue;
            }
            for (int[] use : ColumnUses.outsideAggregates(tokens, order[0], order[1])) {
                Resolved column = resolver.resolve(use[0], use[1]);
                if (column != null && !selected(tokens, query, resolver, column)) {
                    throw MySqlError.ER_FIELD_IN_ORDER_NOT_SELECT.exception(k + 1,
                            column.qualified() + "." + column.column(), "DISTINCT");
                }
            }
        }
    }

    private static boolean selectsAll(List<Token> tokens, GroupedSelect query) {
        for (GroupedSelect.Item item : query.items()) {
            if (tokens.get(item.end() - 1).isSymbol("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeatsItem(List<Token> tokens, GroupedSelect query, int[] order) {
        for (GroupedSelect.Item item : query.items()) {
            if (UngroupedColumns.sameTokens(tokens, order[0], order[1], item.start(), item.end())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a select item is {@code column} itself. */
    private static boolean selected(List<Token> tokens, GroupedSelect query, StatementColumns resolver,
                                    Resolved column) {
        for (GroupedSelect.Item item : query.items()) {
            Resolved selected = resolver.resolve(item.start(), item.end());
            if (selected != null && selected.column().equalsIgnoreCase(column.column())
                    && selected.qualified().equalsIgnoreCase(column.qualified())) {
                return true;
            }
        }
        return false;
    }
}
