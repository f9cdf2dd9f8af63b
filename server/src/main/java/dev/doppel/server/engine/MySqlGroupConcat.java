package dev.doppel.server.engine;

import java.nio.charset.StandardCharsets;

/**
 * The engine's GROUP_CONCAT cut to group_concat_max_len, as the server wrote GROUP_CONCAT before it had its own
 * (aggregate.GroupConcat). Kept because views made then still call it: the engine keeps a view's translated text.
 * Such a view still holds each group's whole list; CREATE OR REPLACE VIEW gives it the bounded one.
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
