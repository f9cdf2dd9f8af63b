package dev.doppel.server.catalog.partitions;

import dev.doppel.server.catalog.CreateTableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table's partitioning as MySQL 8.4 declares it: the method, its expression or columns, the number of partitions,
 * the subpartitioning, and the partitions with their values. Expressions and values are kept as MySQL prints them
 * ({@code year(`d`)}, {@code 10}, {@code 'a'}, {@code MAXVALUE}); {@link #clause()} is the text SHOW CREATE TABLE shows.
 */
public record PartitionScheme(Method method, boolean linear, boolean columns, Integer algorithm, String expression,
                              List<String> columnList, Integer count, Sub sub, List<Partition> partitions) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$]*[A-Za-z_$][A-Za-z0-9_$]*");

    public enum Method { RANGE, LIST, HASH, KEY }

    /** SUBPARTITION BY [LINEAR] HASH (expr) | [LINEAR] KEY (columns) [SUBPARTITIONS n]. */
    public record Sub(Method method, boolean linear, Integer algorithm, String expression, List<String> columnList,
                      Integer count) {
    }

    /**
     * One partition: its name, its values (VALUES LESS THAN: one tuple; VALUES IN: the tuples, one value each unless
     * COLUMNS has several; none for HASH and KEY), its comment (null when none), its subpartitions' names (empty when
     * they are numbered).
     */
    public record Partition(String name, Kind kind, List<List<String>> values, String comment,
                            List<String> subpartitions) {
        public Partition {
            values = List.copyOf(values);
            subpartitions = List.copyOf(subpartitions);
        }

        /** The values as information_schema.PARTITIONS' PARTITION_DESCRIPTION shows them. */
        public String description() {
            if (kind == Kind.NONE) {
                return null;
            }
            List<String> each = new ArrayList<>();
            for (List<String> tuple : values) {
                each.add(tuple.size() == 1 || kind == Kind.LESS_THAN ? String.join(",", tuple)
                        : "(" + String.join(",", tuple) + ")");
            }
            return String.join(",", each);
        }
    }

    public enum Kind { NONE, LESS_THAN, IN }

    public PartitionScheme {
        columnList = columnList == null ? List.of() : List.copyOf(columnList);
        partitions = List.copyOf(partitions);
    }

    /** How many partitions: the ones defined, or PARTITIONS n, or 1. */
    public int partitionCount() {
        return !partitions.isEmpty() ? partitions.size() : count != null ? count : 1;
    }

    /** How many subpartitions each partition has; 0 without subpartitioning. */
    public int subpartitionCount() {
        if (sub == null) {
            return 0;
        }
        if (!partitions.isEmpty() && !partitions.get(0).subpartitions().isEmpty()) {
            return partitions.get(0).subpartitions().size();
        }
        return sub.count() != null ? sub.count() : 1;
    }

    /** The partitions' names in order: the defined ones, or p0, p1, ... as MySQL names them. */
    public List<String> partitionNames() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < partitionCount(); i++) {
            result.add(i < partitions.size() ? partitions.get(i).name() : "p" + i);
        }
        return result;
    }

    /** The names of partition {@code index}'s subpartitions: the defined ones, or the partition's name + sp0, sp1, .... */
    public List<String> subpartitionNames(int index) {
        if (index < partitions.size() && !partitions.get(index).subpartitions().isEmpty()) {
            return partitions.get(index).subpartitions();
        }
        List<String> result = new ArrayList<>();
        String name = partitionNames().get(index);
        for (int j = 0; j < subpartitionCount(); j++) {
            result.add(name + "sp" + j);
        }
        return result;
    }

    /** information_schema.PARTITIONS' PARTITION_METHOD: RANGE, LIST, HASH, LINEAR HASH, KEY, RANGE COLUMNS, .... */
    public String methodName() {
        return (linear ? "LINEAR " : "") + method + (columns ? " COLUMNS" : "");
    }

    /** PARTITION_EXPRESSION: the expression, or the columns backquoted. */
    public String expressionText() {
        return expression != null ? expression : quotedColumns(columnList);
    }

    public String subMethodName() {
        return sub == null ? null : (sub.linear() ? "LINEAR " : "") + sub.method();
    }

    public String subExpressionText() {
        return sub == null ? null : sub.expression() != null ? sub.expression() : quotedColumns(sub.columnList());
    }

    private static String quotedColumns(List<String> columns) {
        return String.join(",", columns.stream().map(CreateTableText::quote).toList());
    }

    /** The partitioning clause as SHOW CREATE TABLE prints it, inside its version comment. */
    public String versionedClause() {
        return "/*!" + (columns ? "50500" : "50100") + " " + clause() + " */";
    }

    /** PARTITION BY ... with the partitions, in MySQL's layout (a line each). */
    public String clause() {
        StringBuilder out = new StringBuilder("PARTITION BY ");
        out.append(method(method, linear, algorithm, expression, columnList, columns));
        if (sub != null) {
            out.append("\nSUBPARTITION BY ").append(method(sub.method(), sub.linear(), sub.algorithm(), sub.expression(),
                    sub.columnList(), false));
            boolean named = !partitions.isEmpty() && !partitions.get(0).subpartitions().isEmpty();
            if (!named && sub.count() != null) {
                out.append("\nSUBPARTITIONS ").append(sub.count());
            }
        }
        if (partitions.isEmpty()) {
            if (count != null) {
                out.append("\nPARTITIONS ").append(count);
            }
            return out.toString();
        }
        out.append("\n(");
        for (int i = 0; i < partitions.size(); i++) {
            Partition each = partitions.get(i);
            out.append(i == 0 ? "" : ",\n ").append("PARTITION ").append(name(each.name()));
            if (each.kind() == Kind.LESS_THAN) {
                List<String> bound = each.values().get(0);
                out.append(" VALUES LESS THAN ").append(!columns && bound.get(0).equals("MAXVALUE") ? "MAXVALUE"
                        : "(" + String.join(",", bound) + ")");
            } else if (each.kind() == Kind.IN) {
                out.append(" VALUES IN (").append(each.description()).append(')');
            }
            if (each.comment() != null) {
                out.append(" COMMENT = '").append(each.comment().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            }
            if (each.subpartitions().isEmpty()) {
                out.append(" ENGINE = InnoDB");
            } else {
                out.append("\n (");
                for (int j = 0; j < each.subpartitions().size(); j++) {
                    out.append(j == 0 ? "" : ",\n  ").append("SUBPARTITION ").append(name(each.subpartitions().get(j)))
                            .append(" ENGINE = InnoDB");
                }
                out.append(')');
            }
        }
        return out.append(')').toString();
    }

    private static String method(Method method, boolean linear, Integer algorithm, String expression,
                                 List<String> columnList, boolean columns) {
        StringBuilder out = new StringBuilder(linear ? "LINEAR " : "").append(method);
        if (columns) {
            return out.append("  COLUMNS(").append(String.join(",", columnList.stream().map(PartitionScheme::name)
                    .toList())).append(')').toString();
        }
        if (method == Method.KEY) {
            if (algorithm != null && algorithm == 1) {
                // MySQL names only the old algorithm (5.1's hash); 2 is the default and goes unsaid
                out.append(" /*!50611 ALGORITHM = 1 */");
            }
            return out.append(" (").append(String.join(",", columnList.stream().map(PartitionScheme::name).toList()))
                    .append(')').toString();
        }
        return out.append(" (").append(expression).append(')').toString();
    }

    /** A name as MySQL prints it here: plain, or backquoted when it needs to be. */
    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT)) ? name
                : CreateTableText.quote(name);
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("PARTITION", "SELECT", "TABLE", "KEY",
            "VALUES", "IN", "ORDER", "GROUP", "BY", "FROM", "WHERE", "INDEX", "PRIMARY", "UNIQUE", "RANGE", "LIST");
}
