package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The notes MySQL leaves when IF [NOT] EXISTS makes a table statement a no-op: 1050 for CREATE TABLE IF NOT
 * EXISTS of an existing table, 1051 for each missing table of DROP TABLE IF EXISTS.
 */
public final class TableExistenceNotes {
    private TableExistenceNotes() {
    }

    public static void add(List<Token> tokens, Session session) throws SQLException {
        if (tokens.size() < 5 || !tokens.get(1).isWord("TABLE") || !tokens.get(2).isWord("IF")) {
            return;
        }
        if (tokens.get(0).isWord("CREATE") && tokens.get(3).isWord("NOT") && tokens.get(4).isWord("EXISTS")) {
            Name name = name(tokens, 5, session);
            if (name != null && name.schema() != null && exists(session, name)) {
                session.addWarning("Note", MySqlError.ER_TABLE_EXISTS_ERROR.number(),
                        MySqlError.ER_TABLE_EXISTS_ERROR.message(name.table()));
            }
        } else if (tokens.get(0).isWord("DROP") && tokens.get(3).isWord("EXISTS")) {
            for (int index = 4; index < tokens.size(); ) {
                Name name = name(tokens, index, session);
                if (name == null) {
                    return;
                }
                if (name.schema() != null && !exists(session, name)) {
                    session.addWarning("Note", MySqlError.ER_BAD_TABLE_ERROR.number(),
                            MySqlError.ER_BAD_TABLE_ERROR.message(name.schema() + "." + name.table()));
                }
                index = name.next();
                if (index < tokens.size() && !tokens.get(index).isSymbol(",")) {
                    return;
                }
                index++;
            }
        }
    }

    private record Name(String schema, String table, int next) {
    }

    private static Name name(List<Token> tokens, int index, Session session) {
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            return null;
        }
        if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
            return new Name(tokens.get(index).text(), tokens.get(index + 2).text(), index + 3);
        }
        return new Name(session.schema(), tokens.get(index).text(), index + 1);
    }

    private static boolean exists(Session session, Name name) throws SQLException {
        try (ResultSet rows = session.engineConnection().getMetaData().getTables(null,
                name.schema().toLowerCase(Locale.ROOT), name.table().toLowerCase(Locale.ROOT), null)) {
            return rows.next();
        }
    }
}
