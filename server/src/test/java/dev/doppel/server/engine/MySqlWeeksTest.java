package dev.doppel.server.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlWeeksTest {
    @Test
    void theManualsExamples() {
        assertThat(MySqlWeeks.week(LocalDate.of(2008, 2, 20), 0)).isEqualTo(7);
        assertThat(MySqlWeeks.week(LocalDate.of(2008, 2, 20), 1)).isEqualTo(8);
        assertThat(MySqlWeeks.week(LocalDate.of(2008, 12, 31), 1)).isEqualTo(53);
        assertThat(MySqlWeeks.week(LocalDate.of(2000, 1, 1), 0)).isEqualTo(0);
        assertThat(MySqlWeeks.week(LocalDate.of(2000, 1, 1), 2)).isEqualTo(52);
        assertThat(MySqlWeeks.yearWeek(LocalDate.of(1987, 1, 1), 0)).isEqualTo(198652);
    }

    @Test
    void modeThreeIsTheIsoWeek() {
        for (LocalDate day = LocalDate.of(1990, 1, 1); day.getYear() < 2040; day = day.plusDays(1)) {
            int isoWeek = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            assertThat(MySqlWeeks.week(day, 3)).as("%s", day).isEqualTo(isoWeek);
            assertThat(MySqlWeeks.yearWeek(day, 3)).as("%s", day)
                    .isEqualTo(day.get(IsoFields.WEEK_BASED_YEAR) * 100 + isoWeek);
        }
    }

    @Test
    void rangeZeroModesStartWithWeekZeroAndStayInTheYear() {
        for (int mode : new int[] {0, 1, 4, 5}) {
            for (LocalDate day = LocalDate.of(1995, 1, 1); day.getYear() < 2030; day = day.plusDays(1)) {
                int week = MySqlWeeks.week(day, mode);
                assertThat(week).as("mode %d %s", mode, day).isBetween(0, 53);
                // the range 1-53 partner mode numbers the same weeks, week 0 being the year before's last
                int partner = MySqlWeeks.week(day, mode + 2);
                if (week > 0 && MySqlWeeks.yearWeek(day, mode + 2) / 100 == day.getYear()) {
                    assertThat(partner).as("mode %d %s", mode + 2, day).isEqualTo(week);
                }
            }
        }
    }

    @Test
    void weekOneHoldsTheFirstDayOrFourDaysOfTheYear() {
        // 2017-01-01 is a Sunday: week 1 at once for Sunday-first modes that need a Sunday
        assertThat(MySqlWeeks.week(LocalDate.of(2017, 1, 1), 0)).isEqualTo(1);
        // Monday-first modes 5 and 7 need a Monday: 2017-01-02
        assertThat(MySqlWeeks.week(LocalDate.of(2017, 1, 1), 5)).isEqualTo(0);
        assertThat(MySqlWeeks.week(LocalDate.of(2017, 1, 1), 7)).isEqualTo(52);
        assertThat(MySqlWeeks.week(LocalDate.of(2017, 1, 2), 5)).isEqualTo(1);
        // 2015-01-01 is a Thursday: its Sunday-first week has 3 days of 2015, its Monday-first week 4
        assertThat(MySqlWeeks.week(LocalDate.of(2015, 1, 1), 4)).isEqualTo(0);
        assertThat(MySqlWeeks.week(LocalDate.of(2015, 1, 1), 1)).isEqualTo(1);
        assertThat(MySqlWeeks.yearWeek(LocalDate.of(2014, 12, 29), 1)).isEqualTo(201501);
        assertThat(MySqlWeeks.week(LocalDate.of(2014, 12, 29), 1)).isEqualTo(53);
    }
}
