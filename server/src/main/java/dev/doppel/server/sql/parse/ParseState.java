package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One parse: the cursor, the grammar's parts, and what the parse found so far. */
public final class ParseState {
    final TokenCursor cursor;
    final Expressions expressions;
    final Queries queries;
    final List<ParsedStatement.TableUse> tables = new ArrayList<>();
    final List<ParsedStatement.FunctionCall> calls = new ArrayList<>();
    final List<ParsedStatement.SameName> sameNames = new ArrayList<>();
    /** The names of the common table expressions in scope, innermost WITH first. */
    private final Deque<Set<String>> cteScopes = new ArrayDeque<>();

    ParseState(TokenCursor cursor) {
        this.cursor = cursor;
        this.expressions = new Expressions(this);
        this.queries = new Queries(this);
    }

    void openCteScope() {
        cteScopes.push(new HashSet<>());
    }

    void closeCteScope() {
        cteScopes.pop();
    }

    void addCte(String name) {
        cteScopes.peek().add(name.toLowerCase(Locale.ROOT));
    }

    boolean isCte(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Set<String> scope : cteScopes) {
            if (scope.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** A table named at {@code token}; a CTE's name is no table. Returns the use, or null for a CTE. */
    ParsedStatement.TableUse table(String database, String table, String alias, ParsedStatement.Use use, int token) {
        if (database == null && isCte(table)) {
            return null;
        }
        ParsedStatement.TableUse result = new ParsedStatement.TableUse(database, table, alias, use, token);
        tables.add(result);
        return result;
    }

    void call(String qualifier, Token name, int token) {
        calls.add(new ParsedStatement.FunctionCall(qualifier, name.text(), token));
    }

    /** Where the parse stands, to go back to when a guess between two readings was wrong. */
    record Mark(int position, int tables, int calls) {
    }

    Mark mark() {
        return new Mark(cursor.position(), tables.size(), calls.size());
    }

    void reset(Mark mark) {
        cursor.reset(mark.position());
        tables.subList(mark.tables(), tables.size()).clear();
        calls.subList(mark.calls(), calls.size()).clear();
    }
}
