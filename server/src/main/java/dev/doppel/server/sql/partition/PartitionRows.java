package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.session.Session;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of some partitions of a table: their partition numbers (a partition's number times the number of
 * subpartitions plus the subpartition's, as {@link PartitionPlacement} computes them) and the engine's predicate
 * that picks them.
 */
final class PartitionRows {
    private final Session session;
    private final String schema;
    private final String table;
    private final TablePartitions.Entry entry;

    PartitionRows(Session session, String schema, String table, TablePartitions.Entry entry) {
        this.session = session;
        this.schema = schema;
        this.table = table;
        this.entry = entry;
    }

    /** The numbers of whole partitions, by their indexes. */
    List<Long> numbersOf(List<Integer> partitions) {
        List<Long> result = new ArrayList<>();
        partitions.forEach(index -> addPartition(result, index, entry.scheme().subpartitionCount()));
        return result;
    }

    /** The numbers of partition {@code index}: one, or one per subpartition. */
    private static void addPartition(List<Long> out, int index, int subpartitions) {
        int subs = Math.max(1, subpartitions);
        for (int j = 0; j < subs; j++) {
            out.add((long) index * subs + j);
        }
    }

    /** The numbers of the named partitions and subpartitions (all of them for null); 1735 for a name not the table's. */
    List<Long> numbersNamed(List<String> names) {
        return numbersNamed(entry.scheme(), names, table);
    }

    static List<Long> numbersNamed(PartitionScheme scheme, List<String> names, String table) {
        List<String> partitions = scheme.partitionNames();
        int subs = scheme.subpartitionCount();
        List<Long> result = new ArrayList<>();
        if (names == null) {
            for (int i = 0; i < partitions.size(); i++) {
                addPartition(result, i, subs);
            }
            return result;
        }
        for (String name : names) {
            boolean found = false;
            for (int i = 0; i < partitions.size(); i++) {
                if (partitions.get(i).equalsIgnoreCase(name)) {
                    found = true;
                    addPartition(result, i, subs);
                }
                List<String> subNames = subs > 0 ? scheme.subpartitionNames(i) : List.of();
                for (int j = 0; j < subNames.size(); j++) {
                    if (subNames.get(j).equalsIgnoreCase(name)) {
                        found = true;
                        result.add((long) i * subs + j);
                    }
                }
            }
            if (!found) {
                throw new MySqlException(1735, "HY000", "Unknown partition '" + name + "' in table '" + table + "'");
            }
        }
        return result;
    }

    /** The engine's condition that a row of the table is in one of {@code numbers}. */
    String predicate(List<Long> numbers) {
        return predicate(entry.placement(), numbers);
    }

    static String predicate(String placement, List<Long> numbers) {
        if (numbers.isEmpty()) {
            return "FALSE";
        }
        StringBuilder out = new StringBuilder("(").append(placement).append(") IN (");
        for (int i = 0; i < numbers.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(numbers.get(i));
        }
        return out.append(')').toString();
    }

    /** Deletes the rows of these partitions. */
    void delete(List<Long> numbers) throws SQLException {
        try (Statement statement = session.engineConnection().createStatement()) {
            statement.executeUpdate("DELETE FROM " + qualified(schema, table) + " WHERE " + predicate(numbers));
        }
    }

    static String qualified(String schema, String table) {
        return CreateTableText.quote(schema) + "." + CreateTableText.quote(table);
    }
}
