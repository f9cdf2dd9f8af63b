package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * LOCK TABLES t [AS a] READ [LOCAL] | [LOW_PRIORITY] WRITE, ... and UNLOCK TABLES, as dump tools send them. The
 * tables are checked (1146 for a missing one, 1142 without SELECT) but no lock is taken: the engine's MVCC gives a
 * reader a consistent view and writers their row locks, so a dump and its reload get the same result. A session
 * relying on LOCK TABLES to keep others out while it works is not protected.
 */
public final class LockTablesStatement {
    private final Session session;

    public LockTablesStatement(Session session) {
        this.session = session;
    }

    public static boolean matches(List<Token> tokens) {
        return tokens.size() >= 2 && (tokens.get(0).isWord("LOCK") || tokens.get(0).isWord("UNLOCK"))
                && (tokens.get(1).isWord("TABLES") || tokens.get(1).isWord("TABLE"));
    }

    public void execute(String sql, List<Token> tokens) {
        if (tokens.get(0).isWord("UNLOCK")) {
            if (tokens.size() > 2) {
                throw Lexer.syntaxError(sql, tokens.get(2).start());
            }
            // it also ends FLUSH TABLES WITH READ LOCK, as in MySQL
            session.locks().releaseGlobalReadLock();
            return;
        }
        int index = 2;
        while (true) {
            if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            String schema = session.schema();
            String table = tokens.get(index).text();
            index++;
            if (index + 1 < tokens.size() && tokens.get(index).isSymbol(".")) {
                schema = table;
                table = tokens.get(index + 1).text();
                index += 2;
            }
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
            check(schema, table);
            if (index < tokens.size() && tokens.get(index).isWord("AS")) {
                index += 2;
            } else if (index < tokens.size() && tokens.get(index).isIdentifier() && !tokens.get(index).isWord("READ")
                    && !tokens.get(index).isWord("WRITE") && !tokens.get(index).isWord("LOW_PRIORITY")) {
                index++;
            }
            if (index < tokens.size() && tokens.get(index).isWord("READ")) {
                index++;
                if (index < tokens.size() && tokens.get(index).isWord("LOCAL")) {
                    index++;
                }
            } else if (index < tokens.size() && tokens.get(index).isWord("LOW_PRIORITY")
                    && index + 1 < tokens.size() && tokens.get(index + 1).isWord("WRITE")) {
                index += 2;
            } else if (index < tokens.size() && tokens.get(index).isWord("WRITE")) {
                index++;
            } else {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            if (index == tokens.size()) {
                return;
            }
            if (!tokens.get(index).isSymbol(",")) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
            index++;
        }
    }

    private void check(String schema, String table) {
        session.privileges().requireTable("SELECT", schema, table);
        try (var statement = session.engineConnection().prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw MySqlError.ER_NO_SUCH_TABLE.exception(schema, table);
                }
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, "LOCK TABLES", schema);
        }
    }
}
