package dev.doppel.server.sql.results;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.Keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The column names MySQL gives a SELECT's items: the alias when there is one, else the expression as typed
 * ({@code SELECT @@version, 1+1} gives columns "@@version" and "1+1"). Null for a plain column reference,
 * whose name comes from the engine; no labels at all when the list contains a star.
 */
public final class SelectLabels {
    private static final Set<String> MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS");
    private static final Set<String> ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "FOR", "WINDOW", "LOCK", "EXCEPT", "INTERSECT");

    private SelectLabels() {
    }

    public static List<String> of(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return null;
        }
        int index = 1;
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && MODIFIERS.contains(tokens.get(index).upper())) {
            index++;
        }
        List<String> result = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && token.kind() == Token.Kind.WORD && ENDS.contains(token.upper())) {
                break;
            }
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(";"))) {
                if (!addLabel(sql, item, result)) {
                    return null;
                }
                item.clear();
                if (token.isSymbol(";")) {
                    break;
                }
                continue;
            }
            item.add(token);
        }
        if (!item.isEmpty() && !addLabel(sql, item, result)) {
            return null;
        }
        return result;
    }

    private static boolean addLabel(String sql, List<Token> item, List<String> labels) {
        if (item.isEmpty()) {
            return false;
        }
        int size = item.size();
        // * or t.*: the columns are the engine's to name
        if (item.get(size - 1).isSymbol("*") && (size == 1 || item.get(size - 2).isSymbol("."))) {
            return false;
        }
        if (size >= 3 && item.get(size - 2).isWord("AS")) {
            labels.add(item.get(size - 1).text());
            return true;
        }
        String literal = stringLiteral(item);
        if (literal != null) {
            labels.add(literal);
            return true;
        }
        if (size >= 2 && isName(item.get(size - 1)) && endsOperand(item.get(size - 2)) && !endsInterval(item)
                && !(item.get(size - 1).kind() == Token.Kind.STRING && item.get(size - 2).kind() == Token.Kind.STRING)
                && !isPrefixedString(item.get(size - 2), item.get(size - 1))) {
            labels.add(item.get(size - 1).text());
            return true;
        }
        if (isColumnReference(item)) {
            labels.add(null);
            return true;
        }
        labels.add(sql.substring(item.get(0).start(), item.get(size - 1).end()));
        return true;
    }

    /**
     * The label MySQL gives an item that is a string literal: its value, the first part's alone for {@code 'a' 'b'}
     * (one literal, 'ab'), without an {@code N} or {@code _charset} introducer written against it. Null otherwise.
     */
    private static String stringLiteral(List<Token> item) {
        int first = 0;
        Token head = item.get(0);
        if (item.size() > 1 && head.kind() == Token.Kind.WORD && head.end() == item.get(1).start()
                && (head.text().startsWith("_") || head.text().equalsIgnoreCase("N"))) {
            first = 1;
        }
        for (int i = first; i < item.size(); i++) {
            if (item.get(i).kind() != Token.Kind.STRING) {
                return null;
            }
        }
        return item.get(first).text();
    }

    /** X'..', B'..', N'..' or _charset'..': one literal, the prefix written against the string. */
    private static boolean isPrefixedString(Token prefix, Token string) {
        return string.kind() == Token.Kind.STRING && prefix.kind() == Token.Kind.WORD && prefix.end() == string.start()
                && (prefix.text().length() == 1 || prefix.text().startsWith("_"));
    }

    /** {@code ... + INTERVAL 1 DAY}: the last word is the interval's unit, not an alias. */
    private static boolean endsInterval(List<Token> item) {
        Token last = item.get(item.size() - 1);
        if (last.kind() != Token.Kind.WORD || !Keywords.isIntervalUnit(last.text())) {
            return false;
        }
        for (int i = item.size() - 2; i >= 0; i--) {
            if (item.get(i).isWord("INTERVAL")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(Token token) {
        return token.isIdentifier() || token.kind() == Token.Kind.STRING;
    }

    /** Whether an alias may follow: not after an operator word ({@code x LIKE 'a%'} has no alias). */
    private static boolean endsOperand(Token token) {
        if (token.kind() == Token.Kind.WORD && Keywords.isReserved(token)) {
            return token.isWord("NULL") || token.isWord("TRUE") || token.isWord("FALSE");
        }
        return token.isIdentifier() || token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.STRING
                || token.isSymbol(")") || token.kind() == Token.Kind.SYSTEM_VARIABLE
                || token.kind() == Token.Kind.USER_VARIABLE;
    }

    private static boolean isColumnReference(List<Token> item) {
        for (int i = 0; i < item.size(); i++) {
            boolean expected = i % 2 == 0 ? item.get(i).isIdentifier() : item.get(i).isSymbol(".");
            if (!expected) {
                return false;
            }
        }
        return item.size() % 2 == 1 && !isKeywordLiteral(item);
    }

    private static boolean isKeywordLiteral(List<Token> item) {
        return item.size() == 1 && item.get(0).kind() == Token.Kind.WORD
                && Set.of("NULL", "TRUE", "FALSE", "CURRENT_USER", "CURRENT_DATE", "CURRENT_TIME",
                "CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP").contains(item.get(0).upper());
    }
}
