package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * CREATE DATABASE / SCHEMA [IF NOT EXISTS] name [[DEFAULT] CHARACTER SET | COLLATE ...],
 * ALTER DATABASE / SCHEMA [name] [[DEFAULT] CHARACTER SET | COLLATE | ENCRYPTION ...] [READ ONLY [=] 0 | 1 | DEFAULT]
 * and DROP DATABASE / SCHEMA [IF EXISTS] name: a MySQL database is a schema of the engine. They need CREATE, ALTER or
 * DROP on the database (globally or for that name), else 1044. A read-only schema (catalog.SchemaOptions) can only
 * be altered to leave that state, and not dropped (3989).
 */
public final class DatabaseStatement {
    private final Session session;

    public DatabaseStatement(Session session) {
        this.session = session;
    }

    public static boolean matches(List<Token> tokens) {
        return tokens.size() > 2 && (tokens.get(1).isWord("DATABASE") || tokens.get(1).isWord("SCHEMA"));
    }

    /** Returns the number of affected rows MySQL reports (1 for a created database, tables dropped otherwise). */
    public long execute(String sql, List<Token> tokens) {
        if (tokens.get(0).isWord("ALTER")) {
            return alter(sql, tokens);
        }
        boolean create = tokens.get(0).isWord("CREATE");
        int index = 2;
        boolean conditional = false;
        if (create && tokens.size() > index + 2 && tokens.get(index).isWord("IF") && tokens.get(index + 1).isWord("NOT")
                && tokens.get(index + 2).isWord("EXISTS")) {
            conditional = true;
            index += 3;
        } else if (!create && tokens.size() > index + 1 && tokens.get(index).isWord("IF")
                && tokens.get(index + 1).isWord("EXISTS")) {
            conditional = true;
            index += 2;
        }
        if (index >= tokens.size() || !(tokens.get(index).isIdentifier() || tokens.get(index).kind() == Token.Kind.STRING)) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        String name = tokens.get(index).text();
        if (create) {
            checkOptions(sql, tokens, index + 1);
        } else if (index + 1 < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index + 1).start());
        }
        // as in MySQL, the privilege is checked before the database's existence (1044, not 1007/1008)
        session.privileges().requireDatabase(create ? "CREATE" : "DROP", name);
        boolean exists = session.server().schemaExists(name);
        if (create && exists) {
            if (conditional) {
                session.addWarning("Note", 1007, MySqlError.ER_DB_CREATE_EXISTS.message(name));
                return 1;
            }
            throw MySqlError.ER_DB_CREATE_EXISTS.exception(name);
        }
        if (!create && !exists) {
            if (conditional) {
                session.addWarning("Note", 1008, MySqlError.ER_DB_DROP_EXISTS.message(name));
                return 0;
            }
            throw MySqlError.ER_DB_DROP_EXISTS.exception(name);
        }
        if (!create && isSystemSchema(name)) {
            throw MySqlError.ER_DBACCESS_DENIED_ERROR.exception(session.user(), session.host(), name);
        }
        if (!create) {
            session.server().schemaOptions().requireWritable(name);
        }
        String quoted = "`" + name.replace("`", "``") + "`";
        long tables = 0;
        try (Statement statement = session.engineConnection().createStatement()) {
            if (!create) {
                tables = tableCount(name);
            }
            statement.execute(create ? "CREATE SCHEMA " + quoted : "DROP SCHEMA " + quoted + " CASCADE");
            if (!create) {
                dev.doppel.server.catalog.ColumnTypeRegistry.dropSchema(session.engineConnection(), name);
                dev.doppel.server.catalog.FulltextIndexes.dropSchema(session.engineConnection(), name);
                dev.doppel.server.catalog.partitions.TablePartitions.dropSchema(session.engineConnection(), name);
                session.server().routines().dropDatabase(name); // its procedures, functions and triggers go with it
                session.server().triggers().tableDropped(name, null);
                session.server().events().dropDatabase(name);
                session.server().schemaOptions().dropped(name);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        } finally {
            session.server().schemasChanged();
            UnsignedColumns.current().changed();
        }
        if (!create && name.equalsIgnoreCase(session.schema())) {
            session.dropCurrentSchema();
        }
        return create ? 1 : tables;
    }

    /** ALTER DATABASE: the options are read, and READ ONLY kept; MySQL reports one row affected. */
    private long alter(String sql, List<Token> tokens) {
        int index = 2;
        String name = null;
        if (index < tokens.size() && !isOptionStart(tokens.get(index))
                && (tokens.get(index).isIdentifier() || tokens.get(index).kind() == Token.Kind.STRING)) {
            name = tokens.get(index++).text();
        }
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Boolean readOnly = null;
        while (index < tokens.size()) {
            if (!tokens.get(index).isWord("READ")) {
                index = option(sql, tokens, index);
                continue;
            }
            int value = index + 1 < tokens.size() && tokens.get(index + 1).isWord("ONLY") ? index + 2 : -1;
            if (value > 0 && value < tokens.size() && tokens.get(value).isSymbol("=")) {
                value++;
            }
            Token setting = value > 0 && value < tokens.size() ? tokens.get(value) : null;
            if (setting == null || !(setting.isWord("DEFAULT") || setting.kind() == Token.Kind.NUMBER
                    && (setting.text().equals("0") || setting.text().equals("1")))) {
                throw Lexer.syntaxError(sql, setting == null ? sql.length() : setting.start());
            }
            readOnly = setting.text().equals("1");
            index = value + 1;
        }
        if (name == null) {
            name = session.schema();
            if (name == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
        }
        session.privileges().requireDatabase("ALTER", name);
        if (readOnly != null && (isSystemSchema(name) || name.equalsIgnoreCase("sys"))) {
            throw MySqlError.ER_NO_SYSTEM_SCHEMA_ACCESS.exception(name);
        }
        if (!session.server().schemaExists(name)) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(name);
        }
        if (readOnly == null) {
            session.server().schemaOptions().requireWritable(name);
        } else {
            session.server().schemaOptions().setReadOnly(name, readOnly);
        }
        return 1;
    }

    private static boolean isOptionStart(Token token) {
        return token.isWord("DEFAULT") || token.isWord("CHARACTER") || token.isWord("CHARSET")
                || token.isWord("COLLATE") || token.isWord("ENCRYPTION") || token.isWord("READ");
    }

    /** DROP DATABASE reports the number of tables it dropped. */
    private long tableCount(String name) throws SQLException {
        try (PreparedStatement statement = session.engineConnection().prepareStatement("SELECT COUNT(*) FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = LOWER(?)")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void checkOptions(String sql, List<Token> tokens, int index) {
        while (index < tokens.size()) {
            index = option(sql, tokens, index);
        }
    }

    /** Reads the CHARACTER SET, COLLATE or ENCRYPTION option (or DEFAULT before one) at {@code index}. */
    private static int option(String sql, List<Token> tokens, int index) {
        Token token = tokens.get(index);
        int next;
        if (token.isWord("DEFAULT")) {
            next = index + 1;
        } else if (token.isWord("CHARACTER") && index + 1 < tokens.size() && tokens.get(index + 1).isWord("SET")) {
            next = index + (tokens.size() > index + 2 && tokens.get(index + 2).isSymbol("=") ? 4 : 3);
        } else if (token.isWord("CHARSET") || token.isWord("COLLATE") || token.isWord("ENCRYPTION")) {
            next = index + (tokens.size() > index + 1 && tokens.get(index + 1).isSymbol("=") ? 3 : 2);
        } else {
            throw Lexer.syntaxError(sql, token.start());
        }
        if (next > tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        return next;
    }

    private static boolean isSystemSchema(String name) {
        return name.equalsIgnoreCase("mysql") || name.equalsIgnoreCase("information_schema")
                || name.equalsIgnoreCase("performance_schema");
    }
}
