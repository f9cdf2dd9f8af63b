package dev.doppel.server.sql.partition;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.PartitionScheme.Method;

import java.util.ArrayList;
import java.util.List;

/**
 * Which partition a row is in, as a MySQL expression over the table's columns: the partition's number times the
 * number of subpartitions plus the subpartition's, or -1 when no partition takes the row. RANGE and LIST follow the
 * values (NULL is below every range; a LIST takes NULL only where a partition lists it), HASH is MySQL's
 * {@code ABS(MOD(expr, n))} and LINEAR HASH its powers-of-two rule; KEY hashes the columns with CRC32, which is not
 * InnoDB's hash (docs: rows of a KEY-partitioned table may sit in other partitions than in MySQL).
 */
final class PartitionPlacement {
    private PartitionPlacement() {
    }

    /**
     * The number over partitions and subpartitions; {@code keyColumns} are the columns KEY () hashes (the primary
     * key's when the list is empty).
     */
    static String number(PartitionScheme scheme, List<String> keyColumns, List<String> subKeyColumns) {
        String partition = partition(scheme, keyColumns);
        PartitionScheme.Sub sub = scheme.sub();
        if (sub == null) {
            return partition;
        }
        int count = scheme.subpartitionCount();
        String subpartition = hashed(sub.method(), sub.linear(), sub.expression(), subKeyColumns, count);
        return "(CASE WHEN " + partition + " < 0 THEN -1 ELSE " + partition + " * " + count + " + " + subpartition
                + " END)";
    }

    /** The value the error 1526 names: the function's value, or "from column_list" for COLUMNS. */
    static String valueText(PartitionScheme scheme) {
        if (scheme.columns() || scheme.expression() == null) {
            return "'from column_list'";
        }
        return "CONCAT('', " + scheme.expression() + ")";
    }

    private static String partition(PartitionScheme scheme, List<String> keyColumns) {
        return switch (scheme.method()) {
            case HASH, KEY -> hashed(scheme.method(), scheme.linear(), scheme.expression(), keyColumns,
                    scheme.partitionCount());
            case RANGE -> scheme.columns() ? rangeColumns(scheme) : range(scheme);
            case LIST -> scheme.columns() ? listColumns(scheme) : list(scheme);
        };
    }

    private static String range(PartitionScheme scheme) {
        String e = "(" + scheme.expression() + ")";
        StringBuilder out = new StringBuilder("(CASE WHEN ").append(e).append(" IS NULL THEN 0");
        List<PartitionScheme.Partition> partitions = scheme.partitions();
        String otherwise = "-1";
        for (int i = 0; i < partitions.size(); i++) {
            String bound = partitions.get(i).values().get(0).get(0);
            if (bound.equals("MAXVALUE")) {
                otherwise = String.valueOf(i);
                break;
            }
            out.append(" WHEN ").append(e).append(" < ").append(bound).append(" THEN ").append(i);
        }
        return out.append(" ELSE ").append(otherwise).append(" END)").toString();
    }

    private static String rangeColumns(PartitionScheme scheme) {
        StringBuilder out = new StringBuilder("(CASE");
        List<PartitionScheme.Partition> partitions = scheme.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            out.append(" WHEN ").append(lessThan(scheme.columnList(), partitions.get(i).values().get(0), 0))
                    .append(" THEN ").append(i);
        }
        return out.append(" ELSE -1 END)").toString();
    }

    /** (c1, c2, ...) < (v1, v2, ...) from position {@code at}, NULL below every value and MAXVALUE above all. */
    private static String lessThan(List<String> columns, List<String> bound, int at) {
        if (at >= columns.size()) {
            return "FALSE";
        }
        if (bound.get(at).equals("MAXVALUE")) {
            return "TRUE";
        }
        String column = CreateTableText.quote(columns.get(at));
        return "(" + column + " IS NULL OR " + column + " < " + bound.get(at) + " OR (" + column + " = "
                + bound.get(at) + " AND " + lessThan(columns, bound, at + 1) + "))";
    }

    private static String list(PartitionScheme scheme) {
        String e = "(" + scheme.expression() + ")";
        String whenNull = "-1";
        StringBuilder out = new StringBuilder();
        List<PartitionScheme.Partition> partitions = scheme.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            List<String> values = new ArrayList<>();
            for (List<String> tuple : partitions.get(i).values()) {
                if (tuple.get(0).equalsIgnoreCase("NULL")) {
                    whenNull = String.valueOf(i);
                } else {
                    values.add(tuple.get(0));
                }
            }
            if (!values.isEmpty()) {
                out.append(" WHEN ").append(e).append(" IN (").append(String.join(", ", values)).append(") THEN ")
                        .append(i);
            }
        }
        return "(CASE WHEN " + e + " IS NULL THEN " + whenNull + out + " ELSE -1 END)";
    }

    private static String listColumns(PartitionScheme scheme) {
        StringBuilder out = new StringBuilder("(CASE");
        List<PartitionScheme.Partition> partitions = scheme.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            List<String> tuples = new ArrayList<>();
            for (List<String> tuple : partitions.get(i).values()) {
                List<String> equal = new ArrayList<>();
                for (int c = 0; c < tuple.size() && c < scheme.columnList().size(); c++) {
                    equal.add(CreateTableText.quote(scheme.columnList().get(c)) + " <=> " + tuple.get(c));
                }
                tuples.add("(" + String.join(" AND ", equal) + ")");
            }
            out.append(" WHEN ").append(String.join(" OR ", tuples)).append(" THEN ").append(i);
        }
        return out.append(" ELSE -1 END)").toString();
    }

    /** HASH: ABS(MOD(expr, n)) with NULL as 0; KEY: CRC32 of the columns; LINEAR: MySQL's powers-of-two rule. */
    private static String hashed(Method method, boolean linear, String expression, List<String> keyColumns, int count) {
        String value;
        if (method == Method.HASH) {
            value = "COALESCE(" + expression + ", 0)";
        } else {
            List<String> quoted = keyColumns.stream().map(CreateTableText::quote).toList();
            value = "CRC32(CONCAT_WS(',', " + String.join(", ", quoted) + "))";
        }
        if (!linear) {
            return "ABS(MOD(" + value + ", " + count + "))";
        }
        long power = 1;
        while (power < count) {
            power <<= 1;
        }
        // the engine's BITAND: MySQL's & is not the engine's operator
        String low = "BITAND(" + value + ", " + (power - 1) + ")";
        return "(CASE WHEN " + low + " >= " + count + " THEN BITAND(" + value + ", " + (power / 2 - 1) + ") ELSE "
                + low + " END)";
    }
}
