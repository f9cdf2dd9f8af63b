package dev.doppel.server.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two MySQL query forms the engine rejects, as connectors' metadata queries send them: {@code expr COLLATE name}
 * in a query (the engine compares with its own collation; the clause is dropped), and HAVING without GROUP BY
 * over select-list aliases (MySQL filters the rows like WHERE; it becomes a WHERE with the aliases replaced by
 * their expressions). Statements without either word pass unchanged and cheaply.
 */
final class QueryCompat {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "VARIANCE", "JSON_ARRAYAGG", "JSON_OBJECTAGG");
    private static final Set<String> QUERY_VERBS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE");

    private QueryCompat() {
    }

    /** The statement text the engine should get, {@code sql} itself when nothing applies. */
    static String rewrite(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !QUERY_VERBS.contains(tokens.get(0).upper())) {
            return sql;
        }
        boolean collate = false;
        boolean having = false;
        boolean signed = false;
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.WORD) {
                collate |= each.isWord("COLLATE");
                having |= each.isWord("HAVING");
                signed |= each.isWord("SIGNED") || each.isWord("UNSIGNED");
            }
        }
        String result = OrderedLimit.rewrite(sql, tokens);
        List<Token> current = result.equals(sql) ? tokens : Lexer.tokenize(result);
        if (signed) {
            result = signedCasts(result, current);
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

    /** CAST(x AS SIGNED [INTEGER]) and CONVERT(x, UNSIGNED [INTEGER]) become casts to BIGINT. */
    private static String signedCasts(String sql, List<Token> tokens) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (!(each.isWord("SIGNED") || each.isWord("UNSIGNED"))
                    || !(tokens.get(i - 1).isWord("AS") || tokens.get(i - 1).isSymbol(","))) {
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
