package dev.doppel.server.engine.aggregate;

import dev.doppel.server.engine.StatementEffects;
import org.h2.api.Aggregate;
import org.h2.value.Value;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MySQL's GROUP_CONCAT as an engine aggregate, one instance per group. The engine's own joined every row's value
 * into one string sized up front and only then cut it, so one query could ask for more heap than there was and stop
 * the server; this list never holds much more than the result can show (GroupConcatList).
 *
 * <p>The server writes {@code GROUP_CONCAT([DISTINCT] v1, ..., vn [ORDER BY k1 [DESC], ...] [SEPARATOR s])} as
 * {@code MYSQL_GROUP_CONCAT(v1, ..., vn, ARRAY[quantifier, key...], k..., s)} (sql.translate.GroupConcatCalls): the
 * ARRAY marks where the values end, since the engine tells an aggregate only its arguments' types; its first
 * element is {@code DISTINCT} or {@code ALL}, then one per ORDER BY key, {@code A} or {@code D} for the direction and
 * a number when the key is a value's position ({@code ORDER BY 1}) rather than an argument of its own.
 */
public final class GroupConcat implements Aggregate {
    /** MySQL's default group_concat_max_len, for a statement the server does not run (no listener). */
    private static final long DEFAULT_LIMIT = 1024;

    private int values = -1;
    private boolean distinct;
    private int[] keyArguments;
    private int[] keyPositions;
    private boolean[] descending;
    private GroupConcatList list;
    private Object result;
    private boolean done;

    @Override
    public int getInternalType(int[] inputTypes) {
        for (int i = 0; i < inputTypes.length && inputTypes[i] != Value.ARRAY; i++) {
            int type = inputTypes[i];
            if (type == Value.BINARY || type == Value.VARBINARY || type == Value.BLOB) {
                return Value.VARBINARY;
            }
        }
        return Value.VARCHAR;
    }

    @Override
    public void add(Object row) throws SQLException {
        Object[] arguments = (Object[]) row;
        if (values < 0) {
            start(arguments);
        }
        if (!list.open()) {
            return;
        }
        for (int i = 0; i < values; i++) {
            if (arguments[i] == null) {
                return;
            }
        }
        byte[] bytes = null;
        boolean binary = false;
        List<Object> sameness = distinct ? new ArrayList<>(values) : null;
        for (int i = 0; i < values; i++) {
            byte[] each = GroupConcatValues.bytes(arguments[i]);
            binary |= GroupConcatValues.isBinary(arguments[i]);
            if (sameness != null) {
                sameness.add(GroupConcatValues.sameness(arguments[i], each));
            }
            bytes = bytes == null ? each : concat(bytes, each);
        }
        Object[] keys = null;
        if (keyArguments.length > 0) {
            keys = new Object[keyArguments.length];
            for (int k = 0; k < keys.length; k++) {
                int source = keyArguments[k] >= 0 ? keyArguments[k] : keyPositions[k];
                keys[k] = GroupConcatValues.key(arguments[source]);
            }
        }
        list.add(bytes, binary, keys, sameness);
    }

    private void start(Object[] arguments) throws SQLException {
        int marker = 0;
        while (!(arguments[marker] instanceof Object[])) {
            marker++;
        }
        values = marker;
        Object[] layout = (Object[]) arguments[marker];
        distinct = "DISTINCT".equals(layout[0]);
        int keys = layout.length - 1;
        keyArguments = new int[keys];
        keyPositions = new int[keys];
        descending = new boolean[keys];
        int next = marker + 1;
        for (int k = 0; k < keys; k++) {
            String key = (String) layout[k + 1];
            descending[k] = key.charAt(0) == 'D';
            if (key.length() > 1) {
                keyArguments[k] = -1;
                keyPositions[k] = Integer.parseInt(key.substring(1)) - 1;
            } else {
                keyArguments[k] = next++;
            }
        }
        Object separator = arguments[arguments.length - 1];
        StatementEffects.Listener listener = StatementEffects.current();
        long limit = listener == null ? DEFAULT_LIMIT
                : Math.min(listener.groupConcatMaxLen(), listener.maxAllowedPacket());
        list = new GroupConcatList(limit, separator == null ? new byte[0] : GroupConcatValues.bytes(separator),
                distinct, keys == 0 ? null : order());
    }

    private Comparator<Object[]> order() {
        return (a, b) -> {
            for (int k = 0; k < a.length; k++) {
                int c = GroupConcatValues.compare(a[k], b[k]);
                if (c != 0) {
                    return descending[k] ? -c : c;
                }
            }
            return 0;
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    @Override
    public Object getResult() {
        if (!done) {
            done = true;
            result = list == null ? null : list.result();
            StatementEffects.Listener listener = StatementEffects.current();
            if (listener != null) {
                long row = listener.nextGroupConcatRow();
                if (list != null && list.cut()) {
                    listener.groupConcatCut(row);
                }
            }
        }
        return result;
    }
}
