package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.List;
import java.util.Set;

/**
 * The first wall's statement allowlist: which statements the engine may run, decided from what the statement is. The
 * server runs its own statements (SET, SHOW, accounts, DDL of databases and tables, ...) before this; of the rest,
 * only MySQL's query and data-change statements and view DDL go on to the engine. A MySQL statement Doppel does not
 * run yet gets 1235, anything else 1064, as MySQL's parser answers it (docs/security.md).
 */
public final class EngineStatementKinds {
    /** The first words of the statements that reach the engine. */
    private static final Set<String> ENGINE = Set.of("SELECT", "WITH", "(", "TABLE", "VALUES", "INSERT", "REPLACE",
            "UPDATE", "DELETE", "TRUNCATE", "EXPLAIN", "DESCRIBE", "DESC");
    /** Objects of CREATE, ALTER and DROP that reach the engine when the server does not run the statement itself. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("VIEW");
    /** MySQL 8.4 statements, by first word, that Doppel does not run yet. */
    private static final Set<String> MYSQL_NOT_YET = Set.of("ANALYZE", "BINLOG", "CACHE", "CHANGE", "CHECK",
            "CHECKSUM", "FLUSH", "GET", "HANDLER", "HELP", "IMPORT", "OPTIMIZE", "PURGE", "REPAIR", "RESET",
            "RESTART", "START", "STOP", "XA");
    /** MySQL 8.4's objects of CREATE, ALTER and DROP that Doppel does not have yet. */
    private static final Set<String> MYSQL_OBJECTS_NOT_YET = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT",
            "ROLE", "SERVER", "TABLESPACE", "LOGFILE", "RESOURCE", "SPATIAL", "UNDO", "INSTANCE", "AGGREGATE",
            "DATABASE", "SCHEMA");

    private EngineStatementKinds() {
    }

    /** Throws MySQL's error for a statement the engine must not run; {@code schema} is the current database or null. */
    public static void check(String sql, List<Token> tokens, String schema) {
        Token first = tokens.get(0);
        String word = first.kind() == Token.Kind.WORD ? first.upper() : first.isSymbol("(") ? "(" : "";
        if (ENGINE.contains(word)) {
            List<Token> statement = word.equals("EXPLAIN") || word.equals("DESCRIBE") || word.equals("DESC")
                    ? explained(tokens) : tokens;
            if (word.equals("TRUNCATE")) {
                StatementParser.parseTableStatement(sql, tokens);
            } else if (!StatementParser.parses(statement)) {
                checkSelectList(sql, tokens);
            }
            FunctionAllowlist.check(sql, statement, schema);
            return;
        }
        switch (word) {
            case "CREATE", "ALTER", "DROP" -> checkObject(sql, tokens, word, schema);
            case "CALL" -> throw call(sql, tokens, schema);
            default -> {
                if (MYSQL_NOT_YET.contains(word)) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.exception(statementName(tokens, 2));
                }
                throw Lexer.syntaxError(sql, first.start());
            }
        }
    }

    /** The statement EXPLAIN [ANALYZE] [FORMAT = f] explains (the tokens themselves when there is none). */
    private static List<Token> explained(List<Token> tokens) {
        int index = 1;
        if (index < tokens.size() && (tokens.get(index).isWord("ANALYZE") || tokens.get(index).isWord("EXTENDED")
                || tokens.get(index).isWord("PARTITIONS"))) {
            index++;
        }
        if (index + 2 < tokens.size() && tokens.get(index).isWord("FORMAT") && tokens.get(index + 1).isSymbol("=")) {
            index += 3;
        }
        return index < tokens.size() ? tokens.subList(index, tokens.size()) : tokens;
    }

    /**
     * A SELECT needs something to select: the engine takes {@code SELECT} and {@code SELECT FROM t} as queries of no
     * columns, whose result no MySQL client can read (found by ProtocolFuzzIT); MySQL's parser says 1064.
     */
    public static void checkSelectList(String sql, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("SELECT")) {
                continue;
            }
            int next = i + 1;
            while (next < tokens.size() && tokens.get(next).kind() == Token.Kind.WORD
                    && SELECT_MODIFIERS.contains(tokens.get(next).upper())) {
                next++;
            }
            if (next >= tokens.size() || tokens.get(next).isSymbol(")") || tokens.get(next).isSymbol(";")
                    || tokens.get(next).kind() == Token.Kind.WORD && NOT_AN_EXPRESSION.contains(tokens.get(next).upper())) {
                throw Lexer.syntaxError(sql, next < tokens.size() ? tokens.get(next).start() : sql.length());
            }
        }
    }

    private static final Set<String> SELECT_MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS");
    private static final Set<String> NOT_AN_EXPRESSION = Set.of("FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "INTO", "FOR", "WINDOW");

    /** CREATE [OR REPLACE] [ALGORITHM = a] [DEFINER = user] [SQL SECURITY s] object ...: what is the object. */
    private static void checkObject(String sql, List<Token> tokens, String verb, String schema) {
        int index = 1;
        if (verb.equals("CREATE") && index + 1 < tokens.size() && tokens.get(index).isWord("OR")
                && tokens.get(index + 1).isWord("REPLACE")) {
            index += 2;
        }
        if (!verb.equals("DROP")) {
            index = afterViewOptions(tokens, index);
        }
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.WORD) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        String object = tokens.get(index).upper();
        if (ENGINE_OBJECTS.contains(object)) {
            StatementParser.parseTableStatement(sql, tokens);
            FunctionAllowlist.check(sql, tokens, schema);
            List<Token> body = verb.equals("DROP") ? null : DdlExpressions.viewQuery(tokens, index);
            if (body != null) {
                // a view's body is a query: parsed, so that no form MySQL lacks is stored to be run at every read
                if (!StatementParser.parses(body)) {
                    throw Lexer.syntaxError(sql, body.get(0).start());
                }
                FunctionAllowlist.check(sql, body, schema);
            }
            return;
        }
        if (MYSQL_OBJECTS_NOT_YET.contains(object)) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception(verb + " " + object);
        }
        throw Lexer.syntaxError(sql, tokens.get(index).start());
    }

    /** Skips ALGORITHM = x, DEFINER = user and SQL SECURITY x, which come before VIEW, TRIGGER, PROCEDURE, ... */
    private static int afterViewOptions(List<Token> tokens, int index) {
        while (index + 2 < tokens.size()) {
            Token option = tokens.get(index);
            if (option.isWord("ALGORITHM") && tokens.get(index + 1).isSymbol("=")) {
                index += 3;
            } else if (option.isWord("SQL") && tokens.get(index + 1).isWord("SECURITY")) {
                index += 3;
            } else if (option.isWord("DEFINER") && tokens.get(index + 1).isSymbol("=")) {
                index += 2;
                // the user: 'name'@'host', name@host, CURRENT_USER or CURRENT_USER()
                while (index < tokens.size() && !(tokens.get(index).kind() == Token.Kind.WORD
                        && (tokens.get(index).isWord("SQL") || MYSQL_OBJECTS_NOT_YET.contains(tokens.get(index).upper())
                        || ENGINE_OBJECTS.contains(tokens.get(index).upper())))) {
                    index++;
                }
            } else {
                break;
            }
        }
        return index;
    }

    /** CALL name(...) is MySQL's, for a procedure Doppel cannot have yet; anything else after CALL is not MySQL. */
    private static RuntimeException call(String sql, List<Token> tokens, String schema) {
        if (tokens.size() < 2 || !tokens.get(1).isIdentifier()) {
            return Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
        }
        if (tokens.size() > 3 && tokens.get(2).isSymbol(".") && tokens.get(3).isIdentifier()) {
            return MySqlError.ER_SP_DOES_NOT_EXIST.exception("PROCEDURE",
                    tokens.get(1).text() + "." + tokens.get(3).text());
        }
        if (schema == null) {
            return MySqlError.ER_NO_DB_ERROR.exception();
        }
        return MySqlError.ER_SP_DOES_NOT_EXIST.exception("PROCEDURE", schema + "." + tokens.get(1).text());
    }

    private static String statementName(List<Token> tokens, int words) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < Math.min(words, tokens.size()) && tokens.get(i).kind() == Token.Kind.WORD; i++) {
            name.append(i == 0 ? "" : " ").append(tokens.get(i).upper());
        }
        return name.toString();
    }
}
