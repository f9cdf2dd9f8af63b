package dev.doppel.server.engine.plan;

import org.h2.command.Prepared;
import org.h2.util.HasSQL;
import org.h2.command.dml.Delete;
import org.h2.command.dml.Insert;
import org.h2.command.dml.Update;
import org.h2.command.query.Query;
import org.h2.command.query.Select;
import org.h2.command.query.SelectUnion;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.index.QueryExpressionIndex;
import org.h2.message.DbException;
import org.h2.table.DerivedTable;
import org.h2.table.DualTable;
import org.h2.table.IndexColumn;
import org.h2.table.Table;
import org.h2.table.TableFilter;
import org.h2.table.TableView;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's plan of a statement in MySQL's EXPLAIN terms: the statement is prepared (planned, not run) on the
 * client's own engine connection, so it sees what the client sees, and its table filters are read: which index
 * each uses, how many of its leading columns an equality fixes ({@link PlanConditions}), what else is tested.
 * Subqueries in expressions are not listed.
 */
public final class EnginePlans {
    private final SessionLocal session;
    private final List<PlannedAccess> result = new ArrayList<>();
    /** The conditions of the block being read. */
    private BlockConditions conjuncts = BlockConditions.NONE;
    private int lastId;

    private EnginePlans(SessionLocal session) {
        this.session = session;
    }

    /** The accesses of the statement, in MySQL's order of EXPLAIN rows. */
    public static List<PlannedAccess> of(SessionLocal session, String engineSql) throws SQLException {
        EnginePlans plans = new EnginePlans(session);
        try {
            plans.statement(session.prepare(engineSql));
        } catch (DbException e) {
            throw DbException.toSQLException(e);
        }
        return plans.result;
    }

    private void statement(Prepared prepared) {
        if (prepared instanceof Query query) {
            query(query, null);
        } else if (prepared instanceof Update update) {
            filters(++lastId, "UPDATE", update.getTableFilter(), List.of());
        } else if (prepared instanceof Delete delete) {
            filters(++lastId, "DELETE", delete.getTableFilter(), List.of());
        } else if (prepared instanceof Insert insert) {
            Table table = insert.getTable();
            result.add(new PlannedAccess(++lastId, "INSERT", table.getSchema().getName(), table.getName(),
                    table.getName(), "ALL", null, List.of(), null, null, false, List.of()));
        }
    }

    /** A query block and what it reads; {@code selectType} null lets the block decide (SIMPLE or PRIMARY). */
    private int query(Query query, String selectType) {
        if (query instanceof SelectUnion union) {
            List<Query> parts = new ArrayList<>();
            boolean distinct = unionParts(union, parts);
            int first = query(parts.get(0), selectType == null ? "PRIMARY" : selectType);
            int last = first;
            for (Query part : parts.subList(1, parts.size())) {
                last = query(part, "UNION");
            }
            if (distinct) {
                result.add(new PlannedAccess(0, "UNION RESULT", null, "<union" + first + "," + last + ">", null,
                        "ALL", null, List.of(), null, null, false, List.of("Using temporary")));
            }
            return first;
        }
        if (!(query instanceof Select select)) {
            return ++lastId;
        }
        int id = ++lastId;
        String type = selectType != null ? selectType : hasDerived(select.getTopTableFilter()) ? "PRIMARY" : "SIMPLE";
        List<String> extra = new ArrayList<>();
        if (select.getTopTableFilter() == null || select.getTopTableFilter().getTable() instanceof DualTable) {
            result.add(new PlannedAccess(id, type, null, null, null, null, null, List.of(), null, null, false,
                    List.of("No tables used")));
            return id;
        }
        if (select.isQuickAggregateQuery()) {
            result.add(new PlannedAccess(id, type, null, null, null, null, null, List.of(), null, null, false,
                    List.of("Select tables optimized away")));
            return id;
        }
        if ((select.isGroupQuery() || select.isAnyDistinct())) {
            extra.add("Using temporary");
        }
        if (select.hasOrder() && !select.getPlanSQL(new StringBuilder(), HasSQL.ADD_PLAN_INFORMATION).toString()
                .contains("/* index sorted */")) {
            extra.add("Using filesort");
        }
        conjuncts = BlockConditions.of(select);
        filters(id, type, select.getTopTableFilter(), extra);
        return id;
    }

    /** The union's blocks from left to right; whether any of them is joined by UNION [DISTINCT]. */
    private static boolean unionParts(Query query, List<Query> parts) {
        if (!(query instanceof SelectUnion union)) {
            parts.add(query);
            return false;
        }
        boolean left = unionParts(union.getLeft(), parts);
        boolean right = unionParts(union.getRight(), parts);
        return left || right || union.getUnionType() == SelectUnion.UnionType.UNION;
    }

    private static boolean hasDerived(TableFilter filter) {
        for (TableFilter each = filter; each != null; each = each.getJoin()) {
            if (each.getTable() instanceof DerivedTable) {
                return true;
            }
        }
        return false;
    }

    /** The tables of one block, joined in the engine's order; the block's notes go on its first table. */
    private void filters(int id, String selectType, TableFilter first, List<String> blockExtra) {
        List<Runnable> derived = new ArrayList<>();
        boolean firstTable = true;
        for (TableFilter filter = first; filter != null; filter = filter.getJoin()) {
            if (filter.getNestedJoin() != null) {
                filters(id, selectType, filter.getNestedJoin(), List.of());
                continue;
            }
            Table table = filter.getTable();
            if (table instanceof TableView view && view.isView()) {
                // MySQL merges a view into the query that reads it
                Query inner = filter.getIndex() instanceof QueryExpressionIndex index ? index.getQuery()
                        : view.getQuery();
                if (inner instanceof Select select && select.getTopTableFilter() != null) {
                    filters(id, selectType, select.getTopTableFilter(), List.of());
                }
                continue;
            }
            List<String> extra = new ArrayList<>(firstTable ? blockExtra : List.of());
            firstTable = false;
            if (table instanceof DerivedTable derivedTable) {
                int derivedId = lastId + derived.size() + 1;
                result.add(new PlannedAccess(id, selectType, null, "<derived" + derivedId + ">", null, "ALL", null,
                        List.of(), null, table.getRowCountApproximation(session), filter.getFilterCondition() != null,
                        extra));
                // the query the engine planned for this use of the derived table is its index's
                Query planned = filter.getIndex() instanceof QueryExpressionIndex index ? index.getQuery()
                        : derivedTable.getQuery();
                derived.add(() -> query(planned, "DERIVED"));
                continue;
            }
            result.add(access(id, selectType, filter, extra));
        }
        derived.forEach(Runnable::run);
    }

    private PlannedAccess access(int id, String selectType, TableFilter filter, List<String> extra) {
        Table table = filter.getTable();
        Index index = filter.getIndex();
        long tableRows = Math.max(0, table.getRowCountApproximation(session));
        int tested = conjuncts.testedAt(filter);
        if (index == null || index.getIndexType().isScan()) {
            return new PlannedAccess(id, selectType, table.getSchema().getName(), alias(filter), table.getName(),
                    "ALL", null, List.of(), null, tableRows, tested > 0, extra);
        }
        PlanConditions conditions = PlanConditions.of(filter, index);
        List<String> used = new ArrayList<>();
        IndexColumn[] columns = index.getIndexColumns();
        int usedCount = conditions.type().equals("index") ? columns.length : conditions.usedColumns();
        for (int i = 0; i < usedCount && i < columns.length; i++) {
            used.add(columns[i].column.getName());
        }
        long rows = switch (conditions.type()) {
            case "const", "eq_ref" -> 1L;
            case "ref" -> Math.max(1, Math.min(tableRows, Math.round(100.0 / Math.max(1,
                    columns[0].column.getSelectivity()))));
            case "range" -> Math.max(1, tableRows / 4);
            default -> tableRows;
        };
        boolean usingWhere = conditions.type().equals("range") || conditions.type().equals("index")
                ? tested > 0 : tested > conditions.lookups();
        return new PlannedAccess(id, selectType, table.getSchema().getName(), alias(filter), table.getName(),
                conditions.type(), index.getName(), used, conditions.ref(), rows, usingWhere, extra);
    }

    private static String alias(TableFilter filter) {
        String alias = filter.getTableAlias();
        return alias != null ? alias : filter.getTable().getName();
    }
}
