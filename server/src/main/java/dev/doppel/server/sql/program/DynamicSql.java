package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL's own prepared statements: PREPARE name FROM 'text' | @var, EXECUTE name [USING @a, ...] and
 * {DEALLOCATE | DROP} PREPARE name. The text is checked when prepared; each EXECUTE puts the user variables' values
 * in the places of its ? markers and runs it as the client's statement (inside a procedure too).
 */
public final class DynamicSql {
    /** Runs a statement as the session runs any, with the given more-results flag. */
    @FunctionalInterface
    public interface Runner {
        void run(String sql, List<Token> tokens, int moreFlag);
    }

    /** Checks a statement's text as its kind is checked before it runs (1064 for one that is not MySQL's). */
    @FunctionalInterface
    public interface Checker {
        void check(String sql, List<Token> tokens);
    }

    private record Prepared(String sql, int parameters) {
    }

    private final Session session;
    private final Map<String, Prepared> prepared = new HashMap<>();

    public DynamicSql(Session session) {
        this.session = session;
    }

    /** PREPARE name FROM text. */
    public void prepare(String sql, List<Token> tokens, Checker checker) {
        if (tokens.size() != 4 || !tokens.get(1).isIdentifier() || !tokens.get(2).isWord("FROM")) {
            throw Lexer.syntaxError(sql, tokens.get(Math.min(tokens.size() - 1, 2)).start());
        }
        Token source = tokens.get(3);
        String text;
        if (source.kind() == Token.Kind.STRING) {
            text = source.text();
        } else if (source.kind() == Token.Kind.USER_VARIABLE) {
            Object value = session.userVariables().get(source.text().toLowerCase(Locale.ROOT));
            text = value == null ? "NULL" : ProgramLiterals.text(value);
        } else {
            throw Lexer.syntaxError(sql, source.start());
        }
        String name = tokens.get(1).text().toLowerCase(Locale.ROOT);
        prepared.remove(name);
        List<Token> statement = Lexer.tokenize(text);
        if (!statement.isEmpty() && statement.get(statement.size() - 1).isSymbol(";")) {
            statement = statement.subList(0, statement.size() - 1);
        }
        if (statement.isEmpty()) {
            throw MySqlError.ER_EMPTY_QUERY.exception();
        }
        Token first = statement.get(0);
        if (first.isWord("PREPARE") || first.isWord("EXECUTE") || first.isWord("DEALLOCATE")
                || RoutineStatements.definesProgram(statement)) {
            throw MySqlError.ER_UNSUPPORTED_PS.exception();
        }
        checker.check(text, statement);
        int parameters = 0;
        for (Token each : statement) {
            if (each.kind() == Token.Kind.PARAMETER) {
                parameters++;
            }
        }
        prepared.put(name, new Prepared(SqlText.slice(text, statement).sql(), parameters));
    }

    /** EXECUTE name [USING @a, ...]. */
    public void execute(String sql, List<Token> tokens, int moreFlag, Runner runner) {
        if (tokens.size() < 2 || !tokens.get(1).isIdentifier()) {
            throw Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
        }
        Prepared statement = prepared.get(tokens.get(1).text().toLowerCase(Locale.ROOT));
        if (statement == null) {
            throw MySqlError.ER_UNKNOWN_STMT_HANDLER.exception(tokens.get(1).text(), "EXECUTE");
        }
        List<Object> values = new java.util.ArrayList<>();
        if (tokens.size() > 2) {
            if (!tokens.get(2).isWord("USING")) {
                throw Lexer.syntaxError(sql, tokens.get(2).start());
            }
            for (int i = 3; i < tokens.size(); i += 2) {
                Token variable = tokens.get(i);
                if (variable.kind() != Token.Kind.USER_VARIABLE
                        || i + 1 < tokens.size() && !tokens.get(i + 1).isSymbol(",")) {
                    throw Lexer.syntaxError(sql, variable.start());
                }
                values.add(session.userVariables().get(variable.text().toLowerCase(Locale.ROOT)));
            }
        }
        if (values.size() != statement.parameters()) {
            throw MySqlError.ER_WRONG_ARGUMENTS.exception("EXECUTE");
        }
        List<Token> parts = Lexer.tokenize(statement.sql());
        StringBuilder text = new StringBuilder();
        int copied = 0;
        int next = 0;
        for (Token each : parts) {
            if (each.kind() == Token.Kind.PARAMETER) {
                text.append(statement.sql(), copied, each.start());
                ProgramLiterals.append(text, values.get(next++));
                copied = each.end();
            }
        }
        text.append(statement.sql(), copied, statement.sql().length());
        String substituted = text.toString();
        runner.run(substituted, Lexer.tokenize(substituted), moreFlag);
    }

    /** DEALLOCATE PREPARE name, DROP PREPARE name. */
    public void deallocate(String sql, List<Token> tokens) {
        if (tokens.size() != 3 || !tokens.get(1).isWord("PREPARE") || !tokens.get(2).isIdentifier()) {
            throw Lexer.syntaxError(sql, tokens.get(Math.min(tokens.size() - 1, 1)).start());
        }
        if (prepared.remove(tokens.get(2).text().toLowerCase(Locale.ROOT)) == null) {
            throw MySqlError.ER_UNKNOWN_STMT_HANDLER.exception(tokens.get(2).text(), "DEALLOCATE PREPARE");
        }
    }
}
