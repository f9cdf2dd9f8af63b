package dev.doppel.server.engine.binary;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.MySqlCharset;
import org.h2.value.Value;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/**
 * MySQL's {@code CHAR(n, ... [USING charset])}: each argument is an unsigned 32-bit integer whose bytes, without the
 * leading zero bytes, go into the result (CHAR(256) is 0x0100); NULL arguments are skipped. Without USING the result
 * is a binary string; with it, the bytes read in that character set, or NULL where they are not valid in it.
 */
public final class MySqlCharFunction {
    private MySqlCharFunction() {
    }

    public static byte[] bytesOf(Value... codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Value code : codes) {
            if (code == null || code == org.h2.value.ValueNull.INSTANCE) {
                continue;
            }
            int value = (int) integer(code);
            boolean started = false;
            for (int shift = 24; shift >= 0; shift -= 8) {
                int each = (value >>> shift) & 0xFF;
                if (each != 0 || started || shift == 0) {
                    out.write(each);
                    started = true;
                }
            }
        }
        return out.toByteArray();
    }

    public static String textOf(String charsetName, Value... codes) {
        MySqlCharset charset = Charsets.charset(charsetName)
                .orElseThrow(() -> MySqlError.ER_UNKNOWN_CHARACTER_SET.exception(charsetName));
        try {
            return charset.javaCharset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytesOf(codes))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The argument as MySQL's integer: numbers rounded half away from zero, strings by their numeric prefix, binary
     * strings (how the engine holds 0x.. and X'..') by their bytes.
     */
    private static long integer(Value code) {
        if (code.getValueType() == Value.VARBINARY || code.getValueType() == Value.BINARY) {
            long value = 0;
            for (byte each : code.getBytesNoCopy()) {
                value = value << 8 | each & 0xFF;
            }
            return value;
        }
        if (code.getValueType() == Value.VARCHAR || code.getValueType() == Value.CHAR
                || code.getValueType() == Value.VARCHAR_IGNORECASE) {
            return prefixNumber(code.getString());
        }
        try {
            return code.getBigDecimal().setScale(0, RoundingMode.HALF_UP).longValue();
        } catch (RuntimeException e) {
            return prefixNumber(code.getString());
        }
    }

    private static long prefixNumber(String text) {
        String trimmed = text.strip();
        int end = 0;
        while (end < trimmed.length() && (Character.isDigit(trimmed.charAt(end)) || end == 0
                && (trimmed.charAt(end) == '-' || trimmed.charAt(end) == '+') || trimmed.charAt(end) == '.')) {
            end++;
        }
        try {
            return new BigDecimal(trimmed.substring(0, end)).setScale(0, RoundingMode.HALF_UP).longValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
