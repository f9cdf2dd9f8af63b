package dev.doppel.server.sql.program.events;

import dev.doppel.plugin.MySqlError;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** When events run: intervals in MySQL's units, and the next run of an EVERY event after its last one. */
final class EventSchedule {
    static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "DAY", "HOUR", "MINUTE", "WEEK", "SECOND",
            "YEAR_MONTH", "DAY_HOUR", "DAY_MINUTE", "DAY_SECOND", "HOUR_MINUTE", "HOUR_SECOND", "MINUTE_SECOND");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EventSchedule() {
    }

    static String shown(LocalDateTime time) {
        return time.format(SHOWN);
    }

    /** {@code from} moved on by {@code count} intervals of {@code value} {@code unit} (1542 for one not positive). */
    static LocalDateTime plus(LocalDateTime from, String value, String unit, long count) {
        String[] parts = value.trim().split("[^0-9]+");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parts[i].isEmpty() ? 0 : Long.parseLong(parts[i]);
        }
        long first = numbers.length > 0 ? numbers[0] : 0;
        long second = numbers.length > 1 ? numbers[1] : 0;
        long third = numbers.length > 2 ? numbers[2] : 0;
        long fourth = numbers.length > 3 ? numbers[3] : 0;
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "YEAR" -> from.plusYears(first * count);
            case "QUARTER" -> from.plusMonths(3 * first * count);
            case "MONTH" -> from.plusMonths(first * count);
            case "YEAR_MONTH" -> from.plusMonths((12 * first + second) * count);
            case "WEEK" -> from.plusWeeks(first * count);
            default -> from.plusSeconds(seconds(unit.toUpperCase(Locale.ROOT), first, second, third, fourth) * count);
        };
    }

    /** Checks an interval as CREATE EVENT does: positive (1542). */
    static void check(String value, String unit) {
        LocalDateTime start = LocalDateTime.of(2000, 1, 1, 0, 0);
        if (!value.trim().matches("[0-9][0-9 :.-]*") || !plus(start, value, unit, 1).isAfter(start)) {
            throw MySqlError.ER_EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG.exception();
        }
    }

    private static long seconds(String unit, long first, long second, long third, long fourth) {
        return switch (unit) {
            case "DAY" -> first * 86_400;
            case "HOUR" -> first * 3_600;
            case "MINUTE" -> first * 60;
            case "SECOND" -> first;
            case "DAY_HOUR" -> first * 86_400 + second * 3_600;
            case "DAY_MINUTE" -> first * 86_400 + second * 3_600 + third * 60;
            case "DAY_SECOND" -> first * 86_400 + second * 3_600 + third * 60 + fourth;
            case "HOUR_MINUTE" -> first * 3_600 + second * 60;
            case "HOUR_SECOND" -> first * 3_600 + second * 60 + third;
            case "MINUTE_SECOND" -> first * 60 + second;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    /** The next run of an event at or after {@code now}, null when it has no more (past AT, past ENDS). */
    static LocalDateTime next(Event event, LocalDateTime now) {
        if (!event.recurring()) {
            return event.lastExecuted() == null ? event.executeAt() : null;
        }
        LocalDateTime start = event.starts() != null ? event.starts() : event.created();
        LocalDateTime next = start;
        if (event.lastExecuted() != null && !start.isAfter(event.lastExecuted())) {
            long step = java.time.Duration.between(start, plus(start, event.intervalValue(), event.intervalField(), 1))
                    .getSeconds();
            // a first guess from the interval's length at the start, then exact steps (months differ in length)
            long count = Math.max(0, java.time.Duration.between(start, event.lastExecuted()).getSeconds() / step - 1);
            next = plus(start, event.intervalValue(), event.intervalField(), count);
            while (!next.isAfter(event.lastExecuted())) {
                count++;
                next = plus(start, event.intervalValue(), event.intervalField(), count);
            }
        }
        if (event.ends() != null && next.isAfter(event.ends())) {
            return null;
        }
        return next;
    }
}
