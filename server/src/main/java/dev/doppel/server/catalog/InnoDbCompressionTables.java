package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema's InnoDB compression tables, which monitoring reads (Prometheus' mysqld_exporter scrapes
 * INNODB_CMP and INNODB_CMPMEM by default and reported 1109 without them): INNODB_CMP, INNODB_CMPMEM,
 * INNODB_CMP_PER_INDEX and their _RESET twins, with MySQL's columns. No table is compressed here, so they read as
 * MySQL's do on a server without compressed tables: one row of zeros per compressed page size (one buffer pool
 * instance), and no per-index rows.
 */
final class InnoDbCompressionTables {
    private static final String SCHEMA = "information_schema";
    private static final int[] PAGE_SIZES = {1024, 2048, 4096, 8192, 16384};

    private InnoDbCompressionTables() {
    }

    static void register(VirtualTables tables) {
        for (String suffix : List.of("", "_RESET")) {
            tables.add(new VirtualTable(SCHEMA, "INNODB_CMP" + suffix, InformationSchemaTables.columns("page_size", "INT",
                    "compress_ops", "INT", "compress_ops_ok", "INT", "compress_time", "INT", "uncompress_ops", "INT",
                    "uncompress_time", "INT"), () -> zeros(5)));
            tables.add(new VirtualTable(SCHEMA, "INNODB_CMPMEM" + suffix, InformationSchemaTables.columns("page_size",
                    "INT", "buffer_pool_instance", "INT", "pages_used", "INT", "pages_free", "INT", "relocation_ops",
                    "BIGINT", "relocation_time", "INT"), () -> zeros(5)));
            tables.add(new VirtualTable(SCHEMA, "INNODB_CMP_PER_INDEX" + suffix, InformationSchemaTables.columns(
                    "database_name", "VARCHAR(192)", "table_name", "VARCHAR(192)", "index_name", "VARCHAR(192)",
                    "compress_ops", "INT", "compress_ops_ok", "INT", "compress_time", "INT", "uncompress_ops", "INT",
                    "uncompress_time", "INT"), ArrayList::new));
        }
    }

    /** A row per page size: the size, then {@code values} zeros. */
    private static List<Object[]> zeros(int values) {
        List<Object[]> rows = new ArrayList<>();
        for (int size : PAGE_SIZES) {
            Object[] row = new Object[values + 1];
            row[0] = size;
            java.util.Arrays.fill(row, 1, values + 1, 0);
            rows.add(row);
        }
        return rows;
    }
}
