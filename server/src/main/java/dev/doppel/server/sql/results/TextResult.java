package dev.doppel.server.sql.results;

import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ColumnType;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.Wire;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/** A result set the server builds itself (SHOW VARIABLES, SHOW DATABASES ...): string columns, string rows. */
public final class TextResult {
    private static final int UTF8MB4 = 255;

    private final List<ColumnDefinition> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    public static TextResult of(String... columnNames) {
        TextResult result = new TextResult();
        for (String each : columnNames) {
            result.columns.add(ColumnDefinition.computed(each, UTF8MB4, 256, ColumnType.VAR_STRING, 0, 31));
        }
        return result;
    }

    /** Names the schema and table the columns come from, as MySQL does for SHOW results. */
    public TextResult from(String schema, String table) {
        columns.replaceAll(each -> new ColumnDefinition(schema, table, table, each.name(), each.name(),
                each.charset(), each.length(), each.type(), each.flags(), each.decimals()));
        return this;
    }

    public TextResult row(String... values) {
        rows.add(values);
        return this;
    }

    public List<String[]> rows() {
        return rows;
    }

    public List<ColumnDefinition> columns() {
        return columns;
    }

    public void write(ResponseWriter writer, int status, int warnings, byte[] sessionState) {
        writer.columns(columns, status);
        for (String[] row : rows) {
            ByteBuf out = writer.beginRow();
            for (String each : row) {
                if (each == null) {
                    out.writeByte(Wire.NULL_COLUMN);
                } else {
                    Wire.writeLengthEncodedAscii(out, each);
                }
            }
            writer.endRow();
        }
        writer.endOfRows(status, warnings, sessionState);
    }
}
