package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.SqlMode;
import dev.doppel.server.protocol.ClientText;
import dev.doppel.server.session.Session;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A string literal whose bytes are no text in the client's character set ({@link ClientText}) inserted into a text
 * column of {@code INSERT/REPLACE ... VALUES} or {@code UPDATE ... SET}: MySQL's 1366 "Incorrect string value" in strict mode, a warning
 * otherwise. Into a binary column the same literal is stored byte for byte. Statements without such a literal
 * (nearly all) cost one scan of their string tokens.
 */
final class InvalidTextLiterals {
    private static final int SHOWN_BYTES = 6;

    private InvalidTextLiterals() {
    }

    static void check(List<Token> tokens, Session session) {
        if (!hasRawLiteral(tokens)) {
            return;
        }
        if (tokens.get(0).isWord("UPDATE")) {
            checkUpdate(tokens, session);
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
        Map<String, Boolean> textColumns = new HashMap<>();
        List<String> order = new ArrayList<>();
        try {
            columns(session, schema, table, textColumns, order);
        } catch (SQLException e) {
            // the statement itself reports an unknown table
            return;
        }
        InsertValues.Literal bad = InsertValues.first(tokens, index + 1, literal -> {
            Token token = tokens.get(literal.index());
            if (token.kind() != Token.Kind.STRING || !ClientText.hasRawBytes(token.text())
                    || literal.index() > 0 && tokens.get(literal.index() - 1).text().startsWith("_")) {
                return false;
            }
            String column = literal.column() != null ? literal.column()
                    : literal.position() < order.size() ? order.get(literal.position()) : null;
            return column != null && textColumns.getOrDefault(column.toLowerCase(Locale.ROOT), false);
        });
        if (bad == null) {
            return;
        }
        String column = bad.column() != null ? bad.column() : order.get(bad.position());
        refuse(session, tokens.get(bad.index()).text(), column, bad.row());
    }

    /** UPDATE t SET c = 'literal', ...: the literals assigned to text columns of the one table updated. */
    private static void checkUpdate(List<Token> tokens, Session session) {
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
        Map<String, Boolean> textColumns = new HashMap<>();
        try {
            columns(session, schema, table, textColumns, new ArrayList<>());
        } catch (SQLException e) {
            return;
        }
        for (int i = index + 2; i + 2 < tokens.size() && !tokens.get(i).isWord("WHERE"); i++) {
            Token value = tokens.get(i + 2);
            if (tokens.get(i).isIdentifier() && tokens.get(i + 1).isSymbol("=") && value.kind() == Token.Kind.STRING
                    && ClientText.hasRawBytes(value.text())
                    && textColumns.getOrDefault(tokens.get(i).text().toLowerCase(Locale.ROOT), false)) {
                refuse(session, value.text(), tokens.get(i).text(), 1);
                return;
            }
        }
    }

    /** The table a statement names after its verb and {@code modifiers}: schema (the session's when unnamed), name, last token. */
    private record Target(String schema, String table, int last) {
        static Target after(List<Token> tokens, Session session, Set<String> modifiers) {
            int index = 1;
            while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                    && modifiers.contains(tokens.get(index).upper())) {
                index++;
            }
            if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
                return null;
            }
            if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
                return new Target(tokens.get(index).text(), tokens.get(index + 2).text(), index + 2);
            }
            return session.schema() == null ? null : new Target(session.schema(), tokens.get(index).text(), index);
        }
    }

    private static void refuse(Session session, String literal, String column, int row) {
        String shown = shown(literal);
        if ((session.variables().sqlModeBits() & (SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES)) != 0) {
            throw MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.exception("string", shown, column, row);
        }
        session.addWarning("Warning", 1366,
                MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.message("string", shown, column, row));
    }

    private static boolean hasRawLiteral(List<Token> tokens) {
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.STRING && ClientText.hasRawBytes(each.text())) {
                return true;
            }
        }
        return false;
    }

    private static void columns(Session session, String schema, String table, Map<String, Boolean> textColumns,
            List<String> order) throws SQLException {
        DatabaseMetaData metadata = session.engineConnection().getMetaData();
        try (ResultSet rows = metadata.getColumns(null, schema.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT),
                null)) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                int type = rows.getInt("DATA_TYPE");
                order.add(name);
                textColumns.put(name.toLowerCase(Locale.ROOT), type == Types.CHAR || type == Types.VARCHAR
                        || type == Types.LONGVARCHAR || type == Types.CLOB || type == Types.NCHAR
                        || type == Types.NVARCHAR || type == Types.NCLOB || type == Types.LONGNVARCHAR);
            }
        }
    }

    /** MySQL's form: from the first byte that is no character, up to 6 bytes, \xHH unless printable ASCII. */
    static String shown(String literal) {
        byte[] bytes = ClientText.utf8Bytes(literal);
        String valid = literal.substring(0, Math.max(0, ClientText.firstRawByte(literal)));
        int start = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
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
