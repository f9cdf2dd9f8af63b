package dev.doppel.example;

import dev.doppel.plugin.VirtualTable;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the plugin did, newest last, as the table information_schema.EXAMPLE_EVENTS. Only the last
 * {@value #CAPACITY} events are kept.
 */
final class ExampleEvents {
    static final String TABLE = "EXAMPLE_EVENTS";
    static final int CAPACITY = 100;

    private record Event(long id, LocalDateTime time, String type, String message) {
    }

    private final Deque<Event> events = new ArrayDeque<>();
    private long nextId = 1;

    synchronized void add(String type, String message) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(new Event(nextId++, LocalDateTime.now(ZoneOffset.UTC), type, message));
    }

    /** The table; its rows are read anew by every statement that selects from it. */
    VirtualTable table() {
        return new VirtualTable("information_schema", TABLE, List.of(
                new VirtualTable.Column("EVENT_ID", "BIGINT UNSIGNED"),
                new VirtualTable.Column("EVENT_TIME", "TIMESTAMP(6)"),
                new VirtualTable.Column("EVENT_TYPE", "VARCHAR(16)"),
                new VirtualTable.Column("MESSAGE", "VARCHAR(512)")),
                this::rows);
    }

    synchronized List<Object[]> rows() {
        List<Object[]> result = new ArrayList<>(events.size());
        for (Event each : events) {
            result.add(new Object[] {each.id(), each.time(), each.type(), each.message()});
        }
        return result;
    }
}
