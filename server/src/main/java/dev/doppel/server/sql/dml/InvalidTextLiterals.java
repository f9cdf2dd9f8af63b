package dev.doppel.server.sql.dml;

import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.variables.SqlMode;
import dev.doppel.server.protocol.ClientText;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A string literal whose bytes are no text in the client's character set ({@link ClientText}) inserted into a text
 * column of {@code INSERT/REPLACE ... VALUES} or {@code UPDATE ... SET}: MySQL's 1366 "Incorrect string value" in strict mode, a warning
 * otherwise. Into a binary column the same literal is stored byte for byte. Statements without such a literal
 * (nearly all) cost one scan of their string tokens.
 */
public final class InvalidTextLiterals {
    private static final int SHOWN_BYTES = 6;

    private InvalidTextLiterals() {
    }

    public static void check(List<Token> tokens, Session session) {
        check(tokens, session, null);
    }

    /**
     * The same for a prepared statement's parameters ({@code parameters} in the order of its ? marks): bytes that are
     * no UTF-8 bound to a text column (a driver's setBytes, or a string parameter whose bytes are no text).
     */
    public static void check(List<Token> tokens, Session session, Object[] parameters) {
        if (tokens.isEmpty()) {
            return;
        }
        Invalid invalid = new Invalid(tokens, parameters);
        if (!invalid.any()) {
            return;
        }
        if (parameters != null) {
            // a prepared statement gets here before its privileges are checked, and this reads the table's columns
            TableAccess.check(tokens, session);
        }
        if (tokens.get(0).isWord("UPDATE")) {
            checkUpdate(tokens, session, invalid);
            return;
        }
        if (!(tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))) {
            return;
        }
        Target target = Target.after(tokens, session, Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO"));
        if (target == null) {
            return;
        }
        String schema = target.schema();
        String table = target.table();
        int index = target.last();
        TableColumnKinds columns = TableColumnKinds.of(session::engineConnection, schema, table);
        if (columns == null) {
            return; // the statement itself reports an unknown table
        }
        List<String> order = columns.order();
        InsertValues.Literal bad = InsertValues.first(tokens, index + 1, literal -> {
            if (invalid.bytesAt(literal.index()) == null) {
                return false;
            }
            String column = literal.column() != null ? literal.column()
                    : literal.position() < order.size() ? order.get(literal.position()) : null;
            return column != null && columns.isText(column);
        });
        if (bad == null) {
            return;
        }
        String column = bad.column() != null ? bad.column() : order.get(bad.position());
        refuse(session, invalid.bytesAt(bad.index()), column, bad.row());
    }

    /** UPDATE t SET c = 'literal', ...: the literals assigned to text columns of the one table updated. */
    private static void checkUpdate(List<Token> tokens, Session session, Invalid invalid) {
        Target target = Target.after(tokens, session, Set.of("LOW_PRIORITY", "IGNORE"));
        if (target == null) {
            return;
        }
        String schema = target.schema();
        String table = target.table();
        int index = target.last();
        if (index + 1 >= tokens.size() || !tokens.get(index + 1).isWord("SET")) {
            return;
        }
        TableColumnKinds columns = TableColumnKinds.of(session::engineConnection, schema, table);
        if (columns == null) {
            return;
        }
        for (int i = index + 2; i + 2 < tokens.size() && !tokens.get(i).isWord("WHERE"); i++) {
            byte[] value = invalid.bytesAt(i + 2);
            if (value != null && tokens.get(i).isIdentifier() && tokens.get(i + 1).isSymbol("=")
                    && columns.isText(tokens.get(i).text())) {
                refuse(session, value, tokens.get(i).text(), 1);
                return;
            }
        }
    }

    /** The table a statement names after its verb and {@code modifiers}: schema (the session's when unnamed), name, last token. */
    record Target(String schema, String table, int last) {
        static Target after(List<Token> tokens, Session session, Set<String> modifiers) {
            int index = 1;
            while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                    && modifiers.contains(tokens.get(index).upper())) {
                index++;
            }
            if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
                return null;
            }
            QualifiedName name = QualifiedName.at(tokens, index);
            String schema = name.qualifierOr(session.schema());
            return schema == null ? null : new Target(schema, name.name(), name.next() - 1);
        }
    }

    private static void refuse(Session session, byte[] value, String column, int row) {
        String shown = shown(value);
        if ((session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0) {
            throw MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.exception("string", shown, column, row);
        }
        session.addWarning("Warning", 1366,
                MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.message("string", shown, column, row));
    }

    /** Where the statement holds bytes that are no UTF-8: string literals (not _binary etc.) and bound parameters. */
    private static final class Invalid {
        private final Map<Integer, byte[]> byToken = new HashMap<>();

        Invalid(List<Token> tokens, Object[] parameters) {
            int parameter = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() == Token.Kind.STRING && ClientText.hasRawBytes(token.text())
                        && !(i > 0 && tokens.get(i - 1).text().startsWith("_") && !tokens.get(i - 1).isWord("_binary"))) {
                    byToken.put(i, ClientText.utf8Bytes(token.text()));
                } else if (isHexLiteral(tokens, i)) {
                    byte[] bytes = hexBytes(token.kind() == Token.Kind.NUMBER ? token.text().substring(2) : token.text());
                    if (bytes != null && ClientText.hasRawBytes(ClientText.decode(bytes, StandardCharsets.UTF_8))) {
                        byToken.put(i, bytes);
                        if (token.kind() == Token.Kind.STRING) {
                            // UPDATE ... SET c = x'..' names the value by its first token
                            byToken.put(i - 1, bytes);
                        }
                    }
                } else if (token.kind() == Token.Kind.PARAMETER) {
                    Object value = parameters == null || parameter >= parameters.length ? null : parameters[parameter];
                    parameter++;
                    if (value instanceof byte[] bytes
                            && ClientText.hasRawBytes(ClientText.decode(bytes, StandardCharsets.UTF_8))) {
                        byToken.put(i, bytes);
                    }
                }
            }
        }

        /** X'hex' (the quoted part) or 0xhex: a binary string, which MySQL checks like any into a text column. */
        private static boolean isHexLiteral(List<Token> tokens, int i) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.NUMBER) {
                return token.text().startsWith("0x") || token.text().startsWith("0X");
            }
            return token.kind() == Token.Kind.STRING && i > 0 && (tokens.get(i - 1).isWord("X"))
                    && tokens.get(i - 1).end() == token.start();
        }

        private static byte[] hexBytes(String hex) {
            try {
                return java.util.HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean any() {
            return !byToken.isEmpty();
        }

        /** The bytes of the literal or parameter at token {@code index}, when they are no UTF-8; otherwise null. */
        byte[] bytesAt(int index) {
            return byToken.get(index);
        }
    }

    /** MySQL's form: from the first byte that is no character, up to 6 bytes, \xHH unless printable ASCII. */
    public static String shown(byte[] bytes) {
        String decoded = ClientText.decode(bytes, StandardCharsets.UTF_8);
        int start = decoded.substring(0, Math.max(0, ClientText.firstRawByte(decoded)))
                .getBytes(StandardCharsets.UTF_8).length;
        StringBuilder result = new StringBuilder();
        for (int i = start; i < bytes.length && i < start + SHOWN_BYTES; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                result.append((char) b);
            } else {
                result.append(String.format("\\x%02X", b));
            }
        }
        if (bytes.length > start + SHOWN_BYTES) {
            result.append("...");
        }
        return result.toString();
    }
}
