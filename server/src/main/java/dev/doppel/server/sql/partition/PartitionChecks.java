package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.PartitionScheme.Kind;
import dev.doppel.server.catalog.partitions.PartitionScheme.Method;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * MySQL's checks of a partitioning against its table, in MySQL's words (1479-1517, 1562-1566, 1659, 1697), and the
 * scheme as MySQL keeps it: the expression normalized, the VALUES evaluated (an integer each, or for COLUMNS a
 * literal), the columns as the table spells them.
 */
final class PartitionChecks {
    private static final int MAX_PARTITIONS = 8192;
    private static final Set<String> COLUMNS_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "date", "datetime", "char", "varchar", "binary", "varbinary");
    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary");
    private static final Set<String> BLOB_TYPES = Set.of("tinyblob", "blob", "mediumblob", "longblob", "tinytext",
            "text", "mediumtext", "longtext", "json");

    private final TableInfo info;
    private final Map<String, String> columnTypes;
    private final Function<String, Object> evaluate;

    PartitionChecks(TableInfo info, Function<String, Object> evaluate) {
        this.info = info;
        this.columnTypes = PartitionedTables.columnTypes(info);
        this.evaluate = evaluate;
    }

    PartitionScheme checked(PartitionScheme raw) {
        if (!info.foreignKeys().isEmpty()) {
            throw new MySqlException(1506, "HY000", "Foreign keys are not yet supported in conjunction with partitioning");
        }
        if (raw.count() != null && raw.count() == 0) {
            throw new MySqlException(1504, "HY000", "Number of partitions = 0 is not an allowed value");
        }
        if (raw.count() != null && !raw.partitions().isEmpty() && raw.count() != raw.partitions().size()) {
            throw new MySqlException(1484, "HY000", "Wrong number of partitions defined, mismatch with previous setting");
        }
        boolean ranged = raw.method() == Method.RANGE || raw.method() == Method.LIST;
        if (ranged && raw.partitions().isEmpty()) {
            throw new MySqlException(1492, "HY000", "For " + raw.method() + " partitions each partition must be defined");
        }
        if (raw.sub() != null && !ranged) {
            throw new MySqlException(1500, "HY000", "It is only possible to mix RANGE/LIST partitioning with HASH/KEY"
                    + " partitioning for subpartitioning");
        }
        String expression = raw.expression() == null ? null
                : PartitionExpression.of(raw.expression(), columnTypes).text();
        List<String> columnList = columns(raw.columnList(), raw.columns());
        PartitionScheme.Sub sub = raw.sub() == null ? null : new PartitionScheme.Sub(raw.sub().method(),
                raw.sub().linear(), raw.sub().algorithm(), raw.sub().expression() == null ? null
                : PartitionExpression.of(raw.sub().expression(), columnTypes).text(),
                columns(raw.sub().columnList(), false), raw.sub().count());
        if (sub != null && sub.count() != null && sub.count() == 0) {
            throw new MySqlException(1504, "HY000", "Number of subpartitions = 0 is not an allowed value");
        }
        List<PartitionScheme.Partition> partitions = new ArrayList<>();
        for (PartitionScheme.Partition each : raw.partitions()) {
            partitions.add(checkedValues(raw, each, columnList.size()));
        }
        PartitionScheme scheme = new PartitionScheme(raw.method(), raw.linear(), raw.columns(), raw.algorithm(),
                expression, columnList, raw.count(), sub, partitions);
        checkPartitions(scheme);
        checkUniqueKeys(scheme);
        return scheme;
    }

    /** KEY's or COLUMNS' columns as the table spells them (1488 for one it lacks; 1659 or 1502 for a wrong type). */
    private List<String> columns(List<String> listed, boolean columnsPartitioning) {
        List<String> result = new ArrayList<>();
        for (String each : listed) {
            String column = column(each);
            if (column == null) {
                throw new MySqlException(1488, "HY000", "Field in list of fields for partition function not found in"
                        + " table");
            }
            String type = PartitionExpression.baseType(columnTypes.get(column));
            if (columnsPartitioning && !COLUMNS_TYPES.contains(type)) {
                throw PartitionExpression.notAllowedType(column);
            }
            if (BLOB_TYPES.contains(type)) {
                throw new MySqlException(1502, "HY000", "A BLOB field is not allowed in partition function");
            }
            result.add(column);
        }
        return result;
    }

    /** The table's column named {@code name} (any case), as the table spells it; null when it has none. */
    private String column(String name) {
        for (String each : columnTypes.keySet()) {
            if (each.equalsIgnoreCase(name)) {
                return each;
            }
        }
        return null;
    }

    /** The partition with its VALUES evaluated, after the method's rules for VALUES (1479, 1480, 1566, 1697). */
    private PartitionScheme.Partition checkedValues(PartitionScheme raw, PartitionScheme.Partition partition,
                                                    int columnCount) {
        Kind wanted = raw.method() == Method.RANGE ? Kind.LESS_THAN : raw.method() == Method.LIST ? Kind.IN : Kind.NONE;
        if (partition.kind() != wanted) {
            if (partition.kind() == Kind.NONE) {
                throw new MySqlException(1479, "HY000", "Syntax error: " + raw.method() + " PARTITIONING requires"
                        + " definition of VALUES " + (wanted == Kind.IN ? "IN" : "LESS THAN") + " for each partition");
            }
            throw new MySqlException(1480, "HY000", "Only " + (partition.kind() == Kind.IN ? "LIST" : "RANGE")
                    + " PARTITIONING can use VALUES " + (partition.kind() == Kind.IN ? "IN" : "LESS THAN")
                    + " in partition definition");
        }
        List<List<String>> values = new ArrayList<>();
        for (List<String> tuple : partition.values()) {
            if (raw.columns() && tuple.size() != columnCount) {
                throw new MySqlException(1653, "HY000", "Inconsistency in usage of column lists for partitioning");
            }
            List<String> evaluated = new ArrayList<>();
            for (int c = 0; c < tuple.size(); c++) {
                String each = tuple.get(c);
                boolean binary = raw.columns() && c < raw.columnList().size() && BINARY_TYPES.contains(
                        PartitionExpression.baseType(columnTypes.get(column(raw.columnList().get(c)))));
                evaluated.add(each.equals("MAXVALUE") ? each : value(each, partition, raw, binary));
            }
            values.add(evaluated);
        }
        return new PartitionScheme.Partition(partition.name(), partition.kind(), values, partition.comment(),
                partition.subpartitions());
    }

    private String value(String expression, PartitionScheme.Partition partition, PartitionScheme raw,
                         boolean binary) {
        Object value = evaluate.apply(expression);
        if (value == null) {
            if (partition.kind() == Kind.LESS_THAN) {
                throw new MySqlException(1566, "HY000", "Not allowed to use NULL value in VALUES LESS THAN");
            }
            return "NULL";
        }
        if (raw.columns()) {
            if (value instanceof Number number) {
                return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
            }
            if (value instanceof byte[] || binary) {
                // a binary column's value: its bytes, whatever they are
                byte[] bytes = value instanceof byte[] raw2 ? raw2 : value.toString().getBytes(StandardCharsets.UTF_8);
                return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
            }
            String text = value instanceof java.time.temporal.Temporal ? value.toString().replace('T', ' ')
                    : value.toString();
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        BigInteger integer = integer(value);
        if (integer == null) {
            throw new MySqlException(1697, "HY000", "VALUES value for partition '" + partition.name()
                    + "' must have type INT");
        }
        return integer.toString();
    }

    private static BigInteger integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            return decimal.toBigIntegerExact();
        }
        return null;
    }

    /** Names (1517), MAXVALUE last (1481), ranges increasing (1493), list values once (1495), subpartitions (1483, 1485, 1499). */
    private void checkPartitions(PartitionScheme scheme) {
        Set<String> names = new HashSet<>();
        Set<String> listed = new HashSet<>();
        List<String> previous = null;
        List<PartitionScheme.Partition> partitions = scheme.partitions();
        int subpartitions = -1;
        for (int i = 0; i < partitions.size(); i++) {
            PartitionScheme.Partition each = partitions.get(i);
            unique(names, each.name());
            each.subpartitions().forEach(name -> unique(names, name));
            if (subpartitions >= 0 && (subpartitions == 0) != each.subpartitions().isEmpty()) {
                throw new MySqlException(1483, "HY000", "Must define subpartitions on all partitions if on one partition");
            }
            if (subpartitions > 0 && subpartitions != each.subpartitions().size()
                    || scheme.sub() != null && scheme.sub().count() != null && !each.subpartitions().isEmpty()
                    && scheme.sub().count() != each.subpartitions().size()) {
                throw new MySqlException(1485, "HY000",
                        "Wrong number of subpartitions defined, mismatch with previous setting");
            }
            subpartitions = each.subpartitions().size();
            if (each.kind() == Kind.LESS_THAN) {
                List<String> bound = each.values().get(0);
                if (!scheme.columns() && bound.get(0).equals("MAXVALUE") && i + 1 < partitions.size()) {
                    throw new MySqlException(1481, "HY000", "MAXVALUE can only be used in last partition definition");
                }
                if (previous != null && compare(previous, bound) >= 0) {
                    throw new MySqlException(1493, "HY000",
                            "VALUES LESS THAN value must be strictly increasing for each partition");
                }
                previous = bound;
            } else if (each.kind() == Kind.IN) {
                for (List<String> tuple : each.values()) {
                    if (!listed.add(String.join(",", tuple).toLowerCase(Locale.ROOT))) {
                        throw new MySqlException(1495, "HY000",
                                "Multiple definition of same constant in list partitioning");
                    }
                }
            }
        }
        if (subpartitions > 0 && scheme.sub() == null) {
            throw new MySqlException(1064, "42000", "You have an error in your SQL syntax; check the manual that"
                    + " corresponds to your MySQL server version for the right syntax to use near 'SUBPARTITION'");
        }
        long total = (long) scheme.partitionCount() * Math.max(1, scheme.subpartitionCount());
        if (total > MAX_PARTITIONS) {
            throw new MySqlException(1499, "HY000", "Too many partitions (including subpartitions) were defined");
        }
    }

    private static void unique(Set<String> names, String name) {
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            throw new MySqlException(1517, "HY000", "Duplicate partition name " + name);
        }
    }

    /** Two bounds compared value by value: MAXVALUE above all, numbers as numbers, quoted values as text. */
    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int result = compareValue(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static int compareValue(String a, String b) {
        if (a.equals("MAXVALUE") || b.equals("MAXVALUE")) {
            return a.equals(b) ? 0 : a.equals("MAXVALUE") ? 1 : -1;
        }
        if (!a.startsWith("'") && !b.startsWith("'")) {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        return a.compareToIgnoreCase(b);
    }

    /** Every unique key, the primary key first, must hold every column the partitioning reads (1503). */
    private void checkUniqueKeys(PartitionScheme scheme) {
        checkUniqueKeys(PartitionedTables.columnsRead(scheme, info), info.indexes());
    }

    /** 1503 for the first of {@code indexes} that is unique and lacks one of the columns {@code read}. */
    static void checkUniqueKeys(Set<String> read, List<TableInfo.Index> indexes) {
        for (TableInfo.Index each : indexes) {
            if (!each.unique()) {
                continue;
            }
            Set<String> covered = new HashSet<>();
            each.columns().forEach(column -> covered.add(column.toLowerCase(Locale.ROOT)));
            if (!covered.containsAll(read)) {
                throw new MySqlException(1503, "HY000", "A " + (each.primary() ? "PRIMARY KEY" : "UNIQUE INDEX")
                        + " must include all columns in the table's partitioning function (prefixed columns are not"
                        + " considered).");
            }
        }
    }
}
