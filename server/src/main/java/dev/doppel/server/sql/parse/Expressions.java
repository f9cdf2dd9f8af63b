package dev.doppel.server.sql.parse;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Token;

import java.util.Set;

/**
 * MySQL's expression grammar: operators, predicates, literals, columns, CASE, subqueries and function calls with their
 * special argument forms (CAST, CONVERT, EXTRACT, TRIM, GROUP_CONCAT, window functions, ...). It records every call.
 */
public final class Expressions {
    /** The functions MySQL takes an OVER clause after: its window functions and the aggregates that may be windowed. */
    private static final Set<String> WINDOWED = Set.of("CUME_DIST", "DENSE_RANK", "FIRST_VALUE", "LAG", "LAST_VALUE",
            "LEAD", "NTH_VALUE", "NTILE", "PERCENT_RANK", "RANK", "ROW_NUMBER", "AVG", "BIT_AND", "BIT_OR", "BIT_XOR",
            "COUNT", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "MAX", "MIN", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP",
            "SUM", "VARIANCE", "VAR_POP", "VAR_SAMP");
    private static final Set<String> COMPARISONS = Set.of("=", "<=>", ">=", ">", "<=", "<", "<>", "!=");
    private static final Set<String> BIT_OPERATORS = Set.of("|", "&", "<<", ">>", "+", "-", "*", "/", "%", "^");
    private static final Set<String> NOT_FOLLOWERS = Set.of("IN", "BETWEEN", "LIKE", "REGEXP", "RLIKE");
    /** MySQL's CAST and CONVERT target types. */
    private static final Set<String> CAST_TYPES = Set.of("BINARY", "CHAR", "CHARACTER", "DATE", "DATETIME", "DECIMAL",
            "DEC", "DOUBLE", "FLOAT", "JSON", "NCHAR", "REAL", "SIGNED", "UNSIGNED", "TIME", "YEAR", "POINT",
            "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> AGGREGATE_QUANTIFIERS = Set.of("DISTINCT", "ALL", "DISTINCTROW");

    private final ParseState state;
    private final TokenCursor cursor;

    Expressions(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
    }

    void expression() {
        notExpression();
        while (cursor.acceptWord("OR") || cursor.acceptWord("XOR") || cursor.acceptWord("AND")
                || cursor.acceptSymbol("||") || cursor.acceptSymbol("&&")) {
            notExpression();
        }
    }

    void expressionList() {
        do {
            expression();
        } while (cursor.acceptSymbol(","));
    }

    private void notExpression() {
        if (cursor.isWord("NOT") && !cursor.isWord(1, "EXISTS")) {
            cursor.next();
            notExpression();
            return;
        }
        predicate();
    }

    private void predicate() {
        bitExpression();
        while (true) {
            Token next = cursor.peek();
            if (next == null) {
                return;
            }
            if (next.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(next.text())) {
                cursor.next();
                if ((cursor.isWord("ANY") || cursor.isWord("SOME") || cursor.isWord("ALL")) && cursor.isSymbol(1, "(")) {
                    cursor.next();
                    cursor.expectSymbol("(");
                    state.queries.queryExpression();
                    cursor.expectSymbol(")");
                } else {
                    bitExpression();
                }
            } else if (cursor.acceptWord("IS")) {
                cursor.acceptWord("NOT");
                if (!(cursor.acceptWord("NULL") || cursor.acceptWord("TRUE") || cursor.acceptWord("FALSE")
                        || cursor.acceptWord("UNKNOWN"))) {
                    throw cursor.error();
                }
            } else if (cursor.isWord("NOT") && cursor.peek(1) != null && cursor.peek(1).kind() == Token.Kind.WORD
                    && NOT_FOLLOWERS.contains(cursor.peek(1).upper())) {
                cursor.next();
            } else if (cursor.acceptWord("IN")) {
                cursor.expectSymbol("(");
                queryOrExpressions();
                cursor.expectSymbol(")");
            } else if (cursor.acceptWord("BETWEEN")) {
                bitExpression();
                cursor.expectWord("AND");
                bitExpression();
            } else if (cursor.acceptWord("LIKE")) {
                bitExpression();
                if (cursor.acceptWord("ESCAPE")) {
                    unary();
                }
            } else if (cursor.acceptWord("REGEXP") || cursor.acceptWord("RLIKE") || cursor.acceptWords("SOUNDS", "LIKE")) {
                bitExpression();
            } else if (cursor.isWord("MEMBER") && (cursor.isWord(1, "OF") || cursor.isSymbol(1, "("))) {
                cursor.next();
                cursor.acceptWord("OF");
                cursor.expectSymbol("(");
                expression();
                cursor.expectSymbol(")");
            } else if (cursor.acceptSymbol(":=")) {
                expression();
            } else {
                return;
            }
        }
    }

    /**
     * Inside a parenthesis: a subquery, or a list of expressions. {@code ((SELECT 1) + 2)} starts like a query and is an
     * expression, so a query that does not parse to its closing parenthesis is read again as expressions.
     */
    private void queryOrExpressions() {
        if (state.queries.startsQuery()) {
            ParseState.Mark mark = state.mark();
            try {
                state.queries.queryExpression();
                if (cursor.isSymbol(")")) {
                    return;
                }
            } catch (MySqlException notAQuery) {
                // read it again as expressions
            }
            state.reset(mark);
        }
        expressionList();
    }

    void bitExpression() {
        unary();
        while (true) {
            Token next = cursor.peek();
            if (next == null) {
                return;
            }
            if (next.kind() == Token.Kind.SYMBOL && BIT_OPERATORS.contains(next.text())
                    || next.isWord("DIV") || next.isWord("MOD")) {
                cursor.next();
                unary();
            } else {
                return;
            }
        }
    }

    private void unary() {
        if (cursor.acceptSymbol("-") || cursor.acceptSymbol("+") || cursor.acceptSymbol("~")
                || cursor.acceptSymbol("!") || cursor.acceptWord("BINARY")) {
            unary();
            return;
        }
        primary();
        while (true) {
            if (cursor.acceptWord("COLLATE")) {
                charsetName();
            } else if (cursor.acceptSymbol("->") || cursor.acceptSymbol("->>")) {
                if (!cursor.isKind(Token.Kind.STRING)) {
                    throw cursor.error();
                }
                cursor.next();
            } else {
                return;
            }
        }
    }

    private void primary() {
        Token token = cursor.peek();
        if (token == null) {
            throw cursor.error();
        }
        switch (token.kind()) {
            case NUMBER, PARAMETER, SYSTEM_VARIABLE, USER_VARIABLE -> cursor.next();
            case STRING -> {
                while (cursor.isKind(Token.Kind.STRING)) {
                    cursor.next();
                }
            }
            case QUOTED_IDENTIFIER -> nameOrCall();
            case WORD -> word(token);
            case SYMBOL -> symbol(token);
            default -> throw cursor.error();
        }
    }

    private void symbol(Token token) {
        if (token.isSymbol("(")) {
            cursor.next();
            queryOrExpressions();
            cursor.expectSymbol(")");
        } else if (token.isSymbol("{")) {
            // ODBC escapes: {d '2024-01-01'}, {t '10:00:00'}, {ts '...'}
            cursor.next();
            if (!cursor.isKind(Token.Kind.WORD)) {
                throw cursor.error();
            }
            cursor.next();
            expression();
            cursor.expectSymbol("}");
        } else {
            throw cursor.error();
        }
    }

    private void word(Token token) {
        String upper = token.upper();
        Token next = cursor.peek(1);
        boolean adjacentString = next != null && next.kind() == Token.Kind.STRING && next.start() == token.end();
        if (upper.startsWith("_") && next != null && (next.kind() == Token.Kind.STRING
                || next.kind() == Token.Kind.NUMBER || hexOrBitString(next, cursor.peek(2)))) {
            cursor.next(); // a character set introducer: _utf8mb4'x', _binary 0x41
            primary();
            return;
        }
        if ((upper.equals("X") || upper.equals("B") || upper.equals("N")) && adjacentString) {
            cursor.next();
            cursor.next();
            return;
        }
        if ((upper.equals("DATE") || upper.equals("TIME") || upper.equals("TIMESTAMP")) && next != null
                && next.kind() == Token.Kind.STRING) {
            cursor.next();
            cursor.next();
            return;
        }
        switch (upper) {
            case "NULL", "TRUE", "FALSE" -> cursor.next();
            case "DEFAULT" -> {
                cursor.next();
                if (cursor.acceptSymbol("(")) {
                    columnReference();
                    cursor.expectSymbol(")");
                }
            }
            case "CASE" -> caseExpression();
            case "EXISTS" -> {
                cursor.next();
                cursor.expectSymbol("(");
                state.queries.queryExpression();
                cursor.expectSymbol(")");
            }
            case "NOT" -> {
                cursor.next(); // NOT EXISTS (...)
                primary();
            }
            case "ROW" -> {
                cursor.next();
                cursor.expectSymbol("(");
                expressionList();
                cursor.expectSymbol(")");
            }
            case "MATCH" -> match();
            case "INTERVAL" -> {
                if (next != null && next.isSymbol("(") && !parenthesizedInterval()) {
                    call(null);
                } else {
                    cursor.next();
                    expression();
                    unit();
                }
            }
            default -> {
                if (next != null && next.isSymbol("(") && (Keywords.isName(token) || Keywords.isReservedFunction(token))) {
                    call(null);
                } else if (Keywords.NILADIC.contains(upper)) {
                    cursor.next();
                } else {
                    nameOrCall();
                }
            }
        }
    }

    /** X'..' or B'..' written right after an introducer: _utf8mb4 X'41'. */
    private static boolean hexOrBitString(Token word, Token string) {
        return (word.isWord("X") || word.isWord("B")) && string != null && string.kind() == Token.Kind.STRING
                && string.start() == word.end();
    }

    /** INTERVAL (expr) unit rather than the function INTERVAL(n, n1, ...): a unit follows the parenthesis. */
    private boolean parenthesizedInterval() {
        int depth = 0;
        for (int i = 1; cursor.peek(i) != null; i++) {
            Token token = cursor.peek(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                Token after = cursor.peek(i + 1);
                return after != null && after.kind() == Token.Kind.WORD && Keywords.UNITS.contains(after.upper());
            }
        }
        return false;
    }

    /** A column ({@code c}, {@code t.c}, {@code db.t.c}) or a call of a stored function ({@code db.f(...)}). */
    private void nameOrCall() {
        Token first = cursor.peek();
        if (!Keywords.isName(first)) {
            throw cursor.error();
        }
        if (first.kind() == Token.Kind.QUOTED_IDENTIFIER && cursor.isSymbol(1, "(")) {
            call(null);
            return;
        }
        if (cursor.isSymbol(1, ".") && cursor.peek(2) != null && cursor.peek(2).isIdentifier()
                && cursor.isSymbol(3, "(")) {
            cursor.next();
            cursor.next();
            call(first.text());
            return;
        }
        columnReference();
    }

    /** {@code c}, {@code t.c} or {@code db.t.c}: returns the table's name ({@code t}), null for a bare column. */
    String columnReference() {
        String qualifier = null;
        String last = name();
        for (int parts = 1; parts < 3 && cursor.isSymbol("."); parts++) {
            cursor.next();
            // after a dot, any identifier is a name, reserved words too (t.order)
            if (!cursor.isIdentifier()) {
                throw cursor.error();
            }
            qualifier = last;
            last = cursor.next().text();
        }
        return qualifier;
    }

    /** An identifier that is not a reserved word, or a quoted one. */
    String name() {
        Token token = cursor.peek();
        if (!Keywords.isName(token)) {
            throw cursor.error();
        }
        cursor.next();
        return token.text();
    }

    private void caseExpression() {
        cursor.expectWord("CASE");
        if (!cursor.isWord("WHEN")) {
            expression();
        }
        if (!cursor.isWord("WHEN")) {
            throw cursor.error();
        }
        while (cursor.acceptWord("WHEN")) {
            expression();
            cursor.expectWord("THEN");
            expression();
        }
        if (cursor.acceptWord("ELSE")) {
            expression();
        }
        cursor.expectWord("END");
    }

    /** MATCH (col, ...) AGAINST (expr [IN NATURAL LANGUAGE MODE | IN BOOLEAN MODE | WITH QUERY EXPANSION]). */
    private void match() {
        cursor.expectWord("MATCH");
        boolean parenthesized = cursor.acceptSymbol("(");
        do {
            columnReference();
        } while (cursor.acceptSymbol(","));
        if (parenthesized) {
            cursor.expectSymbol(")");
        }
        cursor.expectWord("AGAINST");
        cursor.expectSymbol("(");
        bitExpression();
        if (cursor.acceptWord("IN")) {
            if (cursor.acceptWords("NATURAL", "LANGUAGE", "MODE")) {
                cursor.acceptWords("WITH", "QUERY", "EXPANSION");
            } else {
                cursor.expectWord("BOOLEAN");
                cursor.expectWord("MODE");
            }
        } else {
            cursor.acceptWords("WITH", "QUERY", "EXPANSION");
        }
        cursor.expectSymbol(")");
    }

    void unit() {
        Token token = cursor.peek();
        if (token == null || token.kind() != Token.Kind.WORD || !Keywords.UNITS.contains(token.upper())) {
            throw cursor.error();
        }
        cursor.next();
    }

    /** A call at the cursor ({@code name(...)}, the cursor on the name), with its OVER clause. */
    private void call(String qualifier) {
        Token name = cursor.next();
        state.call(qualifier, name, cursor.position() - 1);
        cursor.expectSymbol("(");
        FunctionArguments.parse(name.upper(), qualifier != null, this, cursor);
        cursor.expectSymbol(")");
        String upper = name.upper();
        if (upper.equals("NTH_VALUE") && cursor.acceptWord("FROM")) {
            if (!cursor.acceptWord("FIRST") && !cursor.acceptWord("LAST")) {
                throw cursor.error();
            }
        }
        if (cursor.acceptWord("RESPECT") || cursor.acceptWord("IGNORE")) {
            cursor.expectWord("NULLS");
        }
        if (qualifier == null && WINDOWED.contains(upper) && cursor.acceptWord("OVER")) {
            if (cursor.acceptSymbol("(")) {
                windowSpecification();
                cursor.expectSymbol(")");
            } else {
                name();
            }
        }
    }

    /** [name] [PARTITION BY exprs] [ORDER BY ...] [frame], inside OVER (...) or WINDOW w AS (...). */
    void windowSpecification() {
        if (Keywords.isName(cursor.peek()) && !cursor.isWord("ROWS") && !cursor.isWord("RANGE")
                && !cursor.isWord("GROUPS")) {
            cursor.next();
        }
        if (cursor.acceptWords("PARTITION", "BY")) {
            expressionList();
        }
        if (cursor.acceptWords("ORDER", "BY")) {
            orderList();
        }
        if (cursor.acceptWord("ROWS") || cursor.acceptWord("RANGE") || cursor.acceptWord("GROUPS")) {
            if (cursor.acceptWord("BETWEEN")) {
                frameBound();
                cursor.expectWord("AND");
            }
            frameBound();
        }
    }

    private void frameBound() {
        if (cursor.acceptWord("UNBOUNDED")) {
            if (!cursor.acceptWord("PRECEDING") && !cursor.acceptWord("FOLLOWING")) {
                throw cursor.error();
            }
        } else if (cursor.acceptWords("CURRENT", "ROW")) {
            return;
        } else {
            if (cursor.acceptWord("INTERVAL")) {
                expression();
                unit();
            } else {
                bitExpression();
            }
            if (!cursor.acceptWord("PRECEDING") && !cursor.acceptWord("FOLLOWING")) {
                throw cursor.error();
            }
        }
    }

    /** expr [ASC | DESC], ... */
    void orderList() {
        do {
            expression();
            if (!cursor.acceptWord("ASC")) {
                cursor.acceptWord("DESC");
            }
        } while (cursor.acceptSymbol(","));
    }

    /** A CAST or CONVERT target: one of MySQL's types, with its length, sign and character set. */
    void castType() {
        Token type = cursor.peek();
        if (type == null || type.kind() != Token.Kind.WORD || !CAST_TYPES.contains(type.upper())) {
            throw cursor.error();
        }
        cursor.next();
        if (type.isWord("SIGNED") || type.isWord("UNSIGNED")) {
            if (!cursor.acceptWord("INTEGER")) {
                cursor.acceptWord("INT");
            }
        } else if (type.isWord("DOUBLE")) {
            cursor.acceptWord("PRECISION");
        }
        if (cursor.acceptSymbol("(")) {
            expectNumber();
            if (cursor.acceptSymbol(",")) {
                expectNumber();
            }
            cursor.expectSymbol(")");
        }
        charsetClause();
        cursor.acceptWord("ARRAY");
    }

    /**
     * [CHARACTER SET cs | CHAR SET cs | CHARSET cs | ASCII | UNICODE | BINARY], with BINARY before or after a
     * character set, then [COLLATE name], after a string type.
     */
    void charsetClause() {
        boolean binary = cursor.acceptWord("BINARY");
        if (cursor.acceptWords("CHARACTER", "SET") || cursor.acceptWords("CHAR", "SET")
                || cursor.acceptWord("CHARSET")) {
            charsetName();
            if (!binary) {
                cursor.acceptWord("BINARY");
            }
        } else if (!binary && !cursor.acceptWord("ASCII") && !cursor.acceptWord("UNICODE")) {
            cursor.acceptWord("BINARY");
        }
        if (cursor.acceptWord("COLLATE")) {
            charsetName();
        }
    }

    /** A character set or collation name: a word (binary included), a quoted name or a string. */
    void charsetName() {
        Token token = cursor.peek();
        if (token == null || !(token.isIdentifier() || token.kind() == Token.Kind.STRING)) {
            throw cursor.error();
        }
        cursor.next();
    }

    private void expectNumber() {
        if (!cursor.isKind(Token.Kind.NUMBER)) {
            throw cursor.error();
        }
        cursor.next();
    }

    static boolean isQuantifier(Token token) {
        return token != null && token.kind() == Token.Kind.WORD && AGGREGATE_QUANTIFIERS.contains(token.upper());
    }
}
