package dev.doppel.server.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * MySQL's week numbering for WEEK(date, mode) and YEARWEEK(date, mode). The mode (0-7) chooses the first day of
 * the week (Sunday for even modes, Monday for odd ones), what makes a week the year's week 1 (the first one that
 * holds that first day, or the first one with four or more days in the year), and whether a date before week 1
 * is week 0 or the last week of the year before (and a date in late December week 1 of the next year).
 */
final class MySqlWeeks {
    /** A week number with the year it belongs to (only the year of the date itself for modes of range 0-53). */
    record Week(int year, int week) {
    }

    private final DayOfWeek firstDay;
    private final boolean fourDayRule;
    private final boolean yearCrossing;

    private MySqlWeeks(int mode, boolean forceYearCrossing) {
        int m = mode & 7;
        boolean mondayFirst = (m & 1) != 0;
        firstDay = mondayFirst ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY;
        // The manual's table: modes 1, 3, 4 and 6 count a week as the first when it has 4 or more days in the year.
        fourDayRule = m == 1 || m == 3 || m == 4 || m == 6;
        yearCrossing = forceYearCrossing || (m & 2) != 0;
    }

    /** WEEK(date, mode). */
    static int week(LocalDate date, int mode) {
        return new MySqlWeeks(mode, false).of(date).week();
    }

    /** YEARWEEK(date, mode): weeks always run into the neighbouring year, as MySQL counts them there. */
    static int yearWeek(LocalDate date, int mode) {
        Week week = new MySqlWeeks(mode, true).of(date);
        return week.year() * 100 + week.week();
    }

    private Week of(LocalDate date) {
        int year = date.getYear();
        LocalDate start = firstWeekStart(year);
        if (date.isBefore(start)) {
            if (!yearCrossing) {
                return new Week(year, 0);
            }
            return new Week(year - 1, weeksSince(firstWeekStart(year - 1), date));
        }
        if (yearCrossing && !date.isBefore(firstWeekStart(year + 1))) {
            return new Week(year + 1, 1);
        }
        return new Week(year, weeksSince(start, date));
    }

    private static int weeksSince(LocalDate start, LocalDate date) {
        return (int) (ChronoUnit.DAYS.between(start, date) / 7) + 1;
    }

    /** The first day of week 1 of {@code year}. */
    private LocalDate firstWeekStart(int year) {
        LocalDate january1 = LocalDate.of(year, 1, 1);
        int intoWeek = Math.floorMod(january1.getDayOfWeek().getValue() - firstDay.getValue(), 7);
        if (intoWeek == 0) {
            return january1;
        }
        boolean januaryWeekCounts = fourDayRule && 7 - intoWeek >= 4;
        return januaryWeekCounts ? january1.minusDays(intoWeek) : january1.plusDays(7 - intoWeek);
    }
}
