package dev.doppel.server.catalog.partitions;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.TableInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * information_schema.PARTITIONS as MySQL 8.4 has it: a row per partition (per subpartition when there are some) of
 * a partitioned table, with its rows counted, and one row with no partition for every other table.
 */
public final class PartitionsTable {
    private static final String NAME = "VARCHAR(64)";

    private PartitionsTable() {
    }

    public static List<VirtualTable.Column> columns() {
        String[] nameAndType = {"TABLE_CATALOG", NAME, "TABLE_SCHEMA", NAME, "TABLE_NAME", NAME, "PARTITION_NAME", NAME,
                "SUBPARTITION_NAME", NAME, "PARTITION_ORDINAL_POSITION", "INT UNSIGNED",
                "SUBPARTITION_ORDINAL_POSITION", "INT UNSIGNED", "PARTITION_METHOD", "VARCHAR(13)",
                "SUBPARTITION_METHOD", "VARCHAR(13)", "PARTITION_EXPRESSION", "VARCHAR(2048)",
                "SUBPARTITION_EXPRESSION", "VARCHAR(2048)", "PARTITION_DESCRIPTION", "TEXT", "TABLE_ROWS",
                "BIGINT UNSIGNED", "AVG_ROW_LENGTH", "BIGINT UNSIGNED", "DATA_LENGTH", "BIGINT UNSIGNED",
                "MAX_DATA_LENGTH", "BIGINT UNSIGNED", "INDEX_LENGTH", "BIGINT UNSIGNED", "DATA_FREE", "BIGINT UNSIGNED",
                "CREATE_TIME", "TIMESTAMP", "UPDATE_TIME", "DATETIME", "CHECK_TIME", "DATETIME", "CHECKSUM", "BIGINT",
                "PARTITION_COMMENT", "TEXT", "NODEGROUP", "VARCHAR(256)", "TABLESPACE_NAME", "VARCHAR(268)"};
        List<VirtualTable.Column> result = new ArrayList<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            result.add(new VirtualTable.Column(nameAndType[i], nameAndType[i + 1]));
        }
        return result;
    }

    /** The rows for {@code tables} (the ones the reader may see), read through {@code connection}. */
    public static List<Object[]> rows(Connection connection, List<TableInfo> tables) throws SQLException {
        Map<String, TablePartitions.Entry> partitioned = TablePartitions.all(connection);
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : tables) {
            if (table.isView()) {
                continue;
            }
            TablePartitions.Entry entry = partitioned.get(TablePartitions.tableKey(table.schema(), table.name()));
            if (entry == null) {
                result.add(row(table, null, null, null, null, null, table.rows(), ""));
                continue;
            }
            Map<Long, Long> counts = counts(connection, table, entry.placement());
            PartitionScheme scheme = entry.scheme();
            List<String> names = scheme.partitionNames();
            int subs = scheme.subpartitionCount();
            for (int i = 0; i < names.size(); i++) {
                PartitionScheme.Partition partition = i < scheme.partitions().size() ? scheme.partitions().get(i) : null;
                String description = partition == null ? null : partition.description();
                String comment = partition == null || partition.comment() == null ? "" : partition.comment();
                if (subs == 0) {
                    result.add(row(table, scheme, names.get(i), null, (long) i + 1, null, counts.getOrDefault((long) i,
                            0L), comment, description));
                    continue;
                }
                List<String> subNames = scheme.subpartitionNames(i);
                for (int j = 0; j < subNames.size(); j++) {
                    result.add(row(table, scheme, names.get(i), subNames.get(j), (long) i + 1, (long) j + 1,
                            counts.getOrDefault((long) i * subs + j, 0L), comment, description));
                }
            }
        }
        return result;
    }

    private static Map<Long, Long> counts(Connection connection, TableInfo table, String placement)
            throws SQLException {
        Map<Long, Long> result = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + placement + ", COUNT(*) FROM "
                     + CreateTableText.quote(table.schema()) + "." + CreateTableText.quote(table.name()) + " GROUP BY 1")) {
            while (rows.next()) {
                result.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return result;
    }

    private static Object[] row(TableInfo table, PartitionScheme scheme, String name, String sub, Long position,
                                Long subPosition, long rows, String comment, String... description) {
        boolean partitioned = scheme != null;
        return new Object[] {"def", table.schema(), table.name(), name, sub, position, subPosition,
            partitioned ? scheme.methodName() : null, partitioned && sub != null ? scheme.subMethodName() : null,
            partitioned ? scheme.expressionText() : null, partitioned && sub != null ? scheme.subExpressionText() : null,
            description.length > 0 ? description[0] : null, rows, 0L, 16384L, 0L, 0L, 0L, null, null, null, null,
            comment, partitioned ? "default" : null, null};
    }
}
