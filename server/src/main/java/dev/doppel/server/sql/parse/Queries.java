package dev.doppel.server.sql.parse;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MySQL's query grammar: WITH, SELECT, TABLE and VALUES, set operations, the FROM clause with its joins, derived
 * tables, LATERAL and JSON_TABLE, and the clauses after it. Every table it names is recorded with the use given.
 */
public final class Queries {
    private static final Set<String> SELECT_OPTIONS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS");
    /** Words of INTO OUTFILE's export options. */
    private static final Set<String> EXPORT_WORDS = Set.of("CHARACTER", "SET", "CHARSET", "FIELDS", "COLUMNS",
            "TERMINATED", "OPTIONALLY", "ENCLOSED", "ESCAPED", "LINES", "STARTING", "BY");
    /** JSON_TABLE's column types that take a length in parentheses. */
    private static final Set<String> SIZED_TYPES = Set.of("CHAR", "VARCHAR", "BINARY", "VARBINARY", "DECIMAL", "DEC",
            "NUMERIC", "FLOAT", "DOUBLE", "INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "BIT",
            "DATETIME", "TIME", "TIMESTAMP", "YEAR", "TEXT", "BLOB");

    private final ParseState state;
    /** The names of the tables of the query block being read (lower case), for 1066. */
    private Set<String> blockTables;
    private final TokenCursor cursor;

    Queries(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
    }

    /** Whether a query starts at the cursor (inside a parenthesis: a subquery rather than an expression). */
    boolean startsQuery() {
        if (cursor.isWord("SELECT") || cursor.isWord("WITH") || cursor.isWord("VALUES") && cursor.isWord(1, "ROW")
                || cursor.isWord("TABLE")) {
            return true;
        }
        int depth = 0;
        while (cursor.isSymbol(depth, "(")) {
            depth++;
        }
        return depth > 0 && (cursor.isWord(depth, "SELECT") || cursor.isWord(depth, "WITH"));
    }

    /** [WITH ...] body [ORDER BY ...] [LIMIT ...] [INTO ...] [locking]. */
    void queryExpression() {
        if (cursor.acceptWord("WITH")) {
            state.openCteScope();
            try {
                commonTableExpressions();
                queryExpressionBody();
            } finally {
                state.closeCteScope();
            }
            return;
        }
        queryExpressionBody();
    }

    /** The common table expressions of WITH ... UPDATE / DELETE (WITH already read; the scope stays open). */
    void commonTableExpressionsForDataChange() {
        commonTableExpressions();
    }

    private void commonTableExpressions() {
        boolean recursive = cursor.acceptWord("RECURSIVE");
        do {
            String name = state.expressions.name();
            if (recursive) {
                state.addCte(name);
            }
            if (cursor.acceptSymbol("(")) {
                names();
                cursor.expectSymbol(")");
            }
            cursor.expectWord("AS");
            cursor.expectSymbol("(");
            queryExpression();
            cursor.expectSymbol(")");
            state.addCte(name);
        } while (cursor.acceptSymbol(","));
    }

    private void queryExpressionBody() {
        queryPrimary();
        while (cursor.acceptWord("UNION") || cursor.acceptWord("EXCEPT") || cursor.acceptWord("INTERSECT")) {
            if (!cursor.acceptWord("ALL")) {
                cursor.acceptWord("DISTINCT");
            }
            queryPrimary();
        }
        tail();
    }

    /** ORDER BY, LIMIT, INTO and locking clauses after a query or a query term. */
    private void tail() {
        if (cursor.acceptWords("ORDER", "BY")) {
            state.expressions.orderList();
        }
        limit();
        into();
        locking();
        into();
    }

    private void queryPrimary() {
        if (cursor.isWord("SELECT")) {
            select();
        } else if (cursor.acceptWord("TABLE")) {
            tableName(ParsedStatement.Use.READ);
        } else if (cursor.acceptWord("VALUES")) {
            rows(true);
        } else if (cursor.acceptSymbol("(")) {
            queryExpression();
            cursor.expectSymbol(")");
        } else {
            throw cursor.error();
        }
    }

    /** ROW(...), ROW(...) of VALUES; in INSERT the ROW may be left out. */
    void rows(boolean rowRequired) {
        do {
            if (!cursor.acceptWord("ROW") && rowRequired) {
                throw cursor.error();
            }
            cursor.expectSymbol("(");
            if (!cursor.isSymbol(")")) {
                state.expressions.expressionList();
            }
            cursor.expectSymbol(")");
        } while (cursor.acceptSymbol(","));
    }

    private void select() {
        cursor.expectWord("SELECT");
        while (cursor.peek() != null && cursor.peek().kind() == Token.Kind.WORD
                && SELECT_OPTIONS.contains(cursor.peek().upper())) {
            cursor.next();
        }
        selectList();
        into();
        if (cursor.acceptWord("FROM")) {
            if (!cursor.acceptWord("DUAL")) {
                tableReferences(ParsedStatement.Use.READ);
            }
        }
        if (cursor.acceptWord("WHERE")) {
            state.expressions.expression();
        }
        if (cursor.acceptWords("GROUP", "BY")) {
            state.expressions.orderList();
            cursor.acceptWords("WITH", "ROLLUP");
        }
        if (cursor.acceptWord("HAVING")) {
            state.expressions.expression();
        }
        if (cursor.acceptWord("WINDOW")) {
            do {
                state.expressions.name();
                cursor.expectWord("AS");
                cursor.expectSymbol("(");
                state.expressions.windowSpecification();
                cursor.expectSymbol(")");
            } while (cursor.acceptSymbol(","));
        }
    }

    private void selectList() {
        do {
            if (cursor.acceptSymbol("*")) {
                continue;
            }
            if (Keywords.isName(cursor.peek()) && cursor.isSymbol(1, ".")
                    && (cursor.isSymbol(2, "*") || cursor.isSymbol(4, "*") && cursor.isSymbol(3, "."))) {
                cursor.next();
                cursor.next();
                if (!cursor.acceptSymbol("*")) {
                    cursor.next();
                    cursor.next();
                    cursor.next();
                }
                continue;
            }
            state.expressions.expression();
            alias();
        } while (cursor.acceptSymbol(","));
    }

    /** [AS] alias, where the alias may be a string. */
    private void alias() {
        if (cursor.acceptWord("AS")) {
            if (cursor.isKind(Token.Kind.STRING)) {
                cursor.next();
            } else {
                state.expressions.name();
            }
        } else if (Keywords.isName(cursor.peek()) || cursor.isKind(Token.Kind.STRING)) {
            cursor.next();
        }
    }

    /** INTO OUTFILE 'f' [options], INTO DUMPFILE 'f', INTO @a, @b. */
    private void into() {
        if (!cursor.acceptWord("INTO")) {
            return;
        }
        if (cursor.acceptWord("OUTFILE")) {
            string();
            while (true) {
                Token token = cursor.peek();
                if (token == null) {
                    break;
                }
                boolean characterSet = cursor.peek(-1).isWord("SET") || cursor.peek(-1).isWord("CHARSET");
                if (token.kind() == Token.Kind.STRING || characterSet && token.isIdentifier()
                        || token.kind() == Token.Kind.WORD && EXPORT_WORDS.contains(token.upper())) {
                    cursor.next();
                } else {
                    break;
                }
            }
        } else if (cursor.acceptWord("DUMPFILE")) {
            string();
        } else {
            do {
                if (!cursor.isKind(Token.Kind.USER_VARIABLE) && !Keywords.isName(cursor.peek())) {
                    throw cursor.error();
                }
                cursor.next();
            } while (cursor.acceptSymbol(","));
        }
    }

    private void string() {
        if (!cursor.isKind(Token.Kind.STRING)) {
            throw cursor.error();
        }
        cursor.next();
    }

    private void limit() {
        if (!cursor.acceptWord("LIMIT")) {
            return;
        }
        limitValue();
        if (cursor.acceptSymbol(",") || cursor.acceptWord("OFFSET")) {
            limitValue();
        }
    }

    private void limitValue() {
        if (cursor.isKind(Token.Kind.NUMBER) || cursor.isKind(Token.Kind.PARAMETER) || Keywords.isName(cursor.peek())) {
            cursor.next();
        } else {
            throw cursor.error();
        }
    }

    /** FOR UPDATE | FOR SHARE [OF t, ...] [NOWAIT | SKIP LOCKED], LOCK IN SHARE MODE; several may follow. */
    private void locking() {
        while (true) {
            if (cursor.isWord("FOR") && (cursor.isWord(1, "UPDATE") || cursor.isWord(1, "SHARE"))) {
                cursor.next();
                cursor.next();
                if (cursor.acceptWord("OF")) {
                    do {
                        tableNameOnly();
                    } while (cursor.acceptSymbol(","));
                }
                if (!cursor.acceptWord("NOWAIT")) {
                    cursor.acceptWords("SKIP", "LOCKED");
                }
            } else if (cursor.acceptWords("LOCK", "IN", "SHARE", "MODE")) {
                continue;
            } else {
                return;
            }
        }
    }

    /**
     * table_reference, ...: returns the tables it named, in order. Each table, derived table and alias names one
     * table of the query block: two with one name are MySQL's 1066.
     */
    List<ParsedStatement.TableUse> tableReferences(ParsedStatement.Use use) {
        Set<String> outer = blockTables;
        blockTables = new HashSet<>();
        try {
            return tableReferencesInBlock(use);
        } finally {
            blockTables = outer;
        }
    }

    private List<ParsedStatement.TableUse> tableReferencesInBlock(ParsedStatement.Use use) {
        int first = state.tables.size();
        do {
            tableReference(use);
        } while (cursor.acceptSymbol(","));
        return new ArrayList<>(state.tables.subList(first, state.tables.size()));
    }

    /**
     * A table factor and its joins. A join's ON or USING may come after further joins (t1 LEFT JOIN t2 JOIN t3 ON a ON b,
     * MySQL's nested joins without parentheses), so each is read wherever it stands.
     */
    private void tableReference(ParsedStatement.Use use) {
        tableFactor(use);
        int joinsWithoutCondition = 0;
        while (true) {
            if (joinsWithoutCondition > 0 && !cursor.isWord(1, "DUPLICATE") && cursor.acceptWord("ON")) {
                joinsWithoutCondition--;
                state.expressions.expression();
                continue;
            }
            if (joinsWithoutCondition > 0 && cursor.acceptWord("USING")) {
                joinsWithoutCondition--;
                cursor.expectSymbol("(");
                names();
                cursor.expectSymbol(")");
                continue;
            }
            if (cursor.acceptWord("INNER") || cursor.acceptWord("CROSS")) {
                cursor.expectWord("JOIN");
            } else if (cursor.acceptWord("LEFT") || cursor.acceptWord("RIGHT")) {
                cursor.acceptWord("OUTER");
                cursor.expectWord("JOIN");
            } else if (cursor.acceptWord("NATURAL")) {
                if (cursor.acceptWord("LEFT") || cursor.acceptWord("RIGHT")) {
                    cursor.acceptWord("OUTER");
                } else {
                    cursor.acceptWord("INNER");
                }
                cursor.expectWord("JOIN");
                joinsWithoutCondition--;
            } else if (!cursor.acceptWord("JOIN") && !cursor.acceptWord("STRAIGHT_JOIN")) {
                return;
            }
            tableFactor(use);
            joinsWithoutCondition++;
        }
    }

    private void tableFactor(ParsedStatement.Use use) {
        if (cursor.acceptWord("LATERAL")) {
            named(derivedTable(), null);
            return;
        }
        if (cursor.isSymbol("{") && cursor.isWord(1, "OJ")) {
            // the ODBC escape of an outer join: { OJ t1 LEFT OUTER JOIN t2 ON ... }
            cursor.next();
            cursor.next();
            tableReference(use);
            cursor.expectSymbol("}");
            return;
        }
        if (cursor.isWord("JSON_TABLE") && cursor.isSymbol(1, "(")) {
            jsonTable();
            return;
        }
        if (cursor.isSymbol("(")) {
            ParseState.Mark mark = state.mark();
            String derived = null;
            try {
                derived = derivedTable();
            } catch (MySqlException notDerived) {
                state.reset(mark);
            }
            if (derived != null) {
                named(derived, null);
                return;
            }
            cursor.expectSymbol("(");
            tableReferencesInBlock(use);
            cursor.expectSymbol(")");
            return;
        }
        ParsedStatement.TableUse named = tableName(use);
        if (cursor.acceptWord("PARTITION")) {
            cursor.expectSymbol("(");
            names();
            cursor.expectSymbol(")");
        }
        String alias = tableAlias();
        if (named != null && alias != null) {
            state.tables.set(state.tables.lastIndexOf(named), new ParsedStatement.TableUse(named.database(),
                    named.table(), alias, named.use(), named.token()));
        }
        if (named != null) {
            named(alias != null ? alias : named.table(),
                    alias != null || named.database() == null ? null : named.database());
        }
        indexHints();
    }

    /** A table of the query block under {@code name} (in {@code database} for a table without alias): 1066 twice. */
    private void named(String name, String database) {
        String key = (database == null ? "" : database + ".") + name;
        if (blockTables == null) {
            return;
        }
        if (!blockTables.add(key.toLowerCase(java.util.Locale.ROOT))) {
            throw MySqlError.ER_NONUNIQ_TABLE.exception(name);
        }
        // t beside db.t: one table when db is the session's database, which sql.access.SameTableTwice knows
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String each : blockTables) {
            int dot = each.indexOf('.');
            if (database == null && dot > 0 && each.substring(dot + 1).equals(lower)) {
                state.sameNames.add(new ParsedStatement.SameName(each.substring(0, dot), name));
            } else if (database != null && each.equals(lower)) {
                state.sameNames.add(new ParsedStatement.SameName(database, name));
            }
        }
    }

    /** ( query ) [AS] alias [(columns)]; returns the alias. */
    private String derivedTable() {
        cursor.expectSymbol("(");
        queryExpression();
        cursor.expectSymbol(")");
        String alias = tableAlias();
        if (alias == null) {
            throw cursor.error();
        }
        if (cursor.acceptSymbol("(")) {
            names();
            cursor.expectSymbol(")");
        }
        return alias;
    }

    private String tableAlias() {
        if (cursor.acceptWord("AS")) {
            return state.expressions.name();
        }
        if (Keywords.isName(cursor.peek())) {
            return cursor.next().text();
        }
        return null;
    }

    /** {USE | IGNORE | FORCE} {INDEX | KEY} [FOR {JOIN | ORDER BY | GROUP BY}] ([names]), ... */
    private void indexHints() {
        while ((cursor.isWord("USE") || cursor.isWord("IGNORE") || cursor.isWord("FORCE"))
                && (cursor.isWord(1, "INDEX") || cursor.isWord(1, "KEY"))) {
            cursor.next();
            cursor.next();
            if (cursor.acceptWord("FOR")) {
                if (!cursor.acceptWord("JOIN") && !cursor.acceptWords("ORDER", "BY")) {
                    cursor.expectWord("GROUP");
                    cursor.expectWord("BY");
                }
            }
            cursor.expectSymbol("(");
            if (!cursor.isSymbol(")")) {
                do {
                    if (!cursor.acceptWord("PRIMARY")) {
                        state.expressions.name();
                    }
                } while (cursor.acceptSymbol(","));
            }
            cursor.expectSymbol(")");
            if (cursor.isSymbol(",") && (cursor.isWord(1, "USE") || cursor.isWord(1, "IGNORE") || cursor.isWord(1, "FORCE"))) {
                cursor.next();
            }
        }
    }

    /** JSON_TABLE(expr, path COLUMNS (...)) [AS] alias. */
    private void jsonTable() {
        Token name = cursor.next();
        state.call(null, name, cursor.position() - 1);
        cursor.expectSymbol("(");
        state.expressions.expression();
        cursor.expectSymbol(",");
        string();
        jsonTableColumns();
        cursor.expectSymbol(")");
        if (tableAlias() == null) {
            throw cursor.error();
        }
    }

    /** COLUMNS (name FOR ORDINALITY | name type [EXISTS] PATH 'p' [on empty/error] | NESTED [PATH] 'p' COLUMNS (...)). */
    private void jsonTableColumns() {
        cursor.expectWord("COLUMNS");
        cursor.expectSymbol("(");
        do {
            if (cursor.acceptWord("NESTED")) {
                cursor.acceptWord("PATH");
                string();
                jsonTableColumns();
                continue;
            }
            state.expressions.name();
            if (cursor.acceptWords("FOR", "ORDINALITY")) {
                continue;
            }
            Token type = cursor.next();
            if (type.kind() != Token.Kind.WORD) {
                throw cursor.error();
            }
            if (cursor.isSymbol("(") && SIZED_TYPES.contains(type.upper())) {
                cursor.next();
                while (cursor.isKind(Token.Kind.NUMBER) || cursor.isSymbol(",")) {
                    cursor.next();
                }
                cursor.expectSymbol(")");
            }
            cursor.acceptWord("UNSIGNED");
            state.expressions.charsetClause();
            cursor.acceptWord("EXISTS");
            cursor.expectWord("PATH");
            string();
            while (cursor.isWord("NULL") || cursor.isWord("ERROR") || cursor.isWord("DEFAULT")) {
                if (cursor.acceptWord("DEFAULT")) {
                    string();
                } else {
                    cursor.next();
                }
                cursor.expectWord("ON");
                if (!cursor.acceptWord("EMPTY")) {
                    cursor.expectWord("ERROR");
                }
            }
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
    }

    /** [db.]table, recorded with {@code use}. */
    ParsedStatement.TableUse tableName(ParsedStatement.Use use) {
        int token = cursor.position();
        String first = state.expressions.name();
        String database = null;
        String table = first;
        if (cursor.acceptSymbol(".")) {
            if (!cursor.isIdentifier()) {
                throw cursor.error();
            }
            database = first;
            table = cursor.next().text();
        }
        return state.table(database, table, null, use, token);
    }

    /** A table name that is no access of its own (FOR UPDATE OF t). */
    private void tableNameOnly() {
        state.expressions.name();
        if (cursor.acceptSymbol(".")) {
            state.expressions.name();
        }
    }

    void names() {
        do {
            state.expressions.name();
        } while (cursor.acceptSymbol(","));
    }
}
