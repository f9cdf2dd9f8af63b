package dev.doppel.server.sql.translate.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's compound interval units (YEAR_MONTH, DAY_HOUR ... SECOND_MICROSECOND), which the engine lacks: a quoted
 * value such as {@code '1 2:30'} read into its parts, for DATE_ADD, DATE_SUB and {@code x + INTERVAL ...}. As in
 * MySQL, the digits groups fill the unit's fields from the right (a short value leaves out the leftmost), a leading
 * minus negates them all, a microsecond part counts from the left ({@code '1.5'} is 500000 microseconds), and years
 * and months are one span of months.
 */
public final class CompoundUnits {
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("YEAR_MONTH", List.of("YEAR", "MONTH")),
            Map.entry("DAY_HOUR", List.of("DAY", "HOUR")),
            Map.entry("DAY_MINUTE", List.of("DAY", "HOUR", "MINUTE")),
            Map.entry("DAY_SECOND", List.of("DAY", "HOUR", "MINUTE", "SECOND")),
            Map.entry("DAY_MICROSECOND", List.of("DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND")),
            Map.entry("HOUR_MINUTE", List.of("HOUR", "MINUTE")),
            Map.entry("HOUR_SECOND", List.of("HOUR", "MINUTE", "SECOND")),
            Map.entry("HOUR_MICROSECOND", List.of("HOUR", "MINUTE", "SECOND", "MICROSECOND")),
            Map.entry("MINUTE_SECOND", List.of("MINUTE", "SECOND")),
            Map.entry("MINUTE_MICROSECOND", List.of("MINUTE", "SECOND", "MICROSECOND")),
            Map.entry("SECOND_MICROSECOND", List.of("SECOND", "MICROSECOND")));
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private CompoundUnits() {
    }

    public static boolean isCompound(String unit) {
        return FIELDS.containsKey(unit);
    }

    /** Whether the unit has a part below a day (a DATE it is added to becomes a DATETIME). */
    public static boolean belowADay(String unit) {
        return FIELDS.getOrDefault(unit, List.of()).stream().anyMatch(field -> !field.equals("YEAR")
                && !field.equals("MONTH") && !field.equals("DAY"));
    }

    /** One simple part of a compound interval: an amount of a unit the engine knows. */
    public record Part(long amount, String unit) {
    }

    /** The parts a quoted value stands for, signed; null when it has more groups than the unit has fields. */
    public static List<Part> parts(String unit, String value) {
        List<String> fields = FIELDS.get(unit);
        String text = value.strip();
        boolean negative = text.startsWith("-");
        List<String> groups = new ArrayList<>();
        Matcher matcher = DIGITS.matcher(text);
        while (matcher.find()) {
            groups.add(matcher.group());
        }
        if (groups.size() > fields.size()) {
            return null;
        }
        List<Part> result = new ArrayList<>();
        int first = fields.size() - groups.size();
        if (unit.equals("YEAR_MONTH")) {
            // one span of months, as MySQL adds it: 2024-02-29 less 1 year 2 months is 2022-12-29, not the 28th
            long months = groups.size() == 2 ? Long.parseLong(groups.get(0)) * 12 + Long.parseLong(groups.get(1))
                    : groups.isEmpty() ? 0 : Long.parseLong(groups.get(0));
            return List.of(new Part(negative ? -months : months, "MONTH"));
        }
        for (int i = 0; i < groups.size(); i++) {
            String field = fields.get(first + i);
            String digits = groups.get(i);
            long amount = field.equals("MICROSECOND") && i > 0
                    ? Long.parseLong((digits + "000000").substring(0, 6)) : Long.parseLong(digits);
            result.add(new Part(negative ? -amount : amount, field));
        }
        return result;
    }

    /** {@code EXTRACT(unit FROM x)}'s number: the fields' values side by side, two digits each, six for microseconds. */
    public static List<String> fields(String unit) {
        return FIELDS.get(unit);
    }
}
