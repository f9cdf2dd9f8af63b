package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.partitions.PartitionsTable;
import dev.doppel.server.catalog.partitions.TablePartitions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The information_schema tables in MySQL 8.4's shapes (column names and order), served as virtual tables so that
 * statements can filter, sort and join them: SCHEMATA, TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE,
 * TABLE_CONSTRAINTS, REFERENTIAL_CONSTRAINTS, ENGINES, PROCESSLIST, USER_PRIVILEGES, SCHEMA_PRIVILEGES, ROUTINES and
 * TRIGGERS and EVENTS (rows from the stored programs' catalogs), PARTITIONS, and the empty FILES a dump asks for. Rows are
 * limited to the databases the reading account may see.
 */
public final class InformationSchemaTables {
    private static final String SCHEMA = "information_schema";
    private static final String COLLATION = "utf8mb4_0900_ai_ci";

    /** What the account reading a table may see. */
    public interface Viewer {
        boolean canSee(String schema);

        /** Whether the account holds some privilege on the table. */
        boolean canSeeTable(String schema, String table);

        /**
         * Whether the account may read a view's definition, as MySQL's information_schema.VIEWS decides it: it is the
         * view's definer ({@code user@host}), or it holds SHOW VIEW and SELECT on the view.
         */
        boolean canReadViewDefinition(String schema, String view, String definer);

        /** 'user'@'host' */
        String grantee();

        /** PRIVILEGE_TYPE, IS_GRANTABLE of the account's global privileges. */
        List<String[]> globalPrivileges();

        /** TABLE_SCHEMA, PRIVILEGE_TYPE, IS_GRANTABLE of its database privileges. */
        List<String[]> schemaPrivileges();

        /** TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE, IS_GRANTABLE of its table privileges. */
        List<String[]> tablePrivileges();

        /** ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO of the sessions it may see. */
        /** ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO and the connection's type (TCP/IP, SSL/TLS, Socket). */
        List<Object[]> processList();
    }

    private final Function<Connection, Viewer> viewers;
    private final Supplier<List<String>> schemas;
    private final RoutineRows routines;
    private final java.util.function.Predicate<String> readOnlySchemas;

    /** The rows of the stored-routine tables (ROUTINES, PARAMETERS) a reader may see. */
    public interface RoutineRows {
        List<Object[]> routines(Viewer viewer);

        List<Object[]> parameters(Viewer viewer);

        List<Object[]> triggers(Viewer viewer);

        List<Object[]> events(Viewer viewer);
    }

    private InformationSchemaTables(Function<Connection, Viewer> viewers, Supplier<List<String>> schemas,
                                    RoutineRows routines, java.util.function.Predicate<String> readOnlySchemas) {
        this.viewers = viewers;
        this.schemas = schemas;
        this.routines = routines;
        this.readOnlySchemas = readOnlySchemas;
    }

    /**
     * Adds the tables to {@code tables}; {@code schemas} lists the databases as SHOW DATABASES does, {@code routines}
     * gives the ROUTINES and PARAMETERS rows a viewer may see, {@code readOnlySchemas} tells the schemas that are
     * READ ONLY (SCHEMATA_EXTENSIONS).
     */
    public static void register(VirtualTables tables, Function<Connection, Viewer> viewers, Supplier<List<String>> schemas,
                                RoutineRows routines, java.util.function.Predicate<String> readOnlySchemas) {
        new InformationSchemaTables(viewers, schemas, routines, readOnlySchemas).registerAll(tables);
    }

    /** Columns of a virtual table from names and MySQL types, one after the other. */
    public static List<VirtualTable.Column> columns(String... nameAndType) {
        List<VirtualTable.Column> result = new ArrayList<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            result.add(new VirtualTable.Column(nameAndType[i], nameAndType[i + 1]));
        }
        return result;
    }

    private static final String NAME = "VARCHAR(64)";

    private void registerAll(VirtualTables tables) {
        InformationSchemaDefinitions.register(tables, this::viewer, () -> routines.parameters(viewer()));
        InnoDbCompressionTables.register(tables);
        tables.add(new VirtualTable(SCHEMA, "SCHEMATA", columns("CATALOG_NAME", NAME, "SCHEMA_NAME", NAME,
                "DEFAULT_CHARACTER_SET_NAME", NAME, "DEFAULT_COLLATION_NAME", NAME, "SQL_PATH", "BINARY(0)",
                "DEFAULT_ENCRYPTION", "ENUM"), this::schemata));
        tables.add(new VirtualTable(SCHEMA, "SCHEMATA_EXTENSIONS", columns("CATALOG_NAME", NAME, "SCHEMA_NAME", NAME,
                "OPTIONS", "VARCHAR(256)"), this::schemataExtensions));
        tables.add(new VirtualTable(SCHEMA, "TABLES", columns("TABLE_CATALOG", NAME, "TABLE_SCHEMA", NAME,
                "TABLE_NAME", NAME, "TABLE_TYPE", NAME, "ENGINE", NAME, "VERSION", "INT", "ROW_FORMAT", "VARCHAR(10)",
                "TABLE_ROWS", "BIGINT UNSIGNED", "AVG_ROW_LENGTH", "BIGINT UNSIGNED", "DATA_LENGTH", "BIGINT UNSIGNED",
                "MAX_DATA_LENGTH", "BIGINT UNSIGNED", "INDEX_LENGTH", "BIGINT UNSIGNED", "DATA_FREE", "BIGINT UNSIGNED",
                "AUTO_INCREMENT", "BIGINT UNSIGNED", "CREATE_TIME", "TIMESTAMP", "UPDATE_TIME", "DATETIME",
                "CHECK_TIME", "DATETIME", "TABLE_COLLATION", NAME, "CHECKSUM", "BIGINT", "CREATE_OPTIONS",
                "VARCHAR(256)", "TABLE_COMMENT", "TEXT"), this::tables));
        tables.add(new VirtualTable(SCHEMA, "COLUMNS", columns("TABLE_CATALOG", NAME, "TABLE_SCHEMA", NAME,
                "TABLE_NAME", NAME, "COLUMN_NAME", NAME, "ORDINAL_POSITION", "INT UNSIGNED", "COLUMN_DEFAULT", "TEXT",
                "IS_NULLABLE", "VARCHAR(3)", "DATA_TYPE", "LONGTEXT", "CHARACTER_MAXIMUM_LENGTH", "BIGINT",
                "CHARACTER_OCTET_LENGTH", "BIGINT", "NUMERIC_PRECISION", "BIGINT UNSIGNED", "NUMERIC_SCALE",
                "BIGINT UNSIGNED", "DATETIME_PRECISION", "INT UNSIGNED", "CHARACTER_SET_NAME", NAME, "COLLATION_NAME",
                NAME, "COLUMN_TYPE", "MEDIUMTEXT", "COLUMN_KEY", "VARCHAR(3)", "EXTRA", "VARCHAR(256)", "PRIVILEGES",
                "VARCHAR(154)", "COLUMN_COMMENT", "TEXT", "GENERATION_EXPRESSION", "LONGTEXT", "SRS_ID", "INT UNSIGNED"),
                this::columnRows));
        tables.add(new VirtualTable(SCHEMA, "STATISTICS", columns("TABLE_CATALOG", NAME, "TABLE_SCHEMA", NAME,
                "TABLE_NAME", NAME, "NON_UNIQUE", "INT", "INDEX_SCHEMA", NAME, "INDEX_NAME", NAME, "SEQ_IN_INDEX",
                "INT UNSIGNED", "COLUMN_NAME", NAME, "COLLATION", "VARCHAR(1)", "CARDINALITY", "BIGINT", "SUB_PART",
                "BIGINT", "PACKED", "BINARY(0)", "NULLABLE", "VARCHAR(3)", "INDEX_TYPE", "VARCHAR(11)", "COMMENT",
                "VARCHAR(8)", "INDEX_COMMENT", "VARCHAR(2048)", "IS_VISIBLE", "VARCHAR(3)", "EXPRESSION", "LONGTEXT"),
                this::statistics));
        tables.add(new VirtualTable(SCHEMA, "KEY_COLUMN_USAGE", columns("CONSTRAINT_CATALOG", NAME,
                "CONSTRAINT_SCHEMA", NAME, "CONSTRAINT_NAME", NAME, "TABLE_CATALOG", NAME, "TABLE_SCHEMA", NAME,
                "TABLE_NAME", NAME, "COLUMN_NAME", NAME, "ORDINAL_POSITION", "INT UNSIGNED",
                "POSITION_IN_UNIQUE_CONSTRAINT", "INT UNSIGNED", "REFERENCED_TABLE_SCHEMA", NAME,
                "REFERENCED_TABLE_NAME", NAME, "REFERENCED_COLUMN_NAME", NAME), this::keyColumnUsage));
        tables.add(new VirtualTable(SCHEMA, "TABLE_CONSTRAINTS", columns("CONSTRAINT_CATALOG", NAME,
                "CONSTRAINT_SCHEMA", NAME, "CONSTRAINT_NAME", NAME, "TABLE_SCHEMA", NAME, "TABLE_NAME", NAME,
                "CONSTRAINT_TYPE", "VARCHAR(11)", "ENFORCED", "VARCHAR(3)"), this::tableConstraints));
        tables.add(new VirtualTable(SCHEMA, "REFERENTIAL_CONSTRAINTS", columns("CONSTRAINT_CATALOG", NAME,
                "CONSTRAINT_SCHEMA", NAME, "CONSTRAINT_NAME", NAME, "UNIQUE_CONSTRAINT_CATALOG", NAME,
                "UNIQUE_CONSTRAINT_SCHEMA", NAME, "UNIQUE_CONSTRAINT_NAME", NAME, "MATCH_OPTION", "VARCHAR(7)",
                "UPDATE_RULE", "VARCHAR(11)", "DELETE_RULE", "VARCHAR(11)", "TABLE_NAME", NAME,
                "REFERENCED_TABLE_NAME", NAME), this::referentialConstraints));
        tables.add(new VirtualTable(SCHEMA, "ENGINES", columns("ENGINE", NAME, "SUPPORT", "VARCHAR(8)", "COMMENT",
                "VARCHAR(160)", "TRANSACTIONS", "VARCHAR(3)", "XA", "VARCHAR(3)", "SAVEPOINTS", "VARCHAR(3)"),
                () -> new ArrayList<>(StorageEngines.ROWS.stream().map(each -> (Object[]) each).toList())));
        tables.add(new VirtualTable(SCHEMA, "PROCESSLIST", columns("ID", "BIGINT UNSIGNED", "USER", "VARCHAR(32)",
                "HOST", "VARCHAR(261)", "DB", NAME, "COMMAND", "VARCHAR(16)", "TIME", "INT", "STATE", "VARCHAR(64)",
                "INFO", "LONGTEXT"), () -> viewer().processList().stream()
                .map(row -> java.util.Arrays.copyOf(row, 8)).toList()));
        tables.add(new VirtualTable(SCHEMA, "USER_PRIVILEGES", columns("GRANTEE", "VARCHAR(292)", "TABLE_CATALOG",
                "VARCHAR(512)", "PRIVILEGE_TYPE", NAME, "IS_GRANTABLE", "VARCHAR(3)"), this::userPrivileges));
        tables.add(new VirtualTable(SCHEMA, "SCHEMA_PRIVILEGES", columns("GRANTEE", "VARCHAR(292)", "TABLE_CATALOG",
                "VARCHAR(512)", "TABLE_SCHEMA", NAME, "PRIVILEGE_TYPE", NAME, "IS_GRANTABLE", "VARCHAR(3)"),
                this::schemaPrivileges));
        tables.add(new VirtualTable(SCHEMA, "ROUTINES", columns("SPECIFIC_NAME", NAME, "ROUTINE_CATALOG", NAME,
                "ROUTINE_SCHEMA", NAME, "ROUTINE_NAME", NAME, "ROUTINE_TYPE", "VARCHAR(9)", "DATA_TYPE", "LONGTEXT",
                "CHARACTER_MAXIMUM_LENGTH", "BIGINT", "CHARACTER_OCTET_LENGTH", "BIGINT", "NUMERIC_PRECISION",
                "INT UNSIGNED", "NUMERIC_SCALE", "INT UNSIGNED", "DATETIME_PRECISION", "INT UNSIGNED",
                "CHARACTER_SET_NAME", NAME, "COLLATION_NAME", NAME, "DTD_IDENTIFIER", "LONGTEXT", "ROUTINE_BODY",
                "VARCHAR(3)", "ROUTINE_DEFINITION", "LONGTEXT", "EXTERNAL_NAME", "BINARY(0)", "EXTERNAL_LANGUAGE", NAME,
                "PARAMETER_STYLE", "VARCHAR(3)", "IS_DETERMINISTIC", "VARCHAR(3)", "SQL_DATA_ACCESS", "VARCHAR(17)",
                "SQL_PATH", "BINARY(0)", "SECURITY_TYPE", "VARCHAR(7)", "CREATED", "TIMESTAMP", "LAST_ALTERED",
                "TIMESTAMP", "SQL_MODE", "VARCHAR(520)", "ROUTINE_COMMENT", "TEXT", "DEFINER", "VARCHAR(288)",
                "CHARACTER_SET_CLIENT", NAME, "COLLATION_CONNECTION", NAME, "DATABASE_COLLATION", NAME),
                () -> routines.routines(viewer())));
        // triggers, events, tablespaces and partitions do not exist here: the tables are there, empty
        tables.add(new VirtualTable(SCHEMA, "TRIGGERS", columns("TRIGGER_CATALOG", NAME, "TRIGGER_SCHEMA", NAME,
                "TRIGGER_NAME", NAME, "EVENT_MANIPULATION", "VARCHAR(6)", "EVENT_OBJECT_CATALOG", NAME,
                "EVENT_OBJECT_SCHEMA", NAME, "EVENT_OBJECT_TABLE", NAME, "ACTION_ORDER", "INT UNSIGNED",
                "ACTION_CONDITION", "BINARY(0)", "ACTION_STATEMENT", "LONGTEXT", "ACTION_ORIENTATION", "VARCHAR(3)",
                "ACTION_TIMING", "VARCHAR(6)", "ACTION_REFERENCE_OLD_TABLE", "BINARY(0)", "ACTION_REFERENCE_NEW_TABLE",
                "BINARY(0)", "ACTION_REFERENCE_OLD_ROW", "VARCHAR(3)", "ACTION_REFERENCE_NEW_ROW", "VARCHAR(3)",
                "CREATED", "TIMESTAMP(2)", "SQL_MODE", "VARCHAR(520)", "DEFINER", "VARCHAR(288)",
                "CHARACTER_SET_CLIENT", NAME, "COLLATION_CONNECTION", NAME, "DATABASE_COLLATION", NAME),
                () -> routines.triggers(viewer())));
        tables.add(new VirtualTable(SCHEMA, "EVENTS", columns("EVENT_CATALOG", NAME, "EVENT_SCHEMA", NAME,
                "EVENT_NAME", NAME, "DEFINER", "VARCHAR(288)", "TIME_ZONE", NAME, "EVENT_BODY", "VARCHAR(3)",
                "EVENT_DEFINITION", "LONGTEXT", "EVENT_TYPE", "VARCHAR(9)", "EXECUTE_AT", "DATETIME",
                "INTERVAL_VALUE", "VARCHAR(256)", "INTERVAL_FIELD", "VARCHAR(18)", "SQL_MODE", "VARCHAR(520)",
                "STARTS", "DATETIME", "ENDS", "DATETIME", "STATUS", "VARCHAR(21)", "ON_COMPLETION", "VARCHAR(12)",
                "CREATED", "TIMESTAMP", "LAST_ALTERED", "TIMESTAMP", "LAST_EXECUTED", "DATETIME", "EVENT_COMMENT",
                NAME, "ORIGINATOR", "INT UNSIGNED", "CHARACTER_SET_CLIENT", NAME, "COLLATION_CONNECTION", NAME,
                "DATABASE_COLLATION", NAME), () -> routines.events(viewer())));
        tables.add(new VirtualTable(SCHEMA, "FILES", columns("FILE_ID", "BIGINT", "FILE_NAME", "TEXT", "FILE_TYPE",
                "VARCHAR(256)", "TABLESPACE_NAME", "VARCHAR(268)", "TABLE_CATALOG", "CHAR(0)", "TABLE_SCHEMA",
                "BINARY(0)", "TABLE_NAME", "BINARY(0)", "LOGFILE_GROUP_NAME", "VARCHAR(256)", "LOGFILE_GROUP_NUMBER",
                "BIGINT", "ENGINE", NAME, "FULLTEXT_KEYS", "BINARY(0)", "DELETED_ROWS", "BINARY(0)", "UPDATE_COUNT",
                "BINARY(0)", "FREE_EXTENTS", "BIGINT", "TOTAL_EXTENTS", "BIGINT", "EXTENT_SIZE", "BIGINT",
                "INITIAL_SIZE", "BIGINT", "MAXIMUM_SIZE", "BIGINT", "AUTOEXTEND_SIZE", "BIGINT", "CREATION_TIME",
                "BINARY(0)", "LAST_UPDATE_TIME", "BINARY(0)", "LAST_ACCESS_TIME", "BINARY(0)", "RECOVER_TIME",
                "BINARY(0)", "TRANSACTION_COUNTER", "BINARY(0)", "VERSION", "BIGINT", "ROW_FORMAT", "VARCHAR(256)",
                "TABLE_ROWS", "BINARY(0)", "AVG_ROW_LENGTH", "BINARY(0)", "DATA_LENGTH", "BINARY(0)",
                "MAX_DATA_LENGTH", "BINARY(0)", "INDEX_LENGTH", "BINARY(0)", "DATA_FREE", "BIGINT", "CREATE_TIME",
                "BINARY(0)", "UPDATE_TIME", "BINARY(0)", "CHECK_TIME", "BINARY(0)", "CHECKSUM", "BINARY(0)", "STATUS",
                "VARCHAR(256)", "EXTRA", "VARCHAR(256)"), List::of));
        tables.add(new VirtualTable(SCHEMA, "PARTITIONS", PartitionsTable.columns(), this::partitions));
    }

    private Viewer viewer() {
        return viewers.apply(VirtualTableFunction.readingConnection());
    }

    private List<TableInfo> visibleTables() {
        Viewer viewer = viewer();
        try {
            List<TableInfo> result = new ArrayList<>();
            for (TableInfo each : EngineCatalog.tables(VirtualTableFunction.readingConnection(), null, null)) {
                if (viewer.canSeeTable(each.schema(), each.name())) {
                    result.add(each);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private List<Object[]> schemata() {
        Viewer viewer = viewer();
        List<Object[]> result = new ArrayList<>();
        for (String each : schemas.get()) {
            if (!viewer.canSee(each)) {
                continue;
            }
            boolean system = each.equalsIgnoreCase(SCHEMA) || each.equalsIgnoreCase("performance_schema");
            result.add(new Object[] {"def", each, system ? "utf8mb3" : "utf8mb4",
                    system ? "utf8mb3_general_ci" : COLLATION, null, "NO"});
        }
        return result;
    }

    private List<Object[]> schemataExtensions() {
        Viewer viewer = viewer();
        List<Object[]> result = new ArrayList<>();
        for (String each : schemas.get()) {
            if (viewer.canSee(each)) {
                result.add(new Object[] {"def", each, readOnlySchemas.test(each) ? "READ ONLY=1" : ""});
            }
        }
        return result;
    }

    private List<Object[]> partitions() {
        try {
            return PartitionsTable.rows(VirtualTableFunction.readingConnection(), visibleTables());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partitions: " + e.getMessage(), e);
        }
    }

    private List<Object[]> tables() {
        List<Object[]> result = new ArrayList<>();
        java.util.Set<String> partitioned;
        try {
            partitioned = TablePartitions.all(VirtualTableFunction.readingConnection()).keySet();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partitions: " + e.getMessage(), e);
        }
        for (TableInfo each : visibleTables()) {
            if (each.isView()) {
                result.add(new Object[] {"def", each.schema(), each.name(), "VIEW", null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, "VIEW"});
            } else {
                result.add(new Object[] {"def", each.schema(), each.name(), "BASE TABLE", StorageEngines.DEFAULT, 10L,
                        "Dynamic", each.rows(), 0L, 16384L, 0L, 0L, 0L, each.autoIncrement(), null, null, null,
                        COLLATION, null, partitioned.contains(TablePartitions.tableKey(each.schema(), each.name())) ? "partitioned" : "", each.comment()});
            }
        }
        return result;
    }

    private List<Object[]> columnRows() {
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : visibleTables()) {
            for (TableInfo.Column each : table.columns()) {
                ColumnSizes sizes = ColumnSizes.of(each.columnType());
                boolean string = MySqlTypes.isString(each.columnType());
                result.add(new Object[] {"def", table.schema(), table.name(), each.name(), (long) each.position(),
                        each.defaultValue(), each.nullable() ? "YES" : "NO", each.dataType(), sizes.characters(),
                        sizes.octets(), sizes.precision(), sizes.scale(), sizes.datetimePrecision(),
                        string ? "utf8mb4" : null, each.collation(), each.columnType(),
                        ColumnKeys.key(table, each.name()), ColumnKeys.extra(each), "select,insert,update,references",
                        each.comment() == null ? "" : each.comment(), "", null});
            }
        }
        return result;
    }

    private List<Object[]> statistics() {
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : visibleTables()) {
            for (TableInfo.Index index : table.indexes()) {
                for (int i = 0; i < index.columns().size(); i++) {
                    TableInfo.Column column = table.column(index.columns().get(i));
                    result.add(new Object[] {"def", table.schema(), table.name(), index.unique() ? 0L : 1L,
                            table.schema(), index.name(), (long) (i + 1), index.columns().get(i),
                            index.fulltext() ? null : "A", table.rows(), null, null,
                            column != null && column.nullable() ? "YES" : "", index.fulltext() ? "FULLTEXT" : "BTREE",
                            "", "", "YES", null});
                }
            }
        }
        return result;
    }

    private List<Object[]> keyColumnUsage() {
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : visibleTables()) {
            for (TableInfo.Index index : table.indexes()) {
                if (!index.unique()) {
                    continue;
                }
                for (int i = 0; i < index.columns().size(); i++) {
                    result.add(new Object[] {"def", table.schema(), index.name(), "def", table.schema(), table.name(),
                            index.columns().get(i), (long) (i + 1), null, null, null, null});
                }
            }
            for (TableInfo.ForeignKey key : table.foreignKeys()) {
                for (int i = 0; i < key.columns().size(); i++) {
                    result.add(new Object[] {"def", table.schema(), key.name(), "def", table.schema(), table.name(),
                            key.columns().get(i), (long) (i + 1), (long) (i + 1), key.referencedSchema(),
                            key.referencedTable(), key.referencedColumns().get(i)});
                }
            }
        }
        return result;
    }

    private List<Object[]> tableConstraints() {
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : visibleTables()) {
            for (TableInfo.Index index : table.indexes()) {
                if (index.unique()) {
                    result.add(new Object[] {"def", table.schema(), index.name(), table.schema(), table.name(),
                            index.primary() ? "PRIMARY KEY" : "UNIQUE", "YES"});
                }
            }
            for (TableInfo.ForeignKey key : table.foreignKeys()) {
                result.add(new Object[] {"def", table.schema(), key.name(), table.schema(), table.name(), "FOREIGN KEY",
                        "YES"});
            }
        }
        return result;
    }

    private List<Object[]> referentialConstraints() {
        List<Object[]> result = new ArrayList<>();
        for (TableInfo table : visibleTables()) {
            for (TableInfo.ForeignKey key : table.foreignKeys()) {
                result.add(new Object[] {"def", table.schema(), key.name(), "def", key.referencedSchema(), null, "NONE",
                        key.onUpdate() == null ? "NO ACTION" : key.onUpdate(),
                        key.onDelete() == null ? "NO ACTION" : key.onDelete(), table.name(), key.referencedTable()});
            }
        }
        return result;
    }

    private List<Object[]> userPrivileges() {
        Viewer viewer = viewer();
        List<Object[]> result = new ArrayList<>();
        for (String[] each : viewer.globalPrivileges()) {
            result.add(new Object[] {viewer.grantee(), "def", each[0], each[1]});
        }
        return result;
    }

    private List<Object[]> schemaPrivileges() {
        Viewer viewer = viewer();
        List<Object[]> result = new ArrayList<>();
        for (String[] each : viewer.schemaPrivileges()) {
            result.add(new Object[] {viewer.grantee(), "def", each[0], each[1], each[2]});
        }
        return result;
    }
}
