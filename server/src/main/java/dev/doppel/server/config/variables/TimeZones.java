package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of time_zone and --default-time-zone: {@code SYSTEM}, an offset from {@code -13:59} to
 * {@code +14:00} (MySQL 8.4's range), or a named zone. MySQL resolves names through its time zone
 * tables; Doppel uses the JDK's zone database instead, so names work without loading tables.
 */
public final class TimeZones {
    public static final String SYSTEM = "SYSTEM";
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):(\\d{2})");

    private TimeZones() {
    }

    /**
     * The canonical spelling of a time zone value.
     *
     * @throws dev.doppel.plugin.MySqlException 1298 Unknown or incorrect time zone
     */
    public static String validate(String variable, String value) {
        if (value.equalsIgnoreCase(SYSTEM)) {
            return SYSTEM;
        }
        Matcher offset = OFFSET.matcher(value);
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(2));
            int minutes = Integer.parseInt(offset.group(3));
            int total = (hours * 60 + minutes) * (offset.group(1).equals("-") ? -1 : 1);
            if (minutes < 60 && total >= -(13 * 60 + 59) && total <= 14 * 60) {
                return String.format(Locale.ROOT, "%s%02d:%02d", offset.group(1), hours, minutes);
            }
            throw MySqlError.ER_UNKNOWN_TIME_ZONE.exception(value);
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw MySqlError.ER_UNKNOWN_TIME_ZONE.exception(value);
        }
    }
}
