package dev.doppel.server.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

/**
 * STR_TO_DATE(str, format) with MySQL's format specifiers. The result is a DATE when the format has only date parts,
 * a TIME when it has only time parts and a DATETIME otherwise (EngineSql picks the function from a literal format;
 * a format given otherwise gives a DATETIME). A string that does not match, or a date that does not exist or has a
 * zero part, gives NULL, as MySQL does in its default (strict) sql_mode; text after the matched part is ignored.
 */
public final class MySqlDateParsing {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private MySqlDateParsing() {
    }

    /** What a format yields: {@code 'D'} date, {@code 'T'} time, {@code 'S'} both. */
    public static char kind(String format) {
        boolean date = false;
        boolean time = false;
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            char specifier = format.charAt(++i);
            if ("YymcdeDjMbUuVvXxWa".indexOf(specifier) >= 0) {
                date = true;
            } else if ("HkhIlisSfpTr".indexOf(specifier) >= 0) {
                time = true;
            }
        }
        return date && time ? 'S' : time ? 'T' : 'D';
    }

    public static LocalDate strToDate(String value, String format) {
        Fields fields = parse(value, format);
        return fields == null ? null : fields.date();
    }

    public static LocalDateTime strToDatetime(String value, String format) {
        Fields fields = parse(value, format);
        if (fields == null) {
            return null;
        }
        LocalDate date = fields.date();
        LocalTime time = fields.time();
        return date == null || time == null ? null : LocalDateTime.of(date, time);
    }

    public static LocalTime strToTime(String value, String format) {
        Fields fields = parse(value, format);
        return fields == null ? null : fields.time();
    }

    private static final class Fields {
        int year = -1;
        int month;
        int day;
        int dayOfYear;
        int hour;
        int minute;
        int second;
        int micros;
        boolean twelveHour;
        Boolean pm;

        LocalDate date() {
            try {
                if (dayOfYear > 0 && year >= 0 && month == 0 && day == 0) {
                    return LocalDate.ofYearDay(year, dayOfYear);
                }
                return year < 0 || month == 0 || day == 0 ? null : LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }

        LocalTime time() {
            int h = hour;
            if (twelveHour || pm != null) {
                if (h < 1 || h > 12) {
                    return null;
                }
                h = h % 12 + (Boolean.TRUE.equals(pm) ? 12 : 0);
            }
            try {
                return LocalTime.of(h, minute, second, micros * 1000);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** Reads {@code value} by {@code format}; null when it does not match. */
    private static Fields parse(String value, String format) {
        if (value == null || format == null) {
            return null;
        }
        try {
            return read(value, format.replace("%T", "%H:%i:%s").replace("%r", "%h:%i:%s %p"));
        } catch (NoMatch e) {
            return null;
        }
    }

    private static Fields read(String value, String format) {
        Fields fields = new Fields();
        int[] at = {0};
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                if (Character.isWhitespace(c)) {
                    skipSpaces(value, at);
                    continue;
                }
                if (at[0] >= value.length() || value.charAt(at[0]) != c) {
                    return null;
                }
                at[0]++;
                continue;
            }
            char specifier = format.charAt(++i);
            int number;
            switch (specifier) {
                case 'Y' -> {
                    number = digits(value, at, 4);
                    if (number < 0) {
                        return null;
                    }
                    fields.year = number;
                }
                case 'y' -> {
                    number = digits(value, at, 2);
                    if (number < 0) {
                        return null;
                    }
                    fields.year = number < 70 ? 2000 + number : 1900 + number;
                }
                case 'm', 'c' -> fields.month = require(digits(value, at, 2));
                case 'd', 'e' -> fields.day = require(digits(value, at, 2));
                case 'j' -> fields.dayOfYear = require(digits(value, at, 3));
                case 'H', 'k' -> fields.hour = require(digits(value, at, 2));
                case 'h', 'I', 'l' -> {
                    fields.hour = require(digits(value, at, 2));
                    fields.twelveHour = true;
                }
                case 'i' -> fields.minute = require(digits(value, at, 2));
                case 's', 'S' -> fields.second = require(digits(value, at, 2));
                case 'f' -> {
                    int start = at[0];
                    number = digits(value, at, 6);
                    if (number < 0) {
                        return null;
                    }
                    for (int n = at[0] - start; n < 6; n++) {
                        number *= 10;
                    }
                    fields.micros = number;
                }
                case 'p' -> {
                    String word = word(value, at);
                    if (word.equalsIgnoreCase("AM")) {
                        fields.pm = false;
                    } else if (word.equalsIgnoreCase("PM")) {
                        fields.pm = true;
                    } else {
                        return null;
                    }
                }
                case 'M', 'b' -> {
                    int month = name(word(value, at), MONTHS, specifier == 'b');
                    if (month < 0) {
                        return null;
                    }
                    fields.month = month + 1;
                }
                case 'W', 'a' -> {
                    if (name(word(value, at), DAYS, specifier == 'a') < 0) {
                        return null;
                    }
                }
                case '%' -> {
                    if (at[0] >= value.length() || value.charAt(at[0]) != '%') {
                        return null;
                    }
                    at[0]++;
                }
                default -> {
                    return null;
                }
            }
        }
        return fields;
    }

    private static int require(int number) {
        if (number < 0) {
            throw new NoMatch();
        }
        return number;
    }

    /** Thrown by require() on a missing number; parse() turns it into null. */
    private static final class NoMatch extends RuntimeException {
        NoMatch() {
            super(null, null, false, false);
        }
    }

    /** Up to {@code most} digits after any spaces (MySQL reads 'May 1, 2013' by '%M %d,%Y'); -1 when there are none. */
    private static int digits(String value, int[] at, int most) {
        skipSpaces(value, at);
        int start = at[0];
        int result = 0;
        while (at[0] < value.length() && at[0] - start < most && Character.isDigit(value.charAt(at[0]))) {
            result = result * 10 + (value.charAt(at[0]) - '0');
            at[0]++;
        }
        return at[0] == start ? -1 : result;
    }

    private static String word(String value, int[] at) {
        int start = at[0];
        while (at[0] < value.length() && Character.isLetter(value.charAt(at[0]))) {
            at[0]++;
        }
        return value.substring(start, at[0]);
    }

    private static int name(String word, String[] names, boolean abbreviated) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (abbreviated ? lower.length() == 3 && names[i].startsWith(lower) : names[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    private static void skipSpaces(String value, int[] at) {
        while (at[0] < value.length() && Character.isWhitespace(value.charAt(at[0]))) {
            at[0]++;
        }
    }
}
