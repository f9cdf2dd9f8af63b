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
    /**
     * EXTRACT(unit FROM x) for MySQL's compound units, which the engine lacks: the fields' values side by side, two
     * digits each and six for microseconds ({@code DAY_HOUR} of the 4th at 05:00 is 405).
     */
    public static Long extract(String unit, LocalDateTime value) {
        if (value == null) {
            return null;
        }
        long day = value.getDayOfMonth();
        long hour = value.getHour();
        long minute = value.getMinute();
        long second = value.getSecond();
        long micro = value.getNano() / 1000;
        long hms = (hour * 100 + minute) * 100 + second;
        return switch (unit) {
            case "YEAR_MONTH" -> value.getYear() * 100L + value.getMonthValue();
            case "DAY_HOUR" -> day * 100 + hour;
            case "DAY_MINUTE" -> (day * 100 + hour) * 100 + minute;
            case "DAY_SECOND" -> day * 1_000_000 + hms;
            case "DAY_MICROSECOND" -> (day * 1_000_000 + hms) * 1_000_000 + micro;
            case "HOUR_MINUTE" -> hour * 100 + minute;
            case "HOUR_SECOND" -> hms;
            case "HOUR_MICROSECOND" -> hms * 1_000_000 + micro;
            case "MINUTE_SECOND" -> minute * 100 + second;
            case "MINUTE_MICROSECOND" -> (minute * 100 + second) * 1_000_000 + micro;
            case "SECOND_MICROSECOND" -> second * 1_000_000 + micro;
            default -> throw new IllegalArgumentException("not a compound unit: " + unit);
        };
    }

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

    /** Days from year 0 to 1970-01-01, as TO_DAYS counts them. */
    private static final long DAYS_TO_EPOCH = 719_528;

    /** TO_DAYS(date): the days since year 0. */
    public static Long toDays(LocalDateTime value) {
        return value == null ? null : value.toLocalDate().toEpochDay() + DAYS_TO_EPOCH;
    }

    /** TO_SECONDS(datetime): the seconds since year 0. */
    public static Long toSeconds(LocalDateTime value) {
        return value == null ? null : toDays(value) * 86_400 + value.toLocalTime().toSecondOfDay();
    }

    /** FROM_DAYS(n): the date n days after year 0; NULL before year 1 (MySQL's '0000-00-00'). */
    public static LocalDate fromDays(Long days) {
        return days == null || days < 366 ? null : LocalDate.ofEpochDay(days - DAYS_TO_EPOCH);
    }

    /** MAKEDATE(year, dayofyear): NULL for a day of the year below 1; past the year's end it runs into the next. */
    public static LocalDate makedate(Long year, Long dayOfYear) {
        if (year == null || dayOfYear == null || dayOfYear < 1 || year < 0 || year > 9999) {
            return null;
        }
        long fullYear = year < 70 ? 2000 + year : year < 100 ? 1900 + year : year;
        LocalDate result = LocalDate.of((int) fullYear, 1, 1).plusDays(dayOfYear - 1);
        return result.getYear() > 9999 ? null : result;
    }

    /** MAKETIME(h, m, s) as MySQL's TIME text, hours past 23 included; NULL for minutes or seconds out of range. */
    public static String maketime(Long hours, Long minutes, java.math.BigDecimal seconds) {
        if (hours == null || minutes == null || seconds == null || minutes < 0 || minutes > 59 || seconds.signum() < 0
                || seconds.compareTo(java.math.BigDecimal.valueOf(60)) >= 0) {
            return null;
        }
        java.math.BigDecimal total = java.math.BigDecimal.valueOf(Math.abs(hours) * 3600 + minutes * 60).add(seconds);
        return secToTime(hours < 0 ? total.negate() : total);
    }

    /**
     * SEC_TO_TIME(seconds) as MySQL's TIME text, sign and hours past 24 included, with as many fractional digits as
     * the argument has (up to 6).
     */
    public static String secToTime(java.math.BigDecimal seconds) {
        if (seconds == null) {
            return null;
        }
        java.math.BigDecimal size = seconds.abs();
        long whole = size.longValue();
        String text = duration(seconds.signum() < 0, whole);
        int digits = Math.min(6, Math.max(0, seconds.scale()));
        if (digits == 0) {
            return text;
        }
        java.math.BigDecimal fraction = size.subtract(java.math.BigDecimal.valueOf(whole))
                .setScale(digits, java.math.RoundingMode.HALF_UP);
        return text + fraction.toPlainString().substring(1);
    }

    /** TIMEDIFF(a, b): a - b as MySQL's TIME text; a and b are both times or both date-times. */
    public static String timediff(String first, String second) {
        Double a = timeSeconds(first);
        Double b = timeSeconds(second);
        if (a == null || b == null || isDateTime(first) != isDateTime(second)) {
            return null;
        }
        return secToTime(seconds(a - b));
    }

    /** Seconds as a decimal with only the fractional digits they have (none for whole seconds). */
    private static java.math.BigDecimal seconds(double value) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    /** ADDTIME(t, d) for a time t: t + d as MySQL's TIME text. */
    public static String addtime(String time, String delta) {
        return shifted(time, delta, 1);
    }

    /** SUBTIME(t, d) for a time t: t - d as MySQL's TIME text. */
    public static String subtime(String time, String delta) {
        return shifted(time, delta, -1);
    }

    private static String shifted(String time, String delta, int sign) {
        Double base = timeSeconds(time);
        Double by = timeSeconds(delta);
        if (base == null || by == null || isDateTime(delta)) {
            return null;
        }
        if (isDateTime(time)) {
            LocalDateTime start = LocalDateTime.parse(time.trim().replace(' ', 'T'));
            LocalDateTime end = start.plusNanos((long) (sign * by * 1e9));
            String text = end.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            return end.getNano() == 0 ? text : text + String.format(java.util.Locale.ROOT, ".%06d", end.getNano() / 1000);
        }
        return secToTime(seconds(base + sign * by));
    }

    /** '[-][D ]HH:MM:SS[.ffffff]' or 'YYYY-MM-DD HH:MM:SS[.ffffff]' as seconds (a date-time: since the epoch). */
    private static Double timeSeconds(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        try {
            if (isDateTime(value)) {
                LocalDateTime at = LocalDateTime.parse(value.replace(' ', 'T'));
                return at.toEpochSecond(java.time.ZoneOffset.UTC) + at.getNano() / 1e9;
            }
            boolean negative = value.startsWith("-");
            String rest = negative ? value.substring(1) : value;
            long days = 0;
            int space = rest.indexOf(' ');
            if (space > 0) {
                days = Long.parseLong(rest.substring(0, space));
                rest = rest.substring(space + 1);
            }
            String[] parts = rest.split(":");
            double seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            for (int i = parts.length; i < 3 && parts.length > 1; i++) {
                seconds *= 60;
            }
            seconds += days * 86_400;
            return negative ? -seconds : seconds;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isDateTime(String text) {
        String value = text.trim();
        return value.length() >= 19 && value.charAt(4) == '-' && value.charAt(10) == ' ';
    }

    /** [-]HH:MM:SS[.ffffff], hours as many as it takes. */
    private static String duration(boolean negative, long total) {
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d:%02d", negative ? "-" : "", total / 3600,
                total / 60 % 60, total % 60);
    }

    /** PERIOD_ADD(YYMM or YYYYMM, n) as YYYYMM. */
    public static Long periodAdd(Long period, Long months) {
        if (period == null || months == null) {
            return null;
        }
        if (period == 0) {
            return 0L;
        }
        long total = periodMonths(period) + months;
        return (total / 12) * 100 + total % 12 + 1;
    }

    /** PERIOD_DIFF(p1, p2): the months from p2 to p1. */
    public static Long periodDiff(Long first, Long second) {
        return first == null || second == null ? null : periodMonths(first) - periodMonths(second);
    }

    private static long periodMonths(long period) {
        long year = period / 100;
        year = year < 70 ? 2000 + year : year < 100 ? 1900 + year : year;
        return year * 12 + period % 100 - 1;
    }
}
