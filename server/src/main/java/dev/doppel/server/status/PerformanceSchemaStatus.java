package dev.doppel.server.status;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.config.variables.VariableRow;
import dev.doppel.server.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * performance_schema's global_status, session_status, global_variables and session_variables: the rows of SHOW
 * [GLOBAL | SESSION] STATUS and VARIABLES as tables, in MySQL 8.4's shape, readable by every account as in MySQL.
 * A reader that is no client session (the server's own) sees no rows.
 */
public final class PerformanceSchemaStatus {
    private static final String SCHEMA = "performance_schema";
    private static final List<VirtualTable.Column> COLUMNS = List.of(new VirtualTable.Column("VARIABLE_NAME",
            "VARCHAR(64)"), new VirtualTable.Column("VARIABLE_VALUE", "VARCHAR(1024)"));

    private PerformanceSchemaStatus() {
    }

    /** {@code reader}: the session whose statement reads the table, or null. */
    public static void register(VirtualTables tables, Supplier<Session> reader) {
        tables.add(new VirtualTable(SCHEMA, "global_status", COLUMNS, () -> status(reader.get(), true)));
        tables.add(new VirtualTable(SCHEMA, "session_status", COLUMNS, () -> status(reader.get(), false)));
        tables.add(new VirtualTable(SCHEMA, "global_variables", COLUMNS,
                () -> variables(reader.get(), VariableQualifier.GLOBAL)));
        tables.add(new VirtualTable(SCHEMA, "session_variables", COLUMNS,
                () -> variables(reader.get(), VariableQualifier.SESSION)));
    }

    private static List<Object[]> status(Session session, boolean global) {
        List<Object[]> rows = new ArrayList<>();
        if (session != null) {
            StatusRows.of(session, global).forEach((name, value) -> rows.add(new Object[] {name, value}));
        }
        return rows;
    }

    private static List<Object[]> variables(Session session, VariableQualifier scope) {
        List<Object[]> rows = new ArrayList<>();
        if (session != null) {
            for (VariableRow each : session.variables().show(scope, null)) {
                rows.add(new Object[] {each.name(), each.value()});
            }
        }
        return rows;
    }
}
