package dev.doppel.server.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Text results in {@code character_set_results} when it is not the engine's own UTF-8 ({@code SET NAMES latin1}):
 * the text columns are labelled with its collation and their values converted, a character it lacks becoming
 * {@code ?} as in MySQL. Binary columns and numbers go out as they are.
 */
public final class ResultsCharset {
    private final Charset charset;
    private final int collationId;
    private final CharsetEncoder encoder;

    public ResultsCharset(Charset charset, int collationId) {
        this.charset = charset;
        this.collationId = collationId;
        this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
    }

    /** The collation id the text columns are labelled with. */
    public int collationId() {
        return collationId;
    }

    /** The columns with the text ones (those sent in utf8mb4) labelled with the results' collation. */
    public List<ColumnDefinition> relabel(List<ColumnDefinition> columns, int textCharsetId) {
        List<ColumnDefinition> result = new ArrayList<>(columns.size());
        for (ColumnDefinition each : columns) {
            result.add(each.charset() != textCharsetId ? each : new ColumnDefinition(each.schema(), each.table(),
                    each.orgTable(), each.name(), each.orgName(), collationId, each.length(), each.type(), each.flags(),
                    each.decimals()));
        }
        return result;
    }

    /** Writes one text value (null: SQL NULL) in the results' character set. */
    public void write(ByteBuf out, String value) {
        if (value == null) {
            out.writeByte(Wire.NULL_COLUMN);
            return;
        }
        try {
            ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(value));
            Wire.writeLengthEncodedInt(out, bytes.remaining());
            out.writeBytes(bytes);
        } catch (CharacterCodingException e) {
            Wire.writeLengthEncodedBytes(out, value.getBytes(charset));
        }
    }
}
