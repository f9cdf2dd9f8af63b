package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * Parses the statements a client may send to the engine, queries and data changes, with MySQL's grammar. A statement
 * that is not MySQL's is a syntax error (1064 at the first token the grammar cannot take), so the engine never sees
 * a form MySQL does not have; what the parse found (tables and their uses, function calls) is what the first wall
 * checks (docs/security.md).
 */
public final class StatementParser {
    /** The first words of the statements this parser reads. */
    private static final Set<String> PARSED = Set.of("SELECT", "WITH", "(", "TABLE", "VALUES", "INSERT", "REPLACE",
            "UPDATE", "DELETE");

    /**
     * The last parse made on this thread, by the identity of its tokens: the first wall asks for a statement's parse
     * several times (statement kind and functions, privileges, views), and it is made once.
     */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private StatementParser() {
    }

    /** Whether {@code tokens} is a statement this parser reads. */
    public static boolean parses(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token first = tokens.get(0);
        return first.isSymbol("(") || first.kind() == Token.Kind.WORD && PARSED.contains(first.upper());
    }

    /** The parse of a query or data-change statement; 1064 when it is not MySQL's. */
    public static ParsedStatement parse(String sql, List<Token> tokens) {
        Object[] last = LAST.get();
        if (last != null && last[0] == tokens) {
            return (ParsedStatement) last[1];
        }
        ParsedStatement result = parseTokens(sql, tokens);
        LAST.set(new Object[] {tokens, result});
        return result;
    }

    /**
     * The parse of CREATE TABLE, ALTER TABLE, CREATE INDEX, DROP INDEX, DROP TABLE, RENAME TABLE or TRUNCATE with
     * MySQL's grammar (TableStatements); 1064 at the first token that is not MySQL's.
     */
    public static ParsedStatement parseTableStatement(String sql, List<Token> tokens) {
        TokenCursor cursor = new TokenCursor(sql, tokens);
        ParseState state = new ParseState(cursor);
        new TableStatements(state).statement();
        if (!cursor.atEnd()) {
            throw cursor.error();
        }
        return new ParsedStatement(List.copyOf(state.tables), List.copyOf(state.calls), List.copyOf(state.sameNames));
    }

    private static ParsedStatement parseTokens(String sql, List<Token> tokens) {
        TokenCursor cursor = new TokenCursor(sql, tokens);
        ParseState state = new ParseState(cursor);
        DataChanges changes = new DataChanges(state);
        if (cursor.isWord("WITH") && withDataChange(cursor)) {
            cursor.next();
            state.openCteScope();
            state.queries.commonTableExpressionsForDataChange();
            dataChange(cursor, changes);
        } else if (cursor.isWord("INSERT") || cursor.isWord("REPLACE") || cursor.isWord("UPDATE")
                || cursor.isWord("DELETE")) {
            dataChange(cursor, changes);
        } else {
            state.queries.queryExpression();
        }
        if (!cursor.atEnd()) {
            throw cursor.error();
        }
        return new ParsedStatement(List.copyOf(state.tables), List.copyOf(state.calls), List.copyOf(state.sameNames));
    }

    private static void dataChange(TokenCursor cursor, DataChanges changes) {
        if (cursor.isWord("INSERT") || cursor.isWord("REPLACE")) {
            changes.insert();
        } else if (cursor.isWord("UPDATE")) {
            changes.update();
        } else if (cursor.isWord("DELETE")) {
            changes.delete();
        } else {
            throw cursor.error();
        }
    }

    /** WITH ... UPDATE / DELETE: the first top-level word after the common table expressions. */
    private static boolean withDataChange(TokenCursor cursor) {
        int depth = 0;
        for (int i = 1; cursor.peek(i) != null; i++) {
            Token token = cursor.peek(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isWord("UPDATE") || token.isWord("DELETE"))) {
                return true;
            } else if (depth == 0 && (token.isWord("SELECT") || token.isWord("TABLE") || token.isWord("VALUES"))) {
                return false;
            }
        }
        return false;
    }
}
