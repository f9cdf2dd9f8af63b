package dev.doppel.server.sql.owned;

import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ColumnType;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.Wire;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineSql;
import dev.doppel.server.sql.translate.FoundRows;
import io.netty.buffer.ByteBuf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SELECT without FROM whose items are only literals, variables and session functions ({@code SELECT 1},
 * {@code SELECT @@version_comment LIMIT 1}, Connector/J's list of {@code @@session.x AS x}): answered by the
 * server itself, without a round trip through the engine. That is what clients send on connect and what
 * health checks send. Anything else returns false and goes to the engine.
 */
public final class LiteralSelect {
    private static final int UTF8MB4 = 255;

    private LiteralSelect() {
    }

    /**
     * Whether the statement has the shape this class answers, judged from the tokens alone: such a statement
     * never waits for anything, so it may run on the network thread (see CommandDispatcher#canRunInline).
     */
    public static boolean applies(String sql, List<Token> tokens) {
        return evaluate(sql, tokens, null, null, null);
    }

    public static boolean tryExecute(String sql, List<Token> tokens, Session session, int status, int warnings) {
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long[] limit = {-1};
        if (!evaluate(sql, tokens, session, values, names, limit)) {
            return false;
        }
        for (Token each : tokens) {
            if (each.isWord("FOUND_ROWS")) {
                FoundRows.warnFunction(session);
                warnings++;
            }
        }
        write(session.writer(), names, values, limit[0] != 0, status, warnings);
        session.foundRows(limit[0] != 0 ? 1 : 0);
        return true;
    }

    private static boolean evaluate(String sql, List<Token> tokens, Session session, List<Object> values,
                                    List<String> names) {
        return evaluate(sql, tokens, session, values, names, new long[1]);
    }

    /** Parses the statement and, with a session, computes its values and names; false when it does not apply. */
    private static boolean evaluate(String sql, List<Token> tokens, Session session, List<Object> values,
                                    List<String> names, long[] limitOut) {
        if (tokens.size() < 2 || !tokens.get(0).isWord("SELECT")) {
            return false;
        }
        int index = 1;
        long limit = -1;
        while (true) {
            int itemStart = index;
            if (index >= tokens.size()) {
                return false;
            }
            Object[] value = new Object[1];
            int consumed = value(tokens, index, session, value);
            if (consumed == 0) {
                return false;
            }
            index += consumed;
            String name = sql.substring(tokens.get(itemStart).start(), tokens.get(index - 1).end());
            if (consumed == 1 && tokens.get(itemStart).kind() == Token.Kind.STRING) {
                // MySQL names a string literal's column by its value
                name = tokens.get(itemStart).text();
            }
            if (index < tokens.size() && tokens.get(index).kind() == Token.Kind.STRING
                    && tokens.get(index - 1).kind() == Token.Kind.STRING) {
                return false; // 'a' 'b' is one literal, which the engine path joins
            }
            if (index < tokens.size() && tokens.get(index).isWord("AS")) {
                if (index + 1 >= tokens.size() || !isName(tokens.get(index + 1))) {
                    return false;
                }
                name = tokens.get(index + 1).text();
                index += 2;
            } else if (index < tokens.size() && isName(tokens.get(index)) && !tokens.get(index).isWord("LIMIT")
                    && !tokens.get(index).isWord("FROM")) {
                name = tokens.get(index).text();
                index++;
            }
            if (values != null) {
                values.add(value[0]);
                names.add(name);
            }
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
                continue;
            }
            break;
        }
        if (index + 1 < tokens.size() && tokens.get(index).isWord("LIMIT")
                && tokens.get(index + 1).kind() == Token.Kind.NUMBER && index + 2 == tokens.size()) {
            limit = Long.parseLong(tokens.get(index + 1).text());
            index += 2;
        }
        limitOut[0] = limit;
        return index == tokens.size();
    }

    private static boolean isName(Token token) {
        return token.isIdentifier() || token.kind() == Token.Kind.STRING;
    }

    /** The value at {@code index}; returns how many tokens it took, 0 when it is not a simple value. */
    private static int value(List<Token> tokens, int index, Session session, Object[] out) {
        Token token = tokens.get(index);
        switch (token.kind()) {
            case NUMBER -> {
                String text = token.text();
                if (text.length() <= 18 && Token.isDigits(text)) {
                    out[0] = Long.parseLong(text);
                    return 1;
                }
                return 0;
            }
            case STRING -> {
                out[0] = token.text();
                return 1;
            }
            case SYSTEM_VARIABLE -> {
                out[0] = session == null ? null : EngineSql.systemVariable(session, token.text());
                return 1;
            }
            case USER_VARIABLE -> {
                out[0] = session == null ? null : session.userVariables().get(token.text().toLowerCase(Locale.ROOT));
                return 1;
            }
            case WORD -> {
                if (token.isWord("NULL")) {
                    out[0] = null;
                    return 1;
                }
                return EngineSql.sessionFunctionValue(tokens, index, session, out);
            }
            default -> {
                return 0;
            }
        }
    }

    private static void write(ResponseWriter writer, List<String> names, List<Object> values, boolean withRow,
                              int status, int warnings) {
        List<ColumnDefinition> columns = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            columns.add(column(names.get(i), values.get(i)));
        }
        writer.columns(columns, status);
        if (withRow) {
            ByteBuf out = writer.beginRow();
            for (Object each : values) {
                if (each == null) {
                    out.writeByte(Wire.NULL_COLUMN);
                } else if (each instanceof BigDecimal decimal) {
                    Wire.writeLengthEncodedAscii(out, decimal.toPlainString());
                } else if (each instanceof Boolean bool) {
                    Wire.writeLengthEncodedAscii(out, bool ? "1" : "0");
                } else {
                    Wire.writeLengthEncodedAscii(out, each.toString());
                }
            }
            writer.endRow();
        }
        writer.endOfRows(status, warnings, null);
    }

    private static ColumnDefinition column(String name, Object value) {
        if (value == null) {
            return ColumnDefinition.computed(name, ColumnDefinition.BINARY_CHARSET, 0, ColumnType.NULL,
                    ColumnType.BINARY_FLAG, 0);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return ColumnDefinition.computed(name, ColumnDefinition.BINARY_CHARSET, 21, ColumnType.LONGLONG,
                    ColumnType.BINARY_FLAG | ColumnType.NUM_FLAG, 0);
        }
        if (value instanceof BigDecimal decimal) {
            return ColumnDefinition.computed(name, ColumnDefinition.BINARY_CHARSET, decimal.precision() + 2,
                    ColumnType.NEWDECIMAL, ColumnType.BINARY_FLAG | ColumnType.NUM_FLAG, Math.max(0, decimal.scale()));
        }
        if (value instanceof Double) {
            return ColumnDefinition.computed(name, ColumnDefinition.BINARY_CHARSET, 23, ColumnType.DOUBLE,
                    ColumnType.BINARY_FLAG | ColumnType.NUM_FLAG, 31);
        }
        long length = Math.max(1, value.toString().length()) * 4L;
        return ColumnDefinition.computed(name, UTF8MB4, length, ColumnType.VAR_STRING, 0, 31);
    }
}
