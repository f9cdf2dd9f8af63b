package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.program.parse.DeclaredType;
import dev.doppel.server.sql.program.parse.ProgramParser;
import dev.doppel.server.sql.program.parse.ProgramStatement;
import dev.doppel.server.sql.program.parse.ProgramWalk;
import dev.doppel.server.sql.program.parse.TypeReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE [DEFINER = user] PROCEDURE | FUNCTION [IF NOT EXISTS] [db.]name (parameters) [RETURNS type]
 * [characteristic ...] body, read as MySQL's grammar reads it. The body is parsed too, so that a program that
 * cannot run is refused when it is created, as MySQL refuses it.
 */
public record RoutineHeader(String type, String schema, String name, boolean ifNotExists, String definerUser,
                     String definerHost, boolean definerGiven, List<Parameter> parameters, String parameterText,
                     DeclaredType returns, boolean invoker, String dataAccess, boolean deterministic, String comment,
                     String body, ProgramStatement program) {

    /** One parameter: IN, OUT or INOUT (a function's are all IN). */
    record Parameter(String mode, String name, DeclaredType type) {
    }

    /** Whether {@code tokens} are a CREATE PROCEDURE or CREATE FUNCTION with a body (not a loadable function). */
    static boolean matches(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return false;
        }
        int i = afterDefiner(tokens, 1);
        if (i < tokens.size() && tokens.get(i).isWord("AGGREGATE")) {
            return false;
        }
        if (i >= tokens.size() || !(tokens.get(i).isWord("PROCEDURE") || tokens.get(i).isWord("FUNCTION"))) {
            return false;
        }
        // CREATE FUNCTION name RETURNS type SONAME 'lib' is a loadable function, not a stored one
        return tokens.get(i).isWord("PROCEDURE") || tokens.stream().noneMatch(t -> t.isWord("SONAME"));
    }

    /** The index after DEFINER = user@host, if there is one at {@code from}. */
    public static int afterDefiner(List<Token> tokens, int from) {
        int i = from;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("DEFINER") && tokens.get(i + 1).isSymbol("=")) {
            i += 3;
            if (tokens.get(i - 1).isWord("CURRENT_USER")) {
                if (i + 1 < tokens.size() && tokens.get(i).isSymbol("(") && tokens.get(i + 1).isSymbol(")")) {
                    i += 2;
                }
            } else if (i + 1 < tokens.size() && tokens.get(i).isSymbol("@")) {
                i += 2;
            } else if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.USER_VARIABLE) {
                i++;
            }
        }
        return i;
    }

    static RoutineHeader parse(String sql, List<Token> tokens, String currentSchema, String user, String host) {
        Reader reader = new Reader(sql, tokens);
        String definerUser = user;
        String definerHost = host;
        boolean definerGiven = false;
        reader.expect("CREATE");
        if (reader.peekWord("DEFINER")) {
            reader.pos += 2;
            Token name = reader.next();
            if (name.isWord("CURRENT_USER")) {
                if (reader.acceptSymbol("(")) {
                    reader.expectSymbol(")");
                }
            } else {
                definerGiven = true;
                definerUser = name.text();
                definerHost = "%";
                if (reader.acceptSymbol("@")) {
                    definerHost = reader.next().text();
                } else if (reader.peek() != null && reader.peek().kind() == Token.Kind.USER_VARIABLE) {
                    definerHost = reader.next().text();
                }
            }
        }
        String type = reader.next().upper();
        boolean ifNotExists = false;
        if (reader.peekWord("IF")) {
            reader.pos++;
            reader.expect("NOT");
            reader.expect("EXISTS");
            ifNotExists = true;
        }
        Token first = reader.next();
        if (!first.isIdentifier()) {
            throw reader.syntaxError(reader.pos - 1);
        }
        String schema = currentSchema;
        String name = first.text();
        if (reader.acceptSymbol(".")) {
            schema = first.text();
            name = reader.next().text();
        }
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        checkName(name);
        int open = reader.pos;
        reader.expectSymbol("(");
        int close = TokenRanges.closing(tokens, open);
        if (close < 0) {
            throw reader.syntaxError(tokens.size());
        }
        List<Parameter> parameters = parameters(reader, close, type.equals("FUNCTION"));
        String parameterText = close == open + 1 ? "" : sql.substring(tokens.get(open + 1).start(), tokens.get(close - 1).end());
        reader.pos = close + 1;
        DeclaredType returns = null;
        if (type.equals("FUNCTION")) {
            reader.expect("RETURNS");
            returns = TypeReader.read(sql, tokens, reader.pos, tokens.size());
            reader.pos = TypeReader.end(tokens, reader.pos, tokens.size());
        }
        boolean invoker = false;
        String dataAccess = "CONTAINS SQL";
        boolean deterministic = false;
        String comment = "";
        while (true) {
            if (reader.peekWord("COMMENT")) {
                reader.pos++;
                Token text = reader.next();
                if (text.kind() != Token.Kind.STRING) {
                    throw reader.syntaxError(reader.pos - 1);
                }
                comment = text.text();
            } else if (reader.peekWord("LANGUAGE")) {
                reader.pos++;
                reader.expect("SQL");
            } else if (reader.peekWord("NOT") && reader.wordAt(1, "DETERMINISTIC")) {
                reader.pos += 2;
                deterministic = false;
            } else if (reader.peekWord("DETERMINISTIC")) {
                reader.pos++;
                deterministic = true;
            } else if (reader.peekWord("CONTAINS") && reader.wordAt(1, "SQL")) {
                reader.pos += 2;
                dataAccess = "CONTAINS SQL";
            } else if (reader.peekWord("NO") && reader.wordAt(1, "SQL")) {
                reader.pos += 2;
                dataAccess = "NO SQL";
            } else if ((reader.peekWord("READS") || reader.peekWord("MODIFIES")) && reader.wordAt(1, "SQL")
                    && reader.wordAt(2, "DATA")) {
                dataAccess = reader.next().upper() + " SQL DATA";
                reader.pos += 2;
            } else if (reader.peekWord("SQL") && reader.wordAt(1, "SECURITY")) {
                reader.pos += 2;
                Token security = reader.next();
                if (!security.isWord("DEFINER") && !security.isWord("INVOKER")) {
                    throw reader.syntaxError(reader.pos - 1);
                }
                invoker = security.isWord("INVOKER");
            } else {
                break;
            }
        }
        if (reader.pos >= tokens.size()) {
            throw reader.syntaxError(tokens.size());
        }
        String body = sql.substring(tokens.get(reader.pos).start(), tokens.get(tokens.size() - 1).end());
        ProgramStatement program = ProgramParser.body(sql, tokens, reader.pos, tokens.size());
        if (type.equals("FUNCTION") && !ProgramWalk.hasReturn(program)) {
            throw MySqlError.ER_SP_NORETURN.exception(schema + "." + name);
        }
        if (type.equals("PROCEDURE") && ProgramWalk.hasReturn(program)) {
            throw MySqlError.ER_SP_BADRETURN.exception();
        }
        if (type.equals("FUNCTION")) {
            checkFunctionBody(program);
        }
        return new RoutineHeader(type, schema, name, ifNotExists, definerUser, definerHost, definerGiven, parameters,
                parameterText, returns, invoker, dataAccess, deterministic, comment, body, program);
    }

    /** A function returns no result set (1415) and neither commits nor rolls back (1422), as MySQL checks at CREATE. */
    private static void checkFunctionBody(ProgramStatement program) {
        for (ProgramStatement each : ProgramWalk.flatten(program)) {
            if (each instanceof ProgramStatement.Sql sql) {
                checkFunctionStatement(sql, "function");
            }
        }
    }

    /** What a function or trigger ({@code kind}) may not hold: a result set (1415), a commit (1422). */
    public static void checkFunctionStatement(ProgramStatement.Sql sql, String kind) {
        Token first = sql.statement().token(0);
        if (first.isWord("SELECT") || first.isWord("WITH") || first.isWord("SHOW") || first.isWord("TABLE")
                || first.isWord("VALUES") || first.isWord("DESCRIBE") || first.isWord("DESC")
                || first.isWord("EXPLAIN") || first.isSymbol("(")) {
            throw MySqlError.ER_SP_NO_RETSET.exception(kind);
        }
        if (first.isWord("COMMIT") || first.isWord("ROLLBACK") || first.isWord("BEGIN") || first.isWord("START")
                || first.isWord("CREATE") || first.isWord("DROP") || first.isWord("ALTER")
                || first.isWord("RENAME") || first.isWord("TRUNCATE")) {
            throw MySqlError.ER_COMMIT_NOT_ALLOWED_IN_SF_OR_TRG.exception();
        }
    }

    /** The parameters of a stored routine's text as the catalog keeps it (for CALL and the function calls). */
    static List<Parameter> parameters(String text, boolean function) {
        List<Token> tokens = Lexer.tokenize("(" + text + ")");
        Reader reader = new Reader("(" + text + ")", tokens);
        reader.pos = 1;
        return parameters(reader, tokens.size() - 1, function);
    }

    private static List<Parameter> parameters(Reader reader, int close, boolean function) {
        List<Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (reader.pos < close) {
            String mode = "IN";
            if (!function && (reader.peekWord("IN") || reader.peekWord("OUT") || reader.peekWord("INOUT"))
                    && reader.pos + 1 < close && reader.tokens.get(reader.pos + 1).isIdentifier()
                    && !reader.tokens.get(reader.pos + 1).isSymbol(",")) {
                mode = reader.next().upper();
            }
            Token name = reader.next();
            if (!name.isIdentifier()) {
                throw reader.syntaxError(reader.pos - 1);
            }
            if (!names.add(name.text().toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_SP_DUP_PARAM.exception(name.text());
            }
            DeclaredType type = TypeReader.read(reader.sql, reader.tokens, reader.pos, close);
            reader.pos = TypeReader.end(reader.tokens, reader.pos, close);
            parameters.add(new Parameter(mode, name.text(), type));
            if (reader.pos < close) {
                reader.expectSymbol(",");
            }
        }
        return parameters;
    }

    /** MySQL's rule for a routine's name: not empty, no trailing space, at most 64 characters (1458). */
    private static void checkName(String name) {
        if (name.isEmpty() || name.endsWith(" ") || name.length() > 64) {
            throw MySqlError.ER_SP_WRONG_NAME.exception(name);
        }
    }

    /** A cursor over the header's tokens. */
    private static final class Reader {
        final String sql;
        final List<Token> tokens;
        int pos;

        Reader(String sql, List<Token> tokens) {
            this.sql = sql;
            this.tokens = tokens;
        }

        Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        boolean peekWord(String word) {
            return pos < tokens.size() && tokens.get(pos).isWord(word);
        }

        boolean wordAt(int ahead, String word) {
            return pos + ahead < tokens.size() && tokens.get(pos + ahead).isWord(word);
        }

        Token next() {
            if (pos >= tokens.size()) {
                throw syntaxError(pos);
            }
            return tokens.get(pos++);
        }

        void expect(String word) {
            if (!peekWord(word)) {
                throw syntaxError(pos);
            }
            pos++;
        }

        boolean acceptSymbol(String symbol) {
            if (pos < tokens.size() && tokens.get(pos).isSymbol(symbol)) {
                pos++;
                return true;
            }
            return false;
        }

        void expectSymbol(String symbol) {
            if (!acceptSymbol(symbol)) {
                throw syntaxError(pos);
            }
        }

        RuntimeException syntaxError(int at) {
            return Lexer.syntaxError(sql, at < tokens.size() ? tokens.get(at).start() : sql.length());
        }
    }
}
