package dev.doppel.server.engine;

/** MySQL functions the engine lacks, registered in it as Java functions. */
public final class MySqlFunctions {
    private MySqlFunctions() {
    }

    /** FIND_IN_SET(needle, 'a,b,c'): the 1-based position of needle in the comma-separated list, 0 if absent. */
    public static Integer findInSet(String needle, String list) {
        if (needle == null || list == null) {
            return null;
        }
        if (needle.indexOf(',') >= 0) {
            return 0;
        }
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].equalsIgnoreCase(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** SLEEP waits in steps this long, so that KILL QUERY ends it soon. */
    private static final long SLEEP_STEP_NANOS = 20_000_000;

    /**
     * SLEEP(seconds): waits, then returns 0; 1 when KILL QUERY ends the wait (the statement then fails with 1317).
     * NULL or a negative duration is MySQL's 1210 in strict mode, otherwise a warning and no wait.
     */
    public static long sleep(Double seconds) throws java.sql.SQLException {
        if (seconds == null || seconds < 0 || seconds.isNaN()) {
            StatementEffects.wrongArguments("sleep.");
            return 0;
        }
        long deadline = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
        while (true) {
            if (StatementEffects.interrupted()) {
                return 1;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, SLEEP_STEP_NANOS));
        }
    }

    /** STATEMENT_DIGEST_TEXT(statement): its normalized text, as performance_schema's digests have it. */
    public static String statementDigestText(String statement) {
        return dev.doppel.server.status.StatementDigest.digestText(statement);
    }

    /** STATEMENT_DIGEST(statement): the hash of its normalized text. */
    public static String statementDigest(String statement) {
        return dev.doppel.server.status.StatementDigest.digestHash(statement);
    }

    private static final double[] PICO_LIMITS = {1e3, 1e6, 1e9, 1e12, 60e12, 3.6e15, 8.64e16};
    private static final String[] PICO_UNITS = {"ps", "ns", "us", "ms", "s", "min", "h", "d"};
    private static final double[] PICO_SCALES = {1, 1e3, 1e6, 1e9, 1e12, 60e12, 3.6e15, 8.64e16};
    private static final String[] BYTE_UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /** FORMAT_PICO_TIME(ps): under 1 ns a whole number of ps, else two decimals of the largest unit that fits. */
    public static String formatPicoTime(Double picos) {
        if (picos == null) {
            return null;
        }
        double size = Math.abs(picos);
        int unit = 0;
        while (unit < PICO_LIMITS.length && size >= PICO_LIMITS[unit]) {
            unit++;
        }
        return unit == 0 ? (long) picos.doubleValue() + " ps"
                : String.format(java.util.Locale.ROOT, "%.2f %s", picos / PICO_SCALES[unit], PICO_UNITS[unit]);
    }

    /** FORMAT_BYTES(n): under 1 KiB a whole number of bytes, else two decimals of the largest binary unit. */
    public static String formatBytes(Double bytes) {
        if (bytes == null) {
            return null;
        }
        double size = Math.abs(bytes);
        int unit = 0;
        while (unit + 1 < BYTE_UNITS.length && size >= Math.pow(1024, unit + 1)) {
            unit++;
        }
        return unit == 0 ? (long) bytes.doubleValue() + " bytes"
                : String.format(java.util.Locale.ROOT, "%.2f %s", bytes / Math.pow(1024, unit), BYTE_UNITS[unit]);
    }

    /** ISNULL(x): 1 when x is NULL, else 0. */
    public static int isNullFunction(org.h2.value.Value value) {
        return value == null || value == org.h2.value.ValueNull.INSTANCE ? 1 : 0;
    }

    /** LOG2(x): NULL for x <= 0. */
    public static Double log2(Double value) {
        return value == null || value <= 0 ? null : StrictMath.log(value) / StrictMath.log(2.0);
    }

    /** BIT_COUNT(n): the bits set in n as a 64-bit integer. */
    public static Long bitCount(Long value) {
        return value == null ? null : (long) Long.bitCount(value);
    }

    /** CONCAT(...): NULL when any argument is NULL (the engine's CONCAT skips NULLs). */
    public static String concat(String... parts) {
        long length = 0;
        for (String each : parts) {
            if (each == null) {
                return null;
            }
            length += each.length();
        }
        if (MySqlPadding.tooLong("concat", length)) {
            return null;
        }
        StringBuilder result = new StringBuilder((int) length);
        for (String each : parts) {
            result.append(each);
        }
        return result.toString();
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    /** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st: %D of DATE_FORMAT. */
    private static String ordinalSuffix(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** DATE_FORMAT(value, format) with MySQL's % specifiers; an unknown specifier gives its letter, as in MySQL. */
    public static String dateFormat(java.time.LocalDateTime value, String format) {
        if (value == null || format == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char specifier = format.charAt(++i);
            int hour12 = value.getHour() % 12 == 0 ? 12 : value.getHour() % 12;
            switch (specifier) {
                case 'Y' -> out.append(String.format("%04d", value.getYear()));
                case 'y' -> out.append(String.format("%02d", value.getYear() % 100));
                case 'm' -> out.append(String.format("%02d", value.getMonthValue()));
                case 'c' -> out.append(value.getMonthValue());
                case 'd' -> out.append(String.format("%02d", value.getDayOfMonth()));
                case 'e' -> out.append(value.getDayOfMonth());
                case 'H' -> out.append(String.format("%02d", value.getHour()));
                case 'k' -> out.append(value.getHour());
                case 'h', 'I' -> out.append(String.format("%02d", hour12));
                case 'l' -> out.append(hour12);
                case 'i' -> out.append(String.format("%02d", value.getMinute()));
                case 's', 'S' -> out.append(String.format("%02d", value.getSecond()));
                case 'f' -> out.append(String.format("%06d", value.getNano() / 1000));
                case 'p' -> out.append(value.getHour() < 12 ? "AM" : "PM");
                case 'M' -> out.append(MONTHS[value.getMonthValue() - 1]);
                case 'b' -> out.append(MONTHS[value.getMonthValue() - 1], 0, 3);
                case 'W' -> out.append(DAYS[value.getDayOfWeek().getValue() - 1]);
                case 'a' -> out.append(DAYS[value.getDayOfWeek().getValue() - 1], 0, 3);
                case 'j' -> out.append(String.format("%03d", value.getDayOfYear()));
                case 'T' -> out.append(String.format("%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond()));
                case 'r' -> out.append(String.format("%02d:%02d:%02d %s", hour12, value.getMinute(), value.getSecond(),
                        value.getHour() < 12 ? "AM" : "PM"));
                case 'D' -> out.append(value.getDayOfMonth()).append(ordinalSuffix(value.getDayOfMonth()));
                case 'U' -> out.append(String.format("%02d", MySqlWeeks.week(value.toLocalDate(), 0)));
                case 'u' -> out.append(String.format("%02d", MySqlWeeks.week(value.toLocalDate(), 1)));
                case 'V' -> out.append(String.format("%02d", MySqlWeeks.yearWeek(value.toLocalDate(), 2) % 100));
                case 'v' -> out.append(String.format("%02d", MySqlWeeks.yearWeek(value.toLocalDate(), 3) % 100));
                case 'X' -> out.append(String.format("%04d", MySqlWeeks.yearWeek(value.toLocalDate(), 2) / 100));
                case 'x' -> out.append(String.format("%04d", MySqlWeeks.yearWeek(value.toLocalDate(), 3) / 100));
                case 'w' -> out.append(value.getDayOfWeek().getValue() % 7);
                default -> out.append(specifier);
            }
        }
        return out.toString();
    }
}
