package dev.doppel.plugin;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read-only table a plugin adds to information_schema or performance_schema while it is installed (like
 * performance_schema.clone_status). Its rows are asked for whenever a statement reads the table.
 *
 * @param schema "information_schema" or "performance_schema"
 * @param rows one Object[] per row, values in column order (String, Long, BigDecimal, java.time types or null)
 */
public record VirtualTable(String schema, String name, List<Column> columns, Supplier<List<Object[]>> rows) {

    /** A column; {@code sqlType} is a MySQL type as in CREATE TABLE, e.g. "VARCHAR(512)" or "BIGINT UNSIGNED". */
    public record Column(String name, String sqlType) {
    }

    public VirtualTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
    }
}
