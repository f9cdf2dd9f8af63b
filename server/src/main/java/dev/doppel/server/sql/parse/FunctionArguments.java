package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

/**
 * The arguments of a call, between its parentheses: a list of expressions, or the special forms MySQL's grammar has
 * for some functions (CAST(x AS type), CONVERT(x USING cs), EXTRACT(unit FROM x), TRIM(LEADING y FROM x),
 * SUBSTRING(x FROM n FOR m), POSITION(y IN x), GROUP_CONCAT(... ORDER BY ... SEPARATOR s), COUNT(*), ...).
 */
public final class FunctionArguments {
    private FunctionArguments() {
    }

    static void parse(String name, boolean stored, Expressions expressions, TokenCursor cursor) {
        if (cursor.isSymbol(")")) {
            return;
        }
        if (stored) {
            expressions.expressionList();
            return;
        }
        switch (name) {
            case "CAST" -> {
                expressions.expression();
                if (cursor.acceptWords("AT", "TIME", "ZONE")) {
                    cursor.acceptWord("INTERVAL");
                    expressions.expression();
                }
                cursor.expectWord("AS");
                expressions.castType();
            }
            case "CONVERT" -> {
                expressions.expression();
                if (cursor.acceptSymbol(",")) {
                    expressions.castType();
                } else {
                    cursor.expectWord("USING");
                    expressions.charsetName();
                }
            }
            case "EXTRACT" -> {
                expressions.unit();
                cursor.expectWord("FROM");
                expressions.expression();
            }
            case "TRIM" -> trim(expressions, cursor);
            case "SUBSTRING", "SUBSTR" -> {
                expressions.expression();
                if (cursor.acceptWord("FROM")) {
                    expressions.expression();
                    if (cursor.acceptWord("FOR")) {
                        expressions.expression();
                    }
                } else {
                    while (cursor.acceptSymbol(",")) {
                        expressions.expression();
                    }
                }
            }
            case "POSITION" -> {
                expressions.bitExpression();
                cursor.expectWord("IN");
                expressions.expression();
            }
            case "TIMESTAMPADD", "TIMESTAMPDIFF" -> {
                expressions.unit();
                cursor.expectSymbol(",");
                expressions.expression();
                cursor.expectSymbol(",");
                expressions.expression();
            }
            case "GET_FORMAT" -> {
                if (!(cursor.acceptWord("DATE") || cursor.acceptWord("TIME") || cursor.acceptWord("DATETIME")
                        || cursor.acceptWord("TIMESTAMP"))) {
                    throw cursor.error();
                }
                cursor.expectSymbol(",");
                expressions.expression();
            }
            case "CHAR" -> {
                expressions.expressionList();
                if (cursor.acceptWord("USING")) {
                    expressions.charsetName();
                }
            }
            case "WEIGHT_STRING" -> {
                expressions.expression();
                if (cursor.acceptWord("AS")) {
                    expressions.castType();
                }
            }
            case "JSON_VALUE" -> jsonValue(expressions, cursor);
            case "GROUP_CONCAT" -> {
                quantifier(cursor);
                expressions.expressionList();
                if (cursor.acceptWords("ORDER", "BY")) {
                    expressions.orderList();
                }
                if (cursor.acceptWord("SEPARATOR")) {
                    separator(cursor);
                }
            }
            case "COUNT" -> {
                if (!cursor.acceptSymbol("*")) {
                    quantifier(cursor);
                    expressions.expressionList();
                }
            }
            case "JSON_ARRAYAGG", "JSON_OBJECTAGG", "SUM", "AVG", "MIN", "MAX", "BIT_AND", "BIT_OR", "BIT_XOR",
                 "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP" -> {
                quantifier(cursor);
                expressions.expressionList();
            }
            default -> expressions.expressionList();
        }
    }

    private static void quantifier(TokenCursor cursor) {
        if (Expressions.isQuantifier(cursor.peek())) {
            cursor.next();
        }
    }

    /** TRIM([{BOTH | LEADING | TRAILING} [remstr] FROM] str) and TRIM([remstr FROM] str). */
    private static void trim(Expressions expressions, TokenCursor cursor) {
        if (cursor.acceptWord("BOTH") || cursor.acceptWord("LEADING") || cursor.acceptWord("TRAILING")) {
            if (!cursor.isWord("FROM")) {
                expressions.expression();
            }
            cursor.expectWord("FROM");
            expressions.expression();
            return;
        }
        expressions.expression();
        if (cursor.acceptWord("FROM")) {
            expressions.expression();
        }
    }

    /** JSON_VALUE(doc, path [RETURNING type] [{NULL | ERROR | DEFAULT v} ON EMPTY] [... ON ERROR]). */
    private static void jsonValue(Expressions expressions, TokenCursor cursor) {
        expressions.expression();
        cursor.expectSymbol(",");
        expressions.expression();
        if (cursor.acceptWord("RETURNING")) {
            expressions.castType();
        }
        while (!cursor.isSymbol(")")) {
            if (cursor.acceptWord("DEFAULT")) {
                expressions.expression();
            } else if (!cursor.acceptWord("NULL") && !cursor.acceptWord("ERROR")) {
                throw cursor.error();
            }
            cursor.expectWord("ON");
            if (!cursor.acceptWord("EMPTY") && !cursor.acceptWord("ERROR")) {
                throw cursor.error();
            }
        }
    }

    /** MySQL's text_string: a quoted string, 0x.. or 0b... */
    private static void separator(TokenCursor cursor) {
        Token token = cursor.peek();
        if (token != null && token.isHexOrBitNumber()) {
            cursor.next();
        } else {
            string(cursor);
        }
    }

    private static void string(TokenCursor cursor) {
        if (!cursor.isKind(Token.Kind.STRING)) {
            throw cursor.error();
        }
        cursor.next();
    }
}
