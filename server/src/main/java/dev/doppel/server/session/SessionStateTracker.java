package dev.doppel.server.session;

import dev.doppel.server.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects the session state changes a statement made (current schema, tracked system variables) and encodes
 * them for the OK packet when the client set CLIENT_SESSION_TRACK, as MySQL's session_track_* do.
 */
public final class SessionStateTracker {
    private static final int SYSTEM_VARIABLES = 0;
    private static final int SCHEMA = 1;
    private static final int STATE_CHANGE = 2;

    private final Map<String, String> variables = new LinkedHashMap<>();
    private String schema;
    private boolean stateChanged;

    public void schemaChanged(String name) {
        schema = name;
        stateChanged = true;
    }

    /** Records a variable's new value if {@code tracked} (the session_track_system_variables list) names it. */
    public void variableChanged(String name, String value, Set<String> tracked) {
        String key = name.toLowerCase(Locale.ROOT);
        if (tracked.contains("*") || tracked.contains(key)) {
            variables.put(key, value == null ? "" : value);
        }
        stateChanged = true;
    }

    public boolean hasChanges() {
        return schema != null || !variables.isEmpty();
    }

    /** The encoded state information, or null when nothing changed; clears what it returns. */
    public byte[] drain(boolean trackSchema, boolean trackStateChange) {
        if (!hasChanges() && !(trackStateChange && stateChanged)) {
            stateChanged = false;
            return null;
        }
        ByteBuf out = Unpooled.buffer();
        for (Map.Entry<String, String> each : variables.entrySet()) {
            ByteBuf data = Unpooled.buffer();
            Wire.writeLengthEncodedString(data, each.getKey());
            Wire.writeLengthEncodedString(data, each.getValue());
            writeEntry(out, SYSTEM_VARIABLES, data);
        }
        if (schema != null && trackSchema) {
            ByteBuf data = Unpooled.buffer();
            Wire.writeLengthEncodedString(data, schema);
            writeEntry(out, SCHEMA, data);
        }
        if (trackStateChange && stateChanged) {
            ByteBuf data = Unpooled.buffer();
            Wire.writeLengthEncodedString(data, "1");
            writeEntry(out, STATE_CHANGE, data);
        }
        variables.clear();
        schema = null;
        stateChanged = false;
        byte[] result = ByteBufUtil.getBytes(out);
        out.release();
        return result.length == 0 ? null : result;
    }

    private static void writeEntry(ByteBuf out, int type, ByteBuf data) {
        out.writeByte(type);
        Wire.writeLengthEncodedInt(out, data.readableBytes());
        out.writeBytes(data);
        data.release();
    }
}
