package dev.doppel.server.engine.plan;

import org.h2.command.query.Select;
import org.h2.expression.Expression;
import org.h2.table.TableFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditions of one SELECT block, split at its top-level ANDs, each tested at the last table of the join order
 * it names (where its values are all there): how many a table's rows are tested with tells whether MySQL would say
 * "Using where" for it. A condition that names no table is tested at the first.
 */
final class BlockConditions {
    static final BlockConditions NONE = new BlockConditions(List.of(), List.of());

    private final List<String> conjuncts;
    private final List<TableFilter> order;

    private BlockConditions(List<String> conjuncts, List<TableFilter> order) {
        this.conjuncts = conjuncts;
        this.order = order;
    }

    static BlockConditions of(Select select) {
        List<TableFilter> order = new ArrayList<>();
        for (TableFilter each = select.getTopTableFilter(); each != null; each = each.getJoin()) {
            order.add(each);
        }
        Expression condition = select.getCondition();
        List<String> conjuncts = new ArrayList<>();
        if (condition != null) {
            split(condition.getSQL(0).replaceAll("\\s+", " ").trim(), conjuncts);
        }
        return new BlockConditions(conjuncts, order);
    }

    /** How many of the block's conditions are tested on the rows of {@code filter}. */
    int testedAt(TableFilter filter) {
        int count = 0;
        for (String each : conjuncts) {
            int last = -1;
            for (int i = 0; i < order.size(); i++) {
                if (names(each, order.get(i))) {
                    last = i;
                }
            }
            TableFilter testedAt = order.isEmpty() ? null : order.get(Math.max(last, 0));
            if (testedAt == filter) {
                count++;
            }
        }
        return count;
    }

    private static boolean names(String conjunct, TableFilter filter) {
        String alias = filter.getTableAlias() != null ? filter.getTableAlias() : filter.getTable().getName();
        String lower = conjunct.toLowerCase(Locale.ROOT);
        String name = alias.toLowerCase(Locale.ROOT);
        return lower.contains(name + ".") || lower.contains("\"" + name + "\".");
    }

    /** Splits {@code text} at its top-level ANDs, each part without the parentheses around all of it. */
    private static void split(String text, List<String> out) {
        String whole = unwrap(text);
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && whole.startsWith(" AND ", i)) {
                split(whole.substring(start, i), out);
                start = i + 5;
                i += 4;
            }
        }
        if (start == 0) {
            out.add(whole);
        } else {
            split(whole.substring(start), out);
        }
    }

    private static String unwrap(String text) {
        String result = text.trim();
        while (result.startsWith("(") && result.endsWith(")") && closes(result)) {
            result = result.substring(1, result.length() - 1).trim();
        }
        return result;
    }

    /** Whether the first parenthesis closes at the very end. */
    private static boolean closes(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }
}
