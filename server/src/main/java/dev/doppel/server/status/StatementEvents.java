package dev.doppel.server.status;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * performance_schema.events_statements_current and events_statements_history: per session the statements that
 * ended, the last one in _current (MySQL keeps a thread's most recent statement event there) and the last ten in
 * _history (performance_schema_events_statements_history_size). Timers are in picoseconds since the server started,
 * as MySQL's are; a statement's text has its secrets redacted as in the digest table.
 */
public final class StatementEvents {
    /** Events kept per session, MySQL's default history size. */
    public static final int HISTORY = 10;
    private static final String[] COUNTERS = {"CREATED_TMP_DISK_TABLES", "CREATED_TMP_TABLES", "SELECT_FULL_JOIN",
        "SELECT_FULL_RANGE_JOIN", "SELECT_RANGE", "SELECT_RANGE_CHECK", "SELECT_SCAN", "SORT_MERGE_PASSES",
        "SORT_RANGE", "SORT_ROWS", "SORT_SCAN", "NO_INDEX_USED", "NO_GOOD_INDEX_USED"};

    /** One ended statement of a session. */
    public record Event(long threadId, long eventId, String eventName, long timerStart, long timerEnd,
                        java.util.function.Supplier<String> sqlText,
                        String digest, String digestText, String schema, int errorNumber, String errorMessage,
                        long warnings, long rowsAffected, long rowsSent) {
    }

    private final long startNanos = System.nanoTime();
    private final Map<Long, Deque<Event>> bySession = new ConcurrentHashMap<>();

    /** The server's clock in picoseconds since it started, MySQL's TIMER_* unit. */
    public long picosecondsAt(long nanoTime) {
        return Math.max(0, nanoTime - startNanos) * 1000;
    }

    /** A session's statement ended: {@code startNanos} and {@code endNanos} on System.nanoTime()'s clock. */
    public void ended(long threadId, List<Token> tokens, long startNanos, long endNanos,
                      java.util.function.Supplier<String> text,
                      StatementDigest digest, String schema, int errorNumber, String errorMessage, long warnings,
                      long rowsAffected, long rowsSent) {
        String com = tokens.isEmpty() ? null : StatementComs.of(tokens);
        Deque<Event> events = bySession.computeIfAbsent(threadId, id -> new ArrayDeque<>());
        synchronized (events) {
            long eventId = events.isEmpty() ? 1 : events.peekLast().eventId() + 1;
            events.addLast(new Event(threadId, eventId, com == null ? "statement/com/Query" : "statement/sql/" + com,
                    picosecondsAt(startNanos), picosecondsAt(endNanos), text, digest.hash(), digest.text(), schema,
                    errorNumber, errorMessage, warnings, rowsAffected, rowsSent));
            while (events.size() > HISTORY) {
                events.removeFirst();
            }
        }
    }

    /** The session has ended: its events go with it, as its thread's do in MySQL. */
    public void sessionEnded(long threadId) {
        bySession.remove(threadId);
    }

    /** events_statements_current's rows for the given sessions. */
    List<Object[]> current(Collection<Long> sessions) {
        List<Object[]> rows = new ArrayList<>();
        for (long each : sessions) {
            Deque<Event> events = bySession.get(each);
            if (events != null) {
                synchronized (events) {
                    if (!events.isEmpty()) {
                        rows.add(row(events.peekLast()));
                    }
                }
            }
        }
        return rows;
    }

    /** events_statements_history's rows for the given sessions. */
    List<Object[]> history(Collection<Long> sessions) {
        List<Object[]> rows = new ArrayList<>();
        for (long each : sessions) {
            Deque<Event> events = bySession.get(each);
            if (events != null) {
                synchronized (events) {
                    events.forEach(event -> rows.add(row(event)));
                }
            }
        }
        return rows;
    }

    private static Object[] row(Event event) {
        List<Object> row = new ArrayList<>(List.of(event.threadId(), event.eventId(), event.eventId(),
                event.eventName()));
        row.add(null); // SOURCE: a file and line of MySQL's source
        row.add(event.timerStart());
        row.add(event.timerEnd());
        row.add(event.timerEnd() - event.timerStart());
        row.add(0L); // LOCK_TIME
        row.add(event.sqlText().get());
        row.add(event.digest());
        row.add(event.digestText());
        row.add(event.schema());
        for (int i = 0; i < 4; i++) {
            row.add(null); // OBJECT_TYPE, OBJECT_SCHEMA, OBJECT_NAME, OBJECT_INSTANCE_BEGIN
        }
        boolean failed = event.errorNumber() != 0;
        row.add((long) event.errorNumber());
        row.add(failed ? dev.doppel.plugin.MySqlError.sqlStateOf(event.errorNumber()) : "00000");
        row.add(failed ? event.errorMessage() : null);
        row.add(failed ? 1L : 0L);
        row.add(event.warnings());
        row.add(event.rowsAffected());
        row.add(event.rowsSent());
        row.add(0L); // ROWS_EXAMINED: the engine does not count them
        for (int i = 0; i < COUNTERS.length; i++) {
            row.add(0L);
        }
        row.add(null); // NESTING_EVENT_ID
        row.add(null); // NESTING_EVENT_TYPE
        row.add(0L); // NESTING_EVENT_LEVEL
        row.add(null); // STATEMENT_ID
        row.add(0L); // CPU_TIME
        row.add(0L); // MAX_CONTROLLED_MEMORY
        row.add(0L); // MAX_TOTAL_MEMORY
        row.add("PRIMARY");
        return row.toArray();
    }

    /** MySQL 8.4's columns of events_statements_current and _history. */
    static List<VirtualTable.Column> columns() {
        List<VirtualTable.Column> columns = new ArrayList<>();
        String unsigned = "BIGINT UNSIGNED";
        columns.add(new VirtualTable.Column("THREAD_ID", unsigned));
        columns.add(new VirtualTable.Column("EVENT_ID", unsigned));
        columns.add(new VirtualTable.Column("END_EVENT_ID", unsigned));
        columns.add(new VirtualTable.Column("EVENT_NAME", "VARCHAR(128)"));
        columns.add(new VirtualTable.Column("SOURCE", "VARCHAR(64)"));
        for (String each : List.of("TIMER_START", "TIMER_END", "TIMER_WAIT", "LOCK_TIME")) {
            columns.add(new VirtualTable.Column(each, unsigned));
        }
        columns.add(new VirtualTable.Column("SQL_TEXT", "LONGTEXT"));
        columns.add(new VirtualTable.Column("DIGEST", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("DIGEST_TEXT", "LONGTEXT"));
        columns.add(new VirtualTable.Column("CURRENT_SCHEMA", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("OBJECT_TYPE", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("OBJECT_SCHEMA", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("OBJECT_NAME", "VARCHAR(64)"));
        columns.add(new VirtualTable.Column("OBJECT_INSTANCE_BEGIN", unsigned));
        columns.add(new VirtualTable.Column("MYSQL_ERRNO", "INT"));
        columns.add(new VirtualTable.Column("RETURNED_SQLSTATE", "VARCHAR(5)"));
        columns.add(new VirtualTable.Column("MESSAGE_TEXT", "VARCHAR(128)"));
        for (String each : List.of("ERRORS", "WARNINGS", "ROWS_AFFECTED", "ROWS_SENT", "ROWS_EXAMINED")) {
            columns.add(new VirtualTable.Column(each, unsigned));
        }
        for (String each : COUNTERS) {
            columns.add(new VirtualTable.Column(each, unsigned));
        }
        columns.add(new VirtualTable.Column("NESTING_EVENT_ID", unsigned));
        columns.add(new VirtualTable.Column("NESTING_EVENT_TYPE", "ENUM('TRANSACTION','STATEMENT','STAGE','WAIT')"));
        columns.add(new VirtualTable.Column("NESTING_EVENT_LEVEL", "INT"));
        columns.add(new VirtualTable.Column("STATEMENT_ID", unsigned));
        columns.add(new VirtualTable.Column("CPU_TIME", unsigned));
        columns.add(new VirtualTable.Column("MAX_CONTROLLED_MEMORY", unsigned));
        columns.add(new VirtualTable.Column("MAX_TOTAL_MEMORY", unsigned));
        columns.add(new VirtualTable.Column("EXECUTION_ENGINE", "ENUM('PRIMARY','SECONDARY')"));
        return List.copyOf(columns);
    }
}
