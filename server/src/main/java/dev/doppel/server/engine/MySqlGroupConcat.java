package dev.doppel.server.engine;

import java.nio.charset.StandardCharsets;

/**
 * GROUP_CONCAT's result cut to group_concat_max_len bytes (at a character's start) with warning 1260, as in MySQL;
 * the engine's own GROUP_CONCAT has no bound. The server wraps every GROUP_CONCAT(...) in this function.
 */
public final class MySqlGroupConcat {
    private MySqlGroupConcat() {
    }

    public static String cut(String value) {
        StatementEffects.Listener listener = StatementEffects.current();
        if (listener == null) {
            return value;
        }
        long row = listener.nextGroupConcatRow();
        long max = listener.groupConcatMaxLen();
        if (value == null || (long) value.length() * 3 <= max) {
            return value;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= max) {
            return value;
        }
        int end = (int) max;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        listener.groupConcatCut(row);
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
