package dev.doppel.server.engine.plan;

import org.h2.index.Index;
import org.h2.index.IndexCondition;
import org.h2.table.IndexColumn;
import org.h2.table.TableFilter;
import org.h2.util.HasSQL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the conditions on one table's index make of its access, in MySQL's terms: the engine marks each column of
 * the table with the kinds of condition its index lookup uses (equality, start, end); the leading columns of the
 * index fixed by equalities make a const or eq_ref (all of a unique index's), or a ref; a start or end after them
 * a range; none an index scan. What an equality compares with is read from the engine's plan text of the filter
 * ({@code /* index: a = 5 AND b = "db"."t"."c" *&#47;}): a column of another table, or a constant.
 *
 * @param type        const, eq_ref, ref, range or index
 * @param usedColumns how many of the index's leading columns the lookup uses
 * @param ref         "const", the compared columns joined by commas, or null
 * @param lookups     how many conditions the index lookup takes
 */
record PlanConditions(String type, int usedColumns, String ref, int lookups) {
    private static final Pattern CONDITIONS = Pattern.compile("/\\* [^:*]+: (.*?) \\*/");
    private static final Pattern COLUMN_REFERENCE = Pattern.compile(
            "(?:(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)\\.)+(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)");

    static PlanConditions of(TableFilter filter, Index index) {
        int[] masks = filter.getMasks();
        IndexColumn[] columns = index.getIndexColumns();
        int equalities = 0;
        while (equalities < columns.length && has(masks, columns[equalities], IndexCondition.EQUALITY)) {
            equalities++;
        }
        boolean range = equalities < columns.length && (has(masks, columns[equalities], IndexCondition.START)
                || has(masks, columns[equalities], IndexCondition.END));
        List<String> lookups = lookups(filter);
        if (equalities == 0 && !range) {
            return new PlanConditions("index", 0, null, 0);
        }
        // an IN list or IN (subquery) fixes the column to several values: MySQL reads that as a range
        if (range || lookups.stream().anyMatch(each -> each.contains(" IN("))) {
            return new PlanConditions("range", Math.min(equalities + 1, columns.length), null, lookups.size());
        }
        List<String> references = new ArrayList<>();
        String schema = filter.getTable().getSchema().getName();
        for (String condition : lookups) {
            int equals = condition.indexOf(" = ");
            String operand = equals < 0 ? "" : condition.substring(equals + 3).trim();
            if (COLUMN_REFERENCE.matcher(operand).matches()) {
                String name = operand.replace("\"", "");
                references.add(name.chars().filter(c -> c == '.').count() == 1 ? schema + "." + name : name);
            }
        }
        boolean joined = !references.isEmpty();
        boolean unique = index.getIndexType().isUnique() || index.getIndexType().isPrimaryKey();
        String type = unique && equalities == columns.length ? joined ? "eq_ref" : "const" : "ref";
        String ref = joined ? String.join(",", references) : "const";
        return new PlanConditions(type, equalities, ref, lookups.size());
    }

    private static boolean has(int[] masks, IndexColumn column, int kind) {
        int id = column.column.getColumnId();
        return masks != null && id >= 0 && id < masks.length && (masks[id] & kind) == kind;
    }

    /** The conditions of the filter's index lookup, as the engine's plan prints them. */
    private static List<String> lookups(TableFilter filter) {
        String plan = filter.getPlanSQL(new StringBuilder(), false, HasSQL.ADD_PLAN_INFORMATION).toString();
        Matcher conditions = CONDITIONS.matcher(plan);
        return conditions.find() ? List.of(conditions.group(1).split(" AND ")) : List.of();
    }
}
