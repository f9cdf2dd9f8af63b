package dev.doppel.server.engine.time;

import dev.doppel.server.engine.StatementEffects;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * CAST(x AS DATE) and CAST(x AS DATETIME) as MySQL reads the text: years of two or four digits, any punctuation
 * between the parts, the digits alone (YYYYMMDD, YYMMDD, and with HHMMSS), a number written as such digits, a time
 * after a space or 'T'. What is no valid date is NULL with warning 1292 "Incorrect datetime value", as MySQL gives,
 * where the engine failed the statement.
 */
public final class MySqlDateCasts {
    private MySqlDateCasts() {
    }

    /** Registered as PUBLIC.MYSQL_CAST_DATE. */
    public static LocalDate date(String text) {
        LocalDateTime value = datetime(text);
        return value == null ? null : value.toLocalDate();
    }

    /** Registered as PUBLIC.MYSQL_CAST_DATETIME. */
    public static LocalDateTime datetime(String text) {
        if (text == null) {
            return null;
        }
        LocalDateTime value = read(text.trim());
        if (value == null) {
            StatementEffects.warning(1292, "Incorrect datetime value: '" + text + "'");
        }
        return value;
    }

    /**
     * A number written where a date is read ({@code TO_DAYS(950501)}), by MySQL's rules: YYMMDD (2000-2069 below
     * 700101), YYYYMMDD, YYMMDDhhmmss, YYYYMMDDhhmmss, shorter numbers padded with zeros on the left (123 is
     * 2000-01-23); NULL with warning 1292 for one that is none. Registered as PUBLIC.MYSQL_NUMBER_DATETIME.
     */
    public static LocalDateTime numberDatetime(Long number) {
        if (number == null) {
            return null;
        }
        LocalDateTime value = number(number);
        if (value == null) {
            StatementEffects.warning(1292, "Incorrect datetime value: '" + number + "'");
        }
        return value;
    }

    private static LocalDateTime number(long value) {
        long n = value;
        if (n < 101) {
            return null;
        } else if (n <= 691231) {
            n += 20000000;
        } else if (n < 700101) {
            return null;
        } else if (n <= 991231) {
            n += 19000000;
        } else if (n < 10000101) {
            return null;
        } else if (n > 99991231 && n < 101000000) {
            return null;
        } else if (n > 99991231 && n <= 691231235959L) {
            n += 20000000000000L;
        } else if (n > 99991231 && n < 700101000000L) {
            return null;
        } else if (n > 99991231 && n <= 991231235959L) {
            n += 19000000000000L;
        } else if (n > 99991231 && n < 10000101000000L) {
            return null;
        }
        long date = n > 99991231 ? n / 1000000 : n;
        long time = n > 99991231 ? n % 1000000 : 0;
        try {
            return LocalDateTime.of((int) (date / 10000), (int) (date / 100 % 100), (int) (date % 100),
                    (int) (time / 10000), (int) (time / 100 % 100), (int) (time % 100));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime read(String text) {
        if (text.isEmpty()) {
            return null;
        }
        // year, month, day, hour, minute, second, nanoseconds, and how many digits the year had
        int[] parts = new int[8];
        int count = text.matches("\\d+(\\.\\d*)?") ? digitsOnly(text, parts) : delimited(text, parts);
        if (count < 3 || count == 4) {
            return null;
        }
        if (parts[7] <= 2) {
            parts[0] += parts[0] < 70 ? 2000 : 1900;
        }
        try {
            return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** YYYYMMDD[HHMMSS][.f] or YYMMDD[HHMMSS][.f]; the number of parts read, 0 when the length fits neither. */
    private static int digitsOnly(String text, int[] parts) {
        int dot = text.indexOf('.');
        String digits = dot < 0 ? text : text.substring(0, dot);
        int yearLength = switch (digits.length()) {
            case 8, 14 -> 4;
            case 6, 12 -> 2;
            default -> 0;
        };
        if (yearLength == 0) {
            return 0;
        }
        parts[7] = yearLength;
        parts[0] = Integer.parseInt(digits.substring(0, yearLength));
        int part = 1;
        for (int at = yearLength; at + 2 <= digits.length(); at += 2) {
            parts[part++] = Integer.parseInt(digits.substring(at, at + 2));
        }
        if (dot >= 0) {
            parts[6] = nanos(text.substring(dot + 1));
        }
        return part;
    }

    /**
     * Y-M-D with any punctuation between the parts, then after a space or 'T' H:M[:S[.f]]; the number of parts
     * read, 0 when something else is in the text.
     */
    private static int delimited(String text, int[] parts) {
        int part = 0;
        int at = 0;
        while (true) {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start || at - start > (part == 0 ? 4 : 2)) {
                return 0;
            }
            if (part == 0) {
                parts[7] = at - start;
            }
            parts[part++] = Integer.parseInt(text.substring(start, at));
            if (at >= text.length()) {
                return part;
            }
            char delimiter = text.charAt(at);
            if (part == 6) {
                String fraction = text.substring(at + 1);
                if (delimiter != '.' || !fraction.chars().allMatch(Character::isDigit)) {
                    return 0;
                }
                parts[6] = nanos(fraction);
                return part;
            }
            if (part == 3) {
                if (delimiter != ' ' && delimiter != 'T') {
                    return 0;
                }
                while (at + 1 < text.length() && text.charAt(at + 1) == ' ') {
                    at++;
                }
            } else if (Character.isLetterOrDigit(delimiter) || Character.isWhitespace(delimiter)) {
                return 0;
            }
            at++;
        }
    }

    private static int nanos(String fraction) {
        return fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
