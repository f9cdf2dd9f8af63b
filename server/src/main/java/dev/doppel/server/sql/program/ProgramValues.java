package dev.doppel.server.sql.program;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;

/** Values from the engine as a program's variables hold them: integers as long, truth as 1 or 0, large objects read. */
public final class ProgramValues {
    private ProgramValues() {
    }

    public static Object fromEngine(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        try {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            if (value instanceof Blob blob) {
                return blob.getBytes(1, (int) blob.length());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a large object", e);
        }
        return value;
    }
}
