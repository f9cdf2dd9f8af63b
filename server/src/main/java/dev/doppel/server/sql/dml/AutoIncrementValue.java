package dev.doppel.server.sql.dml;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Whether an INSERT gave its AUTO_INCREMENT column a value itself. The engine returns that column's values as
 * generated keys either way; MySQL's insert id (OK packet, LAST_INSERT_ID()) only counts values it generated,
 * which it does for NULL, 0 and DEFAULT. Judged on the first row's literal; a ? parameter counts as generated.
 */
public final class AutoIncrementValue {
    private AutoIncrementValue() {
    }

    /**
     * The insert id an INSERT generated, from the engine's generated keys positioned on their first row: 0 when
     * the statement gave the value itself, or when the key the engine returns is not an integer (without an
     * identity column it returns the primary key, e.g. a CHAR one, which is no insert id).
     */
    public static long generated(ResultSet keys, List<Token> tokens, Session session) throws SQLException {
        int type = keys.getMetaData().getColumnType(1);
        // BIGINT UNSIGNED is a NUMERIC(20) to the engine (catalog.UnsignedType)
        boolean unsignedBigint = (type == java.sql.Types.NUMERIC || type == java.sql.Types.DECIMAL)
                && keys.getMetaData().getScale(1) == 0;
        boolean integral = type == java.sql.Types.BIGINT || type == java.sql.Types.INTEGER
                || type == java.sql.Types.SMALLINT || type == java.sql.Types.TINYINT || unsignedBigint;
        if (!integral || given(tokens, keys.getMetaData().getColumnName(1), session)) {
            return 0;
        }
        // an id past 2^63 keeps its 64 bits, as MySQL's unsigned LAST_INSERT_ID() does
        return unsignedBigint ? keys.getBigDecimal(1).toBigInteger().longValue() : keys.getLong(1);
    }

    static boolean given(List<Token> tokens, String column, Session session) throws SQLException {
        int index = 1;
        while (index < tokens.size() && !tokens.get(index).isWord("INTO") && !tokens.get(index).isIdentifier()) {
            index++;
        }
        while (index < tokens.size() && (tokens.get(index).isWord("INTO") || tokens.get(index).isWord("IGNORE"))) {
            index++;
        }
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            return false;
        }
        QualifiedName target = QualifiedName.at(tokens, index);
        String schema = target.qualifierOr(session.schema());
        String table = target.name();
        index = target.next();
        int position;
        if (index < tokens.size() && tokens.get(index).isSymbol("(")) {
            position = -1;
            int count = 0;
            for (index++; index < tokens.size() && !tokens.get(index).isSymbol(")"); index++) {
                if (tokens.get(index).isIdentifier()) {
                    if (tokens.get(index).text().equalsIgnoreCase(column)) {
                        position = count;
                    }
                    count++;
                }
            }
            index++;
            if (position < 0) {
                return false;
            }
        } else {
            position = ordinal(session, schema, table, column);
            if (position < 0) {
                return false;
            }
        }
        if (index >= tokens.size() || !(tokens.get(index).isWord("VALUES") || tokens.get(index).isWord("VALUE"))
                || index + 1 >= tokens.size() || !tokens.get(index + 1).isSymbol("(")) {
            return false;
        }
        int depth = 0;
        int current = 0;
        int start = -1;
        for (int i = index + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth == 0) {
                    break;
                }
            } else if (depth == 1 && token.isSymbol(",")) {
                current++;
            } else if (depth == 1 && current == position && start < 0) {
                start = i;
            }
        }
        if (start < 0) {
            return false;
        }
        Token value = tokens.get(start);
        boolean generated = value.isWord("NULL") || value.isWord("DEFAULT") || value.kind() == Token.Kind.PARAMETER
                || (value.kind() == Token.Kind.NUMBER && value.text().matches("0+"));
        return !generated;
    }

    /** The 0-based position of {@code column} in the table, or -1. */
    private static int ordinal(Session session, String schema, String table, String column) throws SQLException {
        if (schema == null) {
            return -1;
        }
        try (ResultSet rows = session.engineConnection().getMetaData().getColumns(null,
                schema.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT))) {
            return rows.next() ? rows.getInt("ORDINAL_POSITION") - 1 : -1;
        }
    }
}
