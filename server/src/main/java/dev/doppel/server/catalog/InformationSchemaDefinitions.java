package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.MySqlCollation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The information_schema tables the engine also has under MySQL's names (VIEWS, CHECK_CONSTRAINTS, COLLATIONS,
 * PARAMETERS, TABLE_PRIVILEGES, COLUMN_PRIVILEGES), served in MySQL's shape and limited to what the reading account
 * may see. The engine's own versions list every schema's objects to any account, and its rights and Java functions
 * besides: none of them reaches a client (docs/security.md).
 */
final class InformationSchemaDefinitions {
    private static final String SCHEMA = "information_schema";
    private static final String NAME = "VARCHAR(64)";
    private static final String GRANTEE = "VARCHAR(292)";

    private final Supplier<InformationSchemaTables.Viewer> viewer;

    private InformationSchemaDefinitions(Supplier<InformationSchemaTables.Viewer> viewer) {
        this.viewer = viewer;
    }

    static void register(VirtualTables tables, Supplier<InformationSchemaTables.Viewer> viewer,
                         Supplier<List<Object[]>> parameters) {
        InformationSchemaDefinitions definitions = new InformationSchemaDefinitions(viewer);
        tables.add(new VirtualTable(SCHEMA, "VIEWS", InformationSchemaTables.columns("TABLE_CATALOG", NAME,
                "TABLE_SCHEMA", NAME, "TABLE_NAME", NAME, "VIEW_DEFINITION", "LONGTEXT", "CHECK_OPTION", "VARCHAR(8)",
                "IS_UPDATABLE", "VARCHAR(3)", "DEFINER", "VARCHAR(288)", "SECURITY_TYPE", "VARCHAR(7)",
                "CHARACTER_SET_CLIENT", NAME, "COLLATION_CONNECTION", NAME), definitions::views));
        tables.add(new VirtualTable(SCHEMA, "CHECK_CONSTRAINTS", InformationSchemaTables.columns("CONSTRAINT_CATALOG",
                NAME, "CONSTRAINT_SCHEMA", NAME, "CONSTRAINT_NAME", NAME, "CHECK_CLAUSE", "LONGTEXT"),
                definitions::checkConstraints));
        tables.add(new VirtualTable(SCHEMA, "COLLATIONS", InformationSchemaTables.columns("COLLATION_NAME", NAME,
                "CHARACTER_SET_NAME", NAME, "ID", "BIGINT UNSIGNED", "IS_DEFAULT", "VARCHAR(3)", "IS_COMPILED",
                "VARCHAR(3)", "SORTLEN", "INT UNSIGNED", "PAD_ATTRIBUTE", "VARCHAR(9)"), InformationSchemaDefinitions::collations));
        tables.add(new VirtualTable(SCHEMA, "PARAMETERS", InformationSchemaTables.columns("SPECIFIC_CATALOG", NAME,
                "SPECIFIC_SCHEMA", NAME, "SPECIFIC_NAME", NAME, "ORDINAL_POSITION", "BIGINT UNSIGNED", "PARAMETER_MODE",
                "VARCHAR(5)", "PARAMETER_NAME", NAME, "DATA_TYPE", "LONGTEXT", "CHARACTER_MAXIMUM_LENGTH", "BIGINT",
                "CHARACTER_OCTET_LENGTH", "BIGINT", "NUMERIC_PRECISION", "INT UNSIGNED", "NUMERIC_SCALE", "BIGINT",
                "DATETIME_PRECISION", "INT UNSIGNED", "CHARACTER_SET_NAME", NAME, "COLLATION_NAME", NAME,
                "DTD_IDENTIFIER", "MEDIUMTEXT", "ROUTINE_TYPE", "VARCHAR(9)"), parameters));
        tables.add(new VirtualTable(SCHEMA, "TABLE_PRIVILEGES", InformationSchemaTables.columns("GRANTEE", GRANTEE,
                "TABLE_CATALOG", "VARCHAR(512)", "TABLE_SCHEMA", NAME, "TABLE_NAME", NAME, "PRIVILEGE_TYPE", NAME,
                "IS_GRANTABLE", "VARCHAR(3)"), definitions::tablePrivileges));
        // no column grants yet: MySQL lists only those here
        tables.add(new VirtualTable(SCHEMA, "COLUMN_PRIVILEGES", InformationSchemaTables.columns("GRANTEE", GRANTEE,
                "TABLE_CATALOG", "VARCHAR(512)", "TABLE_SCHEMA", NAME, "TABLE_NAME", NAME, "COLUMN_NAME", NAME,
                "PRIVILEGE_TYPE", NAME, "IS_GRANTABLE", "VARCHAR(3)"), ArrayList::new));
    }

    private List<Object[]> views() {
        InformationSchemaTables.Viewer reader = viewer.get();
        List<Object[]> result = new ArrayList<>();
        query("SELECT v.TABLE_SCHEMA, v.TABLE_NAME, v.VIEW_DEFINITION, t.REMARKS FROM INFORMATION_SCHEMA.VIEWS v"
                + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = v.TABLE_SCHEMA AND t.TABLE_NAME = v.TABLE_NAME"
                + " WHERE v.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2", rows -> {
                    String schema = rows.getString(1);
                    String name = rows.getString(2);
                    if (reader.canSeeTable(schema, name)) {
                        var kept = ViewDefinerComment.decode(rows.getString(4));
                        String definer = kept.map(ViewDefinerComment.Definer::definer).orElse("root@localhost");
                        String definition = kept.map(ViewDefinerComment.Definer::select).orElse(rows.getString(3));
                        result.add(new Object[] {"def", schema, name,
                                reader.canReadViewDefinition(schema, name, definer) ? definition : "", "NONE", "YES",
                                definer,
                                kept.map(each -> each.invoker() ? "INVOKER" : "DEFINER").orElse("DEFINER"),
                                "utf8mb4", "utf8mb4_0900_ai_ci"});
                    }
                });
        return result;
    }

    private List<Object[]> checkConstraints() {
        InformationSchemaTables.Viewer reader = viewer.get();
        List<Object[]> result = new ArrayList<>();
        query("SELECT c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME, c.CHECK_CLAUSE, t.TABLE_NAME"
                + " FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                + " ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
                + " WHERE c.CONSTRAINT_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'mysql') AND c.CONSTRAINT_NAME NOT IN (SELECT"
                + " CONSTRAINT_NAME FROM " + TablePartitions.TABLE + ") ORDER BY 1, 2", rows -> {
                    // a partitioned table's constraint is the server's own, not a CHECK the table was given; so are
                    // the checks of the system tables in mysql, where MySQL has none
                    if (reader.canSeeTable(rows.getString(1), rows.getString(4))) {
                        result.add(new Object[] {"def", rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                });
        return result;
    }

    private static List<Object[]> collations() {
        List<Object[]> result = new ArrayList<>();
        for (MySqlCollation each : Charsets.collations()) {
            boolean nopad = each.name().contains("_0900_");
            result.add(new Object[] {each.name(), each.charsetName(), (long) each.id(), each.isDefault() ? "Yes" : "",
                    "Yes", each.name().contains("_0900_") ? 0L : 1L, nopad ? "NO PAD" : "PAD SPACE"});
        }
        return result;
    }

    private List<Object[]> tablePrivileges() {
        InformationSchemaTables.Viewer reader = viewer.get();
        List<Object[]> result = new ArrayList<>();
        for (String[] each : reader.tablePrivileges()) {
            result.add(new Object[] {reader.grantee(), "def", each[0], each[1], each[2], each[3]});
        }
        return result;
    }

    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, RowConsumer consumer) {
        try (PreparedStatement statement = VirtualTableFunction.readingConnection().prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                consumer.accept(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the engine's catalog: " + e.getMessage(), e);
        }
    }
}
