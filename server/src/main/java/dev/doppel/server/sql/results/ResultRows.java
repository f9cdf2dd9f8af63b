package dev.doppel.server.sql.results;

import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ResultsCharset;
import io.netty.buffer.ByteBuf;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The column definitions and rows of an engine result, in the text protocol or the binary one of COM_STMT_EXECUTE,
 * converted to character_set_results when it is not the engine's. The reply goes out in parts beyond
 * {@link #FLUSH_BYTES}.
 */
public final class ResultRows {
    public static final int FLUSH_BYTES = 1 << 20;

    private ResultRows() {
    }

    /** Writes the columns and every row (not the end of the rows); returns how many rows it wrote. */
    public static long write(ResultSet rows, List<String> labels, ResponseWriter writer, int status,
                             ResultsCharset conversion, boolean binary) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<ColumnDefinition> columns = ColumnMapping.columns(meta, labels);
        if (conversion != null) {
            columns = conversion.relabel(columns, ColumnMapping.UTF8MB4);
        }
        int count = columns.size();
        int[] types = new int[count];
        int[] decimals = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = meta.getColumnType(i + 1);
            decimals[i] = columns.get(i).decimals();
        }
        writer.columns(columns, status);
        int sinceFlush = 0;
        long sent = 0;
        while (rows.next()) {
            sent++;
            ByteBuf out = writer.beginRow();
            if (binary) {
                BinaryValues.writeRow(out, rows, columns, conversion);
            } else {
                for (int i = 0; i < count; i++) {
                    if (conversion != null && columns.get(i).charset() != ColumnMapping.UTF8MB4
                            && columns.get(i).charset() != ColumnDefinition.BINARY_CHARSET) {
                        conversion.write(out, rows.getString(i + 1));
                    } else {
                        TextValues.write(out, rows, i + 1, types[i], decimals[i]);
                    }
                }
            }
            writer.endRow();
            if (++sinceFlush == 512) {
                sinceFlush = 0;
                if (writer.pendingBytes() > FLUSH_BYTES) {
                    writer.flushPart();
                }
            }
        }
        return sent;
    }
}
