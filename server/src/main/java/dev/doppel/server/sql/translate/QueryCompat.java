package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL query forms the engine rejects or reads otherwise: {@code expr COLLATE name} in a query (the engine compares
 * with its own collation; the clause is dropped), HAVING without GROUP BY over select-list aliases (MySQL filters
 * the rows like WHERE; it becomes a WHERE with the aliases replaced by their expressions), INSERT's row alias
 * (InsertRowAlias), MySQL's cast types, and shared row locks. Statements without any of their words pass unchanged
 * and cheaply.
 */
public final class QueryCompat {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "VARIANCE", "JSON_ARRAYAGG", "JSON_OBJECTAGG");
    private static final Set<String> QUERY_VERBS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE");

    private QueryCompat() {
    }

    /** The statement text the engine should get, {@code sql} itself when nothing applies. */
    public static String rewrite(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !QUERY_VERBS.contains(tokens.get(0).upper())) {
            return sql;
        }
        boolean collate = false;
        boolean having = false;
        boolean casts = false;
        boolean duplicate = false;
        boolean share = false;
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.WORD) {
                collate |= each.isWord("COLLATE");
                having |= each.isWord("HAVING");
                casts |= each.isWord("SIGNED") || each.isWord("UNSIGNED") || each.isWord("CHAR")
                        || each.isWord("USING");
                share |= each.isWord("SHARE");
                duplicate |= each.isWord("DUPLICATE");
            }
        }
        String result = OrderedLimit.rewrite(sql, tokens);
        List<Token> current = result.equals(sql) ? tokens : Lexer.tokenize(result);
        if (duplicate && current.get(0).isWord("INSERT")) {
            result = InsertRowAlias.rewrite(result, current);
            current = Lexer.tokenize(result);
        }
        if (casts) {
            result = castTypes(result, current);
            current = Lexer.tokenize(result);
        }
        if (share) {
            result = sharedLocksAsExclusive(result, current);
            current = Lexer.tokenize(result);
        }
        if (collate) {
            result = withoutCollate(result, current);
            current = Lexer.tokenize(result);
        }
        if (having && current.get(0).isWord("SELECT")) {
            result = havingAsWhere(result, current);
        }
        return result;
    }

    /**
     * The cast types the engine reads otherwise: CAST(x AS SIGNED [INTEGER]) and CONVERT(x, UNSIGNED [INTEGER]) become
     * casts to BIGINT; CAST(x AS CHAR [CHARACTER SET cs]) is a string of any length in MySQL, the engine's CHAR one
     * character, so it becomes VARCHAR; CONVERT(x USING cs) converts to VARCHAR (the engine's strings have one character
     * set).
     */
    private static String castTypes(String sql, List<Token> tokens) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isWord("USING") && i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(")")
                    && TokenRanges.opening(tokens, i + 2) > 0
                    && tokens.get(TokenRanges.opening(tokens, i + 2) - 1).isWord("CONVERT")) {
                out.append(sql, copied, each.start()).append(", VARCHAR");
                copied = tokens.get(i + 1).end();
                i++;
                continue;
            }
            if (!(tokens.get(i - 1).isWord("AS") || tokens.get(i - 1).isSymbol(","))) {
                continue;
            }
            if (each.isWord("CHAR")) {
                int last = i;
                if (tokens.get(i + 1).isWord("CHARSET") && i + 2 < tokens.size()) {
                    last = i + 2;
                } else if (tokens.get(i + 1).isWord("CHARACTER") && i + 3 < tokens.size()
                        && tokens.get(i + 2).isWord("SET")) {
                    last = i + 3;
                }
                if (last + 1 < tokens.size() && tokens.get(last + 1).isSymbol(")")) {
                    out.append(sql, copied, each.start()).append("VARCHAR");
                    copied = tokens.get(last).end();
                    i = last;
                }
                continue;
            }
            if (!(each.isWord("SIGNED") || each.isWord("UNSIGNED"))) {
                continue;
            }
            int last = tokens.get(i + 1).isWord("INTEGER") || tokens.get(i + 1).isWord("INT") ? i + 1 : i;
            if (last + 1 < tokens.size() && tokens.get(last + 1).isSymbol(")")) {
                out.append(sql, copied, each.start()).append("BIGINT");
                copied = tokens.get(last).end();
                i = last;
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * SELECT ... FOR SHARE and ... LOCK IN SHARE MODE become FOR UPDATE: the engine has no shared row locks, so the
     * rows are locked exclusively (a second such reader waits where MySQL lets it in).
     */
    private static String sharedLocksAsExclusive(String sql, List<Token> tokens) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isWord("FOR") && tokens.get(i + 1).isWord("SHARE")) {
                out.append(sql, copied, each.start()).append("FOR UPDATE");
                copied = tokens.get(i + 1).end();
                i++;
            } else if (each.isWord("LOCK") && i + 3 < tokens.size() && tokens.get(i + 1).isWord("IN")
                    && tokens.get(i + 2).isWord("SHARE") && tokens.get(i + 3).isWord("MODE")) {
                out.append(sql, copied, each.start()).append("FOR UPDATE");
                copied = tokens.get(i + 3).end();
                i += 3;
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private static String withoutCollate(String sql, List<Token> tokens) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (each.isWord("COLLATE") && (name.isIdentifier() || name.kind() == Token.Kind.STRING)) {
                out.append(sql, copied, each.start()).append(' ');
                copied = name.end();
                i++;
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /** Positions of the top-level clause keywords of a single SELECT; null when it is not one to rewrite. */
    private static String havingAsWhere(String sql, List<Token> tokens) {
        int from = -1;
        int where = -1;
        int having = -1;
        int havingEnd = tokens.size();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (each.kind() == Token.Kind.WORD && AGGREGATES.contains(each.upper()) && i + 1 < tokens.size()
                    && tokens.get(i + 1).isSymbol("(")) {
                return sql;
            } else if (depth == 0 && each.kind() == Token.Kind.WORD) {
                switch (each.upper()) {
                    case "FROM" -> from = from < 0 ? i : from;
                    case "WHERE" -> where = where < 0 ? i : where;
                    case "HAVING" -> having = i;
                    case "GROUP", "UNION", "WINDOW", "INTERSECT", "EXCEPT" -> {
                        return sql;
                    }
                    case "ORDER", "LIMIT", "FOR", "INTO" -> {
                        if (having >= 0 && havingEnd == tokens.size()) {
                            havingEnd = i;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (from < 0 || having < 0 || having + 1 >= havingEnd) {
            return sql;
        }
        Map<String, String> aliases = aliases(sql, tokens, from);
        StringBuilder condition = new StringBuilder();
        int copied = tokens.get(having + 1).start();
        for (int i = having + 1; i < havingEnd; i++) {
            Token each = tokens.get(i);
            String expression = each.isIdentifier() ? aliases.get(each.text().toLowerCase(Locale.ROOT)) : null;
            boolean qualified = i > 0 && tokens.get(i - 1).isSymbol(".");
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (expression != null && !qualified && !call) {
                condition.append(sql, copied, each.start()).append('(').append(expression).append(')');
                copied = each.end();
            }
        }
        int conditionEnd = havingEnd < tokens.size() ? tokens.get(havingEnd).start() : sql.length();
        condition.append(sql, copied, conditionEnd);
        String rest = sql.substring(conditionEnd);
        if (where < 0) {
            return sql.substring(0, tokens.get(having).start()) + "WHERE " + condition + " " + rest;
        }
        return sql.substring(0, tokens.get(where).start()) + "WHERE ("
                + sql.substring(tokens.get(where).end(), tokens.get(having).start()) + ") AND (" + condition + ") "
                + rest;
    }

    /** Select-list aliases (lower case) and the text of their expressions. */
    private static Map<String, String> aliases(String sql, List<Token> tokens, int from) {
        Map<String, String> result = new HashMap<>();
        for (List<Token> item : TokenRanges.splitAtCommas(tokens, 1, from)) {
            int last = item.size() - 1;
            if (last >= 2 && item.get(last - 1).isWord("AS") && item.get(last).isIdentifier()) {
                result.put(item.get(last).text().toLowerCase(Locale.ROOT),
                        sql.substring(item.get(0).start(), item.get(last - 2).end()));
            }
        }
        return result;
    }
}
