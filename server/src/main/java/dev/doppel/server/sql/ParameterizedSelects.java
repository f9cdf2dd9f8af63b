package dev.doppel.server.sql;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text SELECTs run as engine prepared statements, one per shape: a literal compared with a column in the WHERE
 * clause ({@code WHERE id = 42}) becomes a parameter, so {@code SELECT c FROM t WHERE id = 7} and {@code ... id = 8}
 * share one parsed and planned engine statement instead of being parsed and planned each (that was about a
 * fifth of a text point select's server CPU). Each parameter is cast to the type the engine gives the literal
 * (INTEGER, BIGINT, VARCHAR), so comparisons convert exactly as they would with the literal in the text.
 * The statements are the session's, bound to its engine connection, kept per current database and at most
 * {@value #CAPACITY} of them; the engine prepares one again by itself when a table it reads changed.
 */
public final class ParameterizedSelects {
    static final int CAPACITY = 64;
    private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=");

    /** The statement with its literals taken out (MySQL text with {@code CAST(? AS type)}) and their values. */
    record Shape(String sql, List<Object> values) {
    }

    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    /** The engine connection the statements belong to. */
    private Connection connection;

    /**
     * The parameterized form of a plain text SELECT (see {@link QuickReads#isPlainSelect}) with at least one such
     * literal, or null.
     */
    static Shape of(String sql, List<Token> tokens) {
        int where = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("WHERE")) {
                where = i;
                break;
            }
        }
        if (where < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(sql.length() + 32);
        List<Object> values = new ArrayList<>();
        // the statement's own text: in a multi-statement query, sql also holds the statements before it
        int copied = tokens.get(0).start();
        for (int i = where + 3; i < tokens.size(); i++) {
            Token literal = tokens.get(i);
            String cast = comparedLiteralType(tokens, i);
            if (cast == null) {
                continue;
            }
            text.append(sql, copied, literal.start()).append("CAST(? AS ").append(cast).append(')');
            copied = literal.end();
            values.add(cast.equals("VARCHAR") ? literal.text() : (Object) Long.parseLong(literal.text()));
        }
        if (values.isEmpty()) {
            return null;
        }
        text.append(sql, copied, tokens.get(tokens.size() - 1).end());
        return new Shape(text.toString(), values);
    }

    /** The engine type of the literal at {@code index} when it is compared with a column, or null. */
    private static String comparedLiteralType(List<Token> tokens, int index) {
        Token literal = tokens.get(index);
        Token operator = tokens.get(index - 1);
        Token column = tokens.get(index - 2);
        if (operator.kind() != Token.Kind.SYMBOL || !COMPARISONS.contains(operator.text())
                || !column.isIdentifier() || column.kind() == Token.Kind.WORD && !isColumnWord(column)) {
            return null;
        }
        if (index + 1 < tokens.size()) {
            Token next = tokens.get(index + 1);
            // 'a' 'b' is one string; 'a' COLLATE x has another collation; 1.5 and 1e3 lex as more than digits
            if (next.kind() == Token.Kind.STRING || next.isWord("COLLATE") || next.isSymbol(".")) {
                return null;
            }
        }
        if (literal.kind() == Token.Kind.STRING) {
            return "VARCHAR";
        }
        if (literal.kind() == Token.Kind.NUMBER && Token.isDigits(literal.text()) && literal.text().length() <= 18) {
            // the engine types an integer literal INTEGER when it fits, BIGINT otherwise
            return Long.parseLong(literal.text()) <= Integer.MAX_VALUE ? "INTEGER" : "BIGINT";
        }
        return null;
    }

    /** A bare word before a comparison is a column unless it is a keyword that ends an expression. */
    private static boolean isColumnWord(Token word) {
        return !(word.isWord("NULL") || word.isWord("TRUE") || word.isWord("FALSE") || word.isWord("AND")
                || word.isWord("OR") || word.isWord("NOT") || word.isWord("WHERE") || word.isWord("ON"));
    }

    /**
     * The session's engine statement for the shape, rewritten for the engine and prepared on first use, with the
     * values bound. The rewrite depends on the text, the current database and sql_mode only: statements that read
     * variables or session functions are never parameterized.
     */
    PreparedStatement bind(Session session, Shape shape) throws SQLException {
        Connection current = session.engineConnection();
        if (current != connection) {
            statements.clear();
            connection = current;
        }
        String key = session.schema() + '\0' + session.variables().sqlModeBits() + '\0' + shape.sql();
        PreparedStatement statement = statements.get(key);
        if (statement == null) {
            statement = current.prepareStatement(EngineSql.rewrite(shape.sql(), Lexer.tokenize(shape.sql()), session));
            statements.put(key, statement);
            if (statements.size() > CAPACITY) {
                var eldest = statements.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
        }
        List<Object> values = shape.values();
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }
}
