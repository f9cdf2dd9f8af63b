package dev.doppel.server.engine;

/**
 * MySQL's REPEAT, SPACE, LPAD and RPAD: a result longer than max_allowed_packet is NULL with warning 1301, as in
 * MySQL, instead of a string the heap cannot hold (the engine's own functions built it, and the server stopped on
 * OutOfMemoryError).
 */
public final class MySqlPadding {
    private MySqlPadding() {
    }

    public static String repeat(String value, Long count) {
        return repeated("repeat", value, count);
    }

    public static String space(Long count) {
        return repeated("space", " ", count);
    }

    private static String repeated(String function, String value, Long count) {
        if (value == null || count == null) {
            return null;
        }
        if (count < 1 || value.isEmpty()) {
            return "";
        }
        if (tooLong(function, (double) value.length() * count)) {
            return null;
        }
        return value.repeat(count.intValue());
    }

    public static String lpad(String value, Long length, String pad) {
        return pad(value, length, pad, true);
    }

    public static String rpad(String value, Long length, String pad) {
        return pad(value, length, pad, false);
    }

    private static String pad(String value, Long length, String pad, boolean left) {
        if (value == null || length == null || pad == null || length < 0) {
            return null;
        }
        if (tooLong(left ? "lpad" : "rpad", length)) {
            return null;
        }
        int target = length.intValue();
        if (target <= value.length()) {
            return value.substring(0, target);
        }
        if (pad.isEmpty()) {
            return null;
        }
        StringBuilder padding = new StringBuilder(target - value.length());
        while (padding.length() < target - value.length()) {
            padding.append(pad, 0, Math.min(pad.length(), target - value.length() - padding.length()));
        }
        return left ? padding + value : value + padding;
    }

    /** Whether a result of {@code length} passes max_allowed_packet; if so, records warning 1301 for it. */
    public static boolean tooLong(String function, double length) {
        long limit = StatementEffects.maxAllowedPacket();
        if (length <= limit) {
            return false;
        }
        StatementEffects.packetOverflow(function, limit);
        return true;
    }
}
