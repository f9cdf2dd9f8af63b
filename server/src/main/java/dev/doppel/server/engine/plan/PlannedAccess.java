package dev.doppel.server.engine.plan;

import java.util.List;

/**
 * How the engine's plan reads one table of a statement, in the terms of MySQL's EXPLAIN.
 *
 * @param id          the SELECT's number, from 1 in the order MySQL numbers them
 * @param selectType  SIMPLE, PRIMARY, UNION, UNION RESULT, DERIVED, INSERT, UPDATE or DELETE
 * @param schema      the table's schema, null for a derived table or a union's result
 * @param table       the name EXPLAIN shows: the alias, or {@code <derivedN>} / {@code <unionM,N>}
 * @param engineTable the table's engine name, null for a derived table or a union's result
 * @param type        MySQL's access type: const, eq_ref, ref, range, index or ALL; null for a union's result
 * @param engineIndex the engine's index the plan reads, null when it scans the table
 * @param keyColumns  the columns of that index the lookup uses, in the index's order
 * @param ref         what an equality lookup compares with ("const" or columns), null otherwise
 * @param rows        the engine's estimate of the rows it reads; null where MySQL shows none
 * @param usingWhere  a condition is tested on the rows read
 * @param extra       the other notes of MySQL's Extra column (Using temporary, Using filesort, ...)
 */
public record PlannedAccess(int id, String selectType, String schema, String table, String engineTable, String type,
                            String engineIndex, List<String> keyColumns, String ref, Long rows, boolean usingWhere,
                            List<String> extra) {
}
