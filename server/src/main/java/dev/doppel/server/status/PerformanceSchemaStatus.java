package dev.doppel.server.status;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.config.variables.VariableRow;
import dev.doppel.server.config.variables.VariableSources;
import dev.doppel.server.config.variables.VariableType;
import dev.doppel.server.session.Session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * performance_schema's global_status, session_status, status_by_thread, global_variables, session_variables and
 * variables_by_thread (the rows of SHOW
 * [GLOBAL | SESSION] STATUS and VARIABLES as tables, readable by every account as in MySQL; a reader that is no client
 * session, the server's own, sees no rows) and events_statements_summary_by_digest, in MySQL 8.4's shapes.
 */
public final class PerformanceSchemaStatus {
    private static final String SCHEMA = "performance_schema";
    private static final List<VirtualTable.Column> COLUMNS = List.of(new VirtualTable.Column("VARIABLE_NAME",
            "VARCHAR(64)"), new VirtualTable.Column("VARIABLE_VALUE", "VARCHAR(1024)"));

    private static final List<VirtualTable.Column> THREAD_COLUMNS = List.of(new VirtualTable.Column("THREAD_ID",
            "BIGINT UNSIGNED"), new VirtualTable.Column("VARIABLE_NAME", "VARCHAR(64)"),
            new VirtualTable.Column("VARIABLE_VALUE", "VARCHAR(1024)"));

    private static final List<VirtualTable.Column> DIGEST_COLUMNS = digestColumns();
    private static final List<VirtualTable.Column> EVENT_COLUMNS = StatementEvents.columns();
    private static final List<VirtualTable.Column> INFO_COLUMNS = List.of(
            new VirtualTable.Column("VARIABLE_NAME", "VARCHAR(64)"),
            new VirtualTable.Column("VARIABLE_SOURCE", "ENUM('COMPILED','GLOBAL','SERVER','EXPLICIT','EXTRA','USER',"
                    + "'LOGIN','COMMAND_LINE','PERSISTED','DYNAMIC')"),
            new VirtualTable.Column("VARIABLE_PATH", "VARCHAR(1024)"), new VirtualTable.Column("MIN_VALUE", "VARCHAR(64)"),
            new VirtualTable.Column("MAX_VALUE", "VARCHAR(64)"), new VirtualTable.Column("SET_TIME", "TIMESTAMP(6)"),
            new VirtualTable.Column("SET_USER", "CHAR(32)"), new VirtualTable.Column("SET_HOST", "CHAR(255)"));

    private PerformanceSchemaStatus() {
    }

    /**
     * {@code reader}: the session whose statement reads the table, or null; {@code sessions}: the sessions it may
     * see (status_by_thread, variables_by_thread: a row per session and variable, its thread id the session's id).
     */
    public static void register(VirtualTables tables, Supplier<Session> reader, Supplier<List<Session>> sessions,
                                DigestSummaries digests, StatementEvents events, SystemVariableRegistry variables) {
        tables.add(new VirtualTable(SCHEMA, "variables_info", INFO_COLUMNS, () -> variablesInfo(variables)));
        tables.add(new VirtualTable(SCHEMA, "events_statements_current", EVENT_COLUMNS,
                () -> events.current(ids(sessions.get()))));
        tables.add(new VirtualTable(SCHEMA, "events_statements_history", EVENT_COLUMNS,
                () -> events.history(ids(sessions.get()))));
        tables.add(new VirtualTable(SCHEMA, "status_by_thread", THREAD_COLUMNS, () -> byThread(sessions.get(),
                session -> StatusRows.of(session, false))));
        tables.add(new VirtualTable(SCHEMA, "variables_by_thread", THREAD_COLUMNS, () -> byThread(sessions.get(),
                session -> variableMap(session))));
        tables.add(new VirtualTable(SCHEMA, "events_statements_summary_by_digest", DIGEST_COLUMNS, digests::rows));
        tables.add(new VirtualTable(SCHEMA, "global_status", COLUMNS, () -> status(reader.get(), true)));
        tables.add(new VirtualTable(SCHEMA, "session_status", COLUMNS, () -> status(reader.get(), false)));
        tables.add(new VirtualTable(SCHEMA, "global_variables", COLUMNS,
                () -> variables(reader.get(), VariableQualifier.GLOBAL)));
        tables.add(new VirtualTable(SCHEMA, "session_variables", COLUMNS,
                () -> variables(reader.get(), VariableQualifier.SESSION)));
    }

    /** MySQL 8.4's columns of events_statements_summary_by_digest. */
    private static List<VirtualTable.Column> digestColumns() {
        List<VirtualTable.Column> columns = new ArrayList<>();
        columns.add(new VirtualTable.Column("SCHEMA_NAME", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("DIGEST", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("DIGEST_TEXT", "LONGTEXT"));
        for (String each : List.of("COUNT_STAR", "SUM_TIMER_WAIT", "MIN_TIMER_WAIT", "AVG_TIMER_WAIT", "MAX_TIMER_WAIT",
                "SUM_LOCK_TIME", "SUM_ERRORS", "SUM_WARNINGS", "SUM_ROWS_AFFECTED", "SUM_ROWS_SENT", "SUM_ROWS_EXAMINED",
                "SUM_CREATED_TMP_DISK_TABLES", "SUM_CREATED_TMP_TABLES", "SUM_SELECT_FULL_JOIN",
                "SUM_SELECT_FULL_RANGE_JOIN", "SUM_SELECT_RANGE", "SUM_SELECT_RANGE_CHECK", "SUM_SELECT_SCAN",
                "SUM_SORT_MERGE_PASSES", "SUM_SORT_RANGE", "SUM_SORT_ROWS", "SUM_SORT_SCAN", "SUM_NO_INDEX_USED",
                "SUM_NO_GOOD_INDEX_USED", "SUM_CPU_TIME", "MAX_CONTROLLED_MEMORY", "MAX_TOTAL_MEMORY",
                "COUNT_SECONDARY")) {
            columns.add(new VirtualTable.Column(each, "BIGINT UNSIGNED"));
        }
        columns.add(new VirtualTable.Column("FIRST_SEEN", "TIMESTAMP(6)"));
        columns.add(new VirtualTable.Column("LAST_SEEN", "TIMESTAMP(6)"));
        for (String each : List.of("QUANTILE_95", "QUANTILE_99", "QUANTILE_999")) {
            columns.add(new VirtualTable.Column(each, "BIGINT UNSIGNED"));
        }
        columns.add(new VirtualTable.Column("QUERY_SAMPLE_TEXT", "LONGTEXT"));
        columns.add(new VirtualTable.Column("QUERY_SAMPLE_SEEN", "TIMESTAMP(6)"));
        columns.add(new VirtualTable.Column("QUERY_SAMPLE_TIMER_WAIT", "BIGINT UNSIGNED"));
        return List.copyOf(columns);
    }

    private static List<Object[]> status(Session session, boolean global) {
        List<Object[]> rows = new ArrayList<>();
        if (session != null) {
            StatusRows.of(session, global).forEach((name, value) -> rows.add(new Object[] {name, value}));
        }
        return rows;
    }

    /** A row per system variable: where its global value came from and its range (0 for a non-numeric one). */
    private static List<Object[]> variablesInfo(SystemVariableRegistry variables) {
        List<Object[]> rows = new ArrayList<>();
        for (SystemVariable each : variables.variables()) {
            VariableSources.Source source = variables.sources().of(each.name());
            boolean numeric = each.type() == VariableType.INTEGER || each.type() == VariableType.UNSIGNED
                    || each.type() == VariableType.DOUBLE;
            String max = !numeric ? "0" : each.max() == SystemVariable.UNSIGNED_MAX && each.type() == VariableType.UNSIGNED
                    ? Long.toUnsignedString(each.max()) : Long.toString(each.max());
            rows.add(new Object[] {each.name(), source.kind(), source.path(), numeric ? Long.toString(each.min()) : "0",
                max, source.setTime() == null ? null : java.sql.Timestamp.from(source.setTime()), source.user(),
                source.host()});
        }
        return rows;
    }

    private static List<Long> ids(List<Session> sessions) {
        return sessions.stream().map(Session::id).toList();
    }

    private static List<Object[]> byThread(List<Session> sessions,
                                           Function<Session, Map<String, String>> values) {
        List<Object[]> rows = new ArrayList<>();
        for (Session each : sessions) {
            values.apply(each).forEach((name, value) -> rows.add(new Object[] {each.id(), name, value}));
        }
        return rows;
    }

    private static Map<String, String> variableMap(Session session) {
        Map<String, String> result = new LinkedHashMap<>();
        for (VariableRow each : session.variables().show(VariableQualifier.SESSION, null)) {
            result.put(each.name(), each.value());
        }
        return result;
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
