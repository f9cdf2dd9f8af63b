package dev.doppel.server.engine;

import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL's clock and date functions the engine lacks or names otherwise, registered in it as Java functions. */
public final class MySqlTimeFunctions {
    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B2_1DD2_1381_4000L;
    private static final AtomicLong LAST_UUID_TIME = new AtomicLong();
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):(\\d{2})");
    /** Clock sequence and node of this server's version 1 UUIDs, chosen at random once (multicast bit set). */
    private static final long UUID_CLOCK_AND_NODE;

    static {
        SecureRandom random = new SecureRandom();
        long node = random.nextLong() & 0xFFFF_FFFF_FFFFL | 0x0100_0000_0000L;
        long clockSequence = random.nextInt(0x4000);
        UUID_CLOCK_AND_NODE = (0x8000L | clockSequence) << 48 | node;
    }

    private MySqlTimeFunctions() {
    }

    /** UTC_TIMESTAMP(): the current UTC date and time, in whole seconds. */
    public static LocalDateTime utcTimestamp() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** UTC_DATE(). */
    public static LocalDate utcDate() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** UTC_TIME(), in whole seconds. */
    public static LocalTime utcTime() {
        return LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** SYSDATE(): the time at which the function runs (NOW() is the statement's start), in whole seconds. */
    public static LocalDateTime sysdate() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** DATEDIFF(a, b): the days from b to a, times of day ignored (dates and datetimes, or text of either). */
    public static Long datediff(LocalDateTime to, LocalDateTime from) {
        return to == null || from == null ? null : ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate());
    }

    /** WEEKDAY(date): 0 for Monday to 6 for Sunday. */
    public static Long weekday(LocalDateTime value) {
        return value == null ? null : (long) value.getDayOfWeek().getValue() - 1;
    }

    /**
     * CONVERT_TZ(dt, from, to): zones as offsets ('+02:00', '-5:30'), 'SYSTEM', or names the JDK knows
     * ('Europe/Berlin'; MySQL needs its time zone tables for those); NULL for a zone it cannot read.
     */
    public static LocalDateTime convertTz(LocalDateTime value, String from, String to) {
        if (value == null) {
            return null;
        }
        ZoneId source = zone(from);
        ZoneId target = zone(to);
        if (source == null || target == null) {
            return null;
        }
        return value.atZone(source).withZoneSameInstant(target).toLocalDateTime();
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.equalsIgnoreCase("SYSTEM")) {
            return ZoneId.systemDefault();
        }
        Matcher offset = OFFSET.matcher(trimmed);
        try {
            if (offset.matches()) {
                int hours = Integer.parseInt(offset.group(2));
                int minutes = Integer.parseInt(offset.group(3));
                int sign = offset.group(1).equals("-") ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return ZoneId.of(trimmed);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** WEEK(date): mode 0 (default_week_format's default). */
    public static Long week(LocalDateTime value) {
        return week(value, 0);
    }

    /** WEEK(date, mode): the week number of the date in MySQL's mode 0-7 (see MySqlWeeks). */
    public static Long week(LocalDateTime value, Integer mode) {
        return value == null || mode == null ? null : (long) MySqlWeeks.week(value.toLocalDate(), mode);
    }

    /** YEARWEEK(date): mode 0. */
    public static Long yearweek(LocalDateTime value) {
        return yearweek(value, 0);
    }

    /** YEARWEEK(date, mode): year * 100 + week, the week counted into the neighbouring year when it runs over. */
    public static Long yearweek(LocalDateTime value, Integer mode) {
        return value == null || mode == null ? null : (long) MySqlWeeks.yearWeek(value.toLocalDate(), mode);
    }

    /**
     * MICROSECOND(expr): the fraction of a second of a time or datetime, in microseconds. Taken from the value's text,
     * which the engine gives for any type; its trailing zeros may be cut ('.00001' is 10 microseconds).
     */
    public static Long microsecond(String value) {
        if (value == null) {
            return null;
        }
        int dot = value.lastIndexOf('.');
        if (dot < 0 || dot < value.lastIndexOf(':')) {
            return 0L;
        }
        String digits = value.substring(dot + 1).trim();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return 0L;
        }
        return Long.parseLong((digits + "000000").substring(0, 6));
    }

    /** TIME_TO_SEC(time). */
    public static Long timeToSec(LocalTime time) {
        return time == null ? null : (long) time.toSecondOfDay();
    }

    /**
     * UUID(): a version 1 UUID in MySQL's text form (time-based: 100-ns ticks since 1582, then clock sequence and
     * node), unique within this server even when called faster than the clock ticks.
     */
    public static String uuid() {
        long now = System.currentTimeMillis() * 10_000 + UUID_EPOCH_OFFSET;
        long time = LAST_UUID_TIME.accumulateAndGet(now, (last, next) -> Math.max(last + 1, next));
        long mostSignificant = (time & 0xFFFF_FFFFL) << 32 | ((time >>> 32) & 0xFFFF) << 16 | 0x1000
                | ((time >>> 48) & 0x0FFF);
        return new UUID(mostSignificant, UUID_CLOCK_AND_NODE).toString();
    }
}
