package dev.doppel.server.status;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.catalog.VirtualTables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.doppel.server.catalog.InformationSchemaTables.columns;

/**
 * performance_schema's processlist (the sessions the reading account may see, as SHOW PROCESSLIST lists them), threads
 * (the same sessions as MySQL's foreground threads) and
 * accounts, users and hosts: per user and client host the sessions open now and the connections made since the
 * server started. Only client sessions are counted (MySQL also has a row without user and host for its background
 * threads); the memory columns are 0, as the server does not account memory per session.
 */
public final class PerformanceSchemaConnections {
    private static final String SCHEMA = "performance_schema";
    private static final String NAME = "VARCHAR(32)";
    private static final String HOST = "VARCHAR(255)";

    private PerformanceSchemaConnections() {
    }

    /**
     * {@code processList}: ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO of the sessions the reader may see;
     * {@code open}: the user and client host of every session open now.
     */
    public static void register(VirtualTables tables, Supplier<List<Object[]>> processList,
                                Supplier<List<ConnectionTotals.Account>> open, ConnectionTotals totals) {
        tables.add(new VirtualTable(SCHEMA, "processlist", columns("ID", "BIGINT UNSIGNED", "USER", NAME, "HOST", HOST,
                "DB", "VARCHAR(64)", "COMMAND", "VARCHAR(16)", "TIME", "BIGINT", "STATE", "VARCHAR(64)", "INFO",
                "LONGTEXT", "EXECUTION_ENGINE", "ENUM('PRIMARY','SECONDARY')"), () -> processList.get().stream()
                .map(row -> {
                    Object[] result = java.util.Arrays.copyOf(row, 9);
                    result[8] = "PRIMARY";
                    return result;
                }).toList()));
        tables.add(new VirtualTable(SCHEMA, "threads", columns("THREAD_ID", "BIGINT UNSIGNED", "NAME", "VARCHAR(128)",
                "TYPE", "VARCHAR(10)", "PROCESSLIST_ID", "BIGINT UNSIGNED", "PROCESSLIST_USER", NAME, "PROCESSLIST_HOST",
                HOST, "PROCESSLIST_DB", "VARCHAR(64)", "PROCESSLIST_COMMAND", "VARCHAR(16)", "PROCESSLIST_TIME",
                "BIGINT", "PROCESSLIST_STATE", "VARCHAR(64)", "PROCESSLIST_INFO", "LONGTEXT", "PARENT_THREAD_ID",
                "BIGINT UNSIGNED", "ROLE", "VARCHAR(64)", "INSTRUMENTED", "ENUM('YES','NO')", "HISTORY",
                "ENUM('YES','NO')", "CONNECTION_TYPE", "VARCHAR(16)", "THREAD_OS_ID", "BIGINT UNSIGNED",
                "RESOURCE_GROUP", "VARCHAR(64)", "EXECUTION_ENGINE", "ENUM('PRIMARY','SECONDARY')",
                "CONTROLLED_MEMORY", "BIGINT UNSIGNED", "MAX_CONTROLLED_MEMORY", "BIGINT UNSIGNED", "TOTAL_MEMORY",
                "BIGINT UNSIGNED", "MAX_TOTAL_MEMORY", "BIGINT UNSIGNED", "TELEMETRY_ACTIVE", "ENUM('YES','NO')"),
                () -> processList.get().stream().map(PerformanceSchemaConnections::thread).toList()));
        tables.add(new VirtualTable(SCHEMA, "accounts", columns("USER", NAME, "HOST", HOST, "CURRENT_CONNECTIONS",
                "BIGINT", "TOTAL_CONNECTIONS", "BIGINT", "MAX_SESSION_CONTROLLED_MEMORY", "BIGINT UNSIGNED",
                "MAX_SESSION_TOTAL_MEMORY", "BIGINT UNSIGNED"),
                () -> rows(open.get(), totals, account -> new String[] {account.user(), account.host()})));
        tables.add(new VirtualTable(SCHEMA, "users", columns("USER", NAME, "CURRENT_CONNECTIONS", "BIGINT",
                "TOTAL_CONNECTIONS", "BIGINT", "MAX_SESSION_CONTROLLED_MEMORY", "BIGINT UNSIGNED",
                "MAX_SESSION_TOTAL_MEMORY", "BIGINT UNSIGNED"),
                () -> rows(open.get(), totals, account -> new String[] {account.user()})));
        tables.add(new VirtualTable(SCHEMA, "hosts", columns("HOST", HOST, "CURRENT_CONNECTIONS", "BIGINT",
                "TOTAL_CONNECTIONS", "BIGINT", "MAX_SESSION_CONTROLLED_MEMORY", "BIGINT UNSIGNED",
                "MAX_SESSION_TOTAL_MEMORY", "BIGINT UNSIGNED"),
                () -> rows(open.get(), totals, account -> new String[] {account.host()})));
    }

    /**
     * A session's row of threads: its thread id is its processlist id (the server runs no background threads that
     * a client would see, and each session's statements run on whichever of its event loop's threads is free, so
     * no operating-system thread is its own: THREAD_OS_ID is NULL).
     */
    private static Object[] thread(Object[] session) {
        return new Object[] {session[0], "thread/sql/one_connection", "FOREGROUND", session[0], session[1], session[2],
            session[3], session[4], session[5], session[6], session[7], null, null, "YES", "YES",
            session.length > 8 ? session[8] : null, null, "USR_default", "PRIMARY", 0L, 0L, 0L, 0L, "NO"};
    }

    /** One row per key: the key's columns, the sessions open now, the connections made, and two zeros. */
    private static List<Object[]> rows(List<ConnectionTotals.Account> open, ConnectionTotals totals,
                                       Function<ConnectionTotals.Account, String[]> key) {
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a)
                .compareTo(String.join("\u0000", b)));
        totals.snapshot().forEach((account, total) ->
                counts.computeIfAbsent(List.of(key.apply(account)), k -> new long[2])[1] += total);
        for (ConnectionTotals.Account each : open) {
            counts.computeIfAbsent(List.of(key.apply(each)), k -> new long[2])[0]++;
        }
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((names, count) -> {
            Object[] row = new Object[names.size() + 4];
            for (int i = 0; i < names.size(); i++) {
                row[i] = names.get(i);
            }
            row[names.size()] = count[0];
            row[names.size() + 1] = count[1];
            row[names.size() + 2] = 0L;
            row[names.size() + 3] = 0L;
            rows.add(row);
        });
        return rows;
    }
}
