package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.AggregateFunctions;
import dev.doppel.server.sql.translate.StatementRewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GROUP BY g1, ..., gn WITH ROLLUP}, which the engine does not have: one grouped query per level (all n
 * expressions, then the first n-1, ..., none), joined by UNION ALL. In a level's select list and HAVING, a rolled-up
 * expression is NULL (not inside an aggregate's arguments, where it is the rows' value) and {@code GROUPING(g)} is 1
 * for it, 0 otherwise; the level without expressions keeps no row for no rows, as MySQL gives none. Without ORDER BY
 * the rows come as MySQL's sorted grouping gives them: by g1, ..., gn, each super-aggregate row after the rows it
 * sums up, the grand total last. ORDER BY may name a select-list position, alias or item, or a GROUP BY expression;
 * LIMIT applies to the whole. What it cannot take apart (DISTINCT, UNION, INTO, a locking clause, an ORDER BY of
 * another expression) is left to the engine, which refuses it (1064).
 */
public final class GroupRollup implements StatementRewrite {
    private static final Set<String> UNIT_WORDS = Set.of("END", "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY",
            "WEEK", "MONTH", "QUARTER", "YEAR");

    /** A select-list item: its expression's tokens and its alias (lower case), or null. */
    private record Item(List<Token> expression, String alias) {
    }

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("SELECT") || !hasRollup(tokens)) {
            return statement;
        }
        int from = -1;
        int group = -1;
        int with = -1;
        int having = -1;
        int order = -1;
        int limit = -1;
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.kind() == Token.Kind.WORD) {
                switch (each.upper()) {
                    case "FROM" -> from = from < 0 ? i : from;
                    case "GROUP" -> group = i;
                    case "WITH" -> with = group > 0 && with < 0 ? i : with;
                    case "HAVING" -> having = i;
                    case "ORDER" -> order = i;
                    case "LIMIT" -> limit = i;
                    case "DISTINCT", "DISTINCTROW", "UNION", "INTO", "FOR", "LOCK", "WINDOW", "EXCEPT", "INTERSECT" -> {
                        return statement;
                    }
                    default -> {
                    }
                }
            }
        }
        int afterRollup = with + 2;
        int next = having >= 0 ? having : order >= 0 ? order : limit >= 0 ? limit : tokens.size();
        if (from < 0 || group < 0 || !isRollupAt(tokens, with) || group + 2 >= with || next != afterRollup
                || having >= 0 && (order >= 0 && order < having || limit >= 0 && limit < having)
                || order >= 0 && limit >= 0 && limit < order) {
            return statement;
        }
        String sql = statement.sql();
        int start = tokens.get(1).isWord("ALL") ? 2 : 1;
        List<Item> items = new ArrayList<>();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, start, from)) {
            items.add(item(tokens.subList(range[0], range[1])));
        }
        List<List<Token>> groups = new ArrayList<>();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, group + 2, with)) {
            List<Token> expression = groupExpression(tokens.subList(range[0], range[1]), items);
            if (expression == null) {
                return statement;
            }
            groups.add(expression);
        }
        int havingEnd = order >= 0 ? order : limit >= 0 ? limit : tokens.size();
        List<Token> havingTokens = having < 0 ? List.of() : tokens.subList(having + 1, havingEnd);
        String orderBy = order < 0 ? defaultOrder(groups.size())
                : orderBy(tokens.subList(order + 2, limit >= 0 ? limit : tokens.size()), items, groups);
        if (orderBy == null) {
            return statement;
        }
        String body = sql.substring(tokens.get(from).start(), tokens.get(group - 1).end());
        StringBuilder union = new StringBuilder();
        for (int level = groups.size(); level >= 0; level--) {
            if (!union.isEmpty()) {
                union.append(" UNION ALL ");
            }
            union.append(level(sql, items, groups, level, body, havingTokens));
        }
        StringBuilder result = new StringBuilder("SELECT ");
        for (int i = 1; i <= items.size(); i++) {
            result.append(i > 1 ? ", " : "").append("__c").append(i);
            List<Token> expression = items.get(i - 1).expression();
            Token last = expression.get(expression.size() - 1);
            if (items.get(i - 1).alias() == null && last.isIdentifier() && isColumn(expression)) {
                // the engine names a column's result after the column; the other names come from the statement's text
                result.append(" AS `").append(last.text().replace("`", "``")).append('`');
            }
        }
        result.append(" FROM (").append(union).append(") AS __rollup ORDER BY ").append(orderBy);
        if (limit >= 0) {
            result.append(' ').append(sql, tokens.get(limit).start(), tokens.get(tokens.size() - 1).end());
        }
        return SqlText.of(result.toString());
    }

    /** Whether the statement has ROLLUP anywhere: a rewrite repeats its query, and so its parameters, per level. */
    public static boolean hasRollup(List<Token> tokens) {
        for (Token each : tokens) {
            if (each.isWord("ROLLUP")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRollupAt(List<Token> tokens, int with) {
        return with > 0 && with + 1 < tokens.size() && tokens.get(with + 1).isWord("ROLLUP");
    }

    /** One level's grouped query: the first {@code level} expressions grouped, the others rolled up. */
    private static String level(String sql, List<Item> items, List<List<Token>> groups, int level, String body,
                                List<Token> having) {
        List<List<Token>> rolledUp = groups.subList(level, groups.size());
        StringBuilder out = new StringBuilder("SELECT ");
        for (int i = 0; i < items.size(); i++) {
            out.append(i > 0 ? ", " : "").append(text(sql, items.get(i).expression(), groups, rolledUp))
                    .append(" AS __c").append(i + 1);
        }
        for (int j = 0; j < groups.size(); j++) {
            out.append(", ").append(j < level ? 0 : 1).append(" AS __g").append(j + 1).append(", ")
                    .append(j < level ? spelled(sql, groups.get(j)) : "NULL").append(" AS __v").append(j + 1);
        }
        out.append(' ').append(body);
        if (level > 0) {
            out.append(" GROUP BY ");
            for (int j = 0; j < level; j++) {
                out.append(j > 0 ? ", " : "").append(spelled(sql, groups.get(j)));
            }
        }
        String condition = having.isEmpty() ? null : text(sql, withAliasesResolved(having, items), groups, rolledUp);
        if (level == 0) {
            condition = condition == null ? "COUNT(*) > 0" : "(" + condition + ") AND COUNT(*) > 0";
        }
        if (condition != null) {
            out.append(" HAVING ").append(condition);
        }
        return out.toString();
    }

    /**
     * The text of {@code tokens} with each rolled-up expression as NULL (outside aggregates' arguments) and each
     * {@code GROUPING(...)} as its value at this level.
     */
    private static String text(String sql, List<Token> tokens, List<List<Token>> groups, List<List<Token>> rolledUp) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            // adjacent as written stays adjacent: t.c, not t . c (after which the engine names result columns wrongly)
            boolean spaced = i > 0 && !(tokens.get(i - 1).end() == token.start() && token.end() > token.start());
            if (AggregateFunctions.isCall(tokens, i)) {
                int close = TokenRanges.closing(tokens, i + 1);
                int last = close < 0 ? tokens.size() - 1 : close;
                append(out, spaced, sql.substring(token.start(), tokens.get(last).end()));
                i = last + 1;
                continue;
            }
            if (token.isWord("GROUPING") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                int close = TokenRanges.closing(tokens, i + 1);
                if (close > 0) {
                    append(out, spaced, Long.toString(grouping(tokens.subList(i + 2, close), groups, rolledUp)));
                    i = close + 1;
                    continue;
                }
            }
            int matched = matchAt(tokens, i, rolledUp);
            if (matched > 0 && !(i > 0 && tokens.get(i - 1).isSymbol("."))) {
                append(out, spaced, "NULL");
                i += matched;
                continue;
            }
            // the parentheses around a HAVING alias's expression are the rewrite's own, with no text of their own
            append(out, spaced, token.end() > token.start() ? sql.substring(token.start(), token.end()) : token.text());
            i++;
        }
        return out.toString();
    }

    /** HAVING's names of select-list aliases as the items' expressions, which MySQL resolves them to. */
    private static List<Token> withAliasesResolved(List<Token> having, List<Item> items) {
        List<Token> result = new ArrayList<>();
        for (int i = 0; i < having.size(); i++) {
            Token token = having.get(i);
            Item aliased = null;
            boolean name = token.isIdentifier() && !(i > 0 && having.get(i - 1).isSymbol("."))
                    && !(i + 1 < having.size() && (having.get(i + 1).isSymbol("(") || having.get(i + 1).isSymbol(".")));
            for (Item each : items) {
                if (name && token.text().equalsIgnoreCase(each.alias())) {
                    aliased = each;
                }
            }
            if (aliased == null) {
                result.add(token);
            } else {
                result.add(new Token(Token.Kind.SYMBOL, "(", token.start(), token.start()));
                result.addAll(aliased.expression());
                result.add(new Token(Token.Kind.SYMBOL, ")", token.end(), token.end()));
            }
        }
        return result;
    }

    /** name, table.name or schema.table.name. */
    private static boolean isColumn(List<Token> tokens) {
        if (tokens.size() % 2 == 0 || tokens.size() > 5) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (i % 2 == 0 ? !tokens.get(i).isIdentifier() : !tokens.get(i).isSymbol(".")) {
                return false;
            }
        }
        return true;
    }

    /** GROUPING(a, b, ...): a bit per argument, the last the lowest, set for a rolled-up one. */
    private static long grouping(List<Token> arguments, List<List<Token>> groups, List<List<Token>> rolledUp) {
        long result = 0;
        for (int[] range : TokenRanges.rangesBetweenCommas(arguments, 0, arguments.size())) {
            List<Token> argument = arguments.subList(range[0], range[1]);
            boolean rolled = false;
            for (List<Token> each : rolledUp) {
                rolled |= same(each, argument);
            }
            result = result << 1 | (rolled ? 1 : 0);
        }
        return result;
    }

    private static void append(StringBuilder out, boolean spaced, String text) {
        if (spaced) {
            out.append(' ');
        }
        out.append(text);
    }

    /** The length of the rolled-up expression the tokens at {@code i} spell, or 0. */
    private static int matchAt(List<Token> tokens, int i, List<List<Token>> rolledUp) {
        int reference = i;
        while (reference + 2 < tokens.size() && tokens.get(reference + 1).isSymbol(".")
                && tokens.get(reference + 2).isIdentifier()) {
            reference += 2;
        }
        int length = reference - i + 1;
        boolean column = tokens.get(i).isIdentifier() && !(reference + 1 < tokens.size()
                && tokens.get(reference + 1).isSymbol("("));
        for (List<Token> each : rolledUp) {
            // c and t.c name one column where the statement lets c stand alone (MySQL: 1052 otherwise)
            if (column && isColumn(each) && (each.size() == 1 || length == 1)
                    && each.get(each.size() - 1).text().equalsIgnoreCase(tokens.get(reference).text())) {
                return length;
            }
        }
        for (List<Token> each : rolledUp) {
            if (i + each.size() <= tokens.size() && same(each, tokens.subList(i, i + each.size()))
                    && !(i + each.size() < tokens.size() && tokens.get(i + each.size()).isSymbol("."))) {
                return each.size();
            }
        }
        return 0;
    }

    private static boolean same(List<Token> a, List<Token> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            boolean names = x.isIdentifier() && y.isIdentifier();
            if (names ? !x.text().equalsIgnoreCase(y.text()) : x.kind() != y.kind() || !x.text().equals(y.text())) {
                return false;
            }
        }
        return true;
    }

    private static String spelled(String sql, List<Token> tokens) {
        return sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    }

    /** A select-list item, its alias ({@code [AS] name} at its end) taken off. */
    private static Item item(List<Token> tokens) {
        int size = tokens.size();
        if (size >= 3 && tokens.get(size - 2).isWord("AS") && isName(tokens.get(size - 1))) {
            return new Item(tokens.subList(0, size - 2), tokens.get(size - 1).text().toLowerCase(Locale.ROOT));
        }
        if (size >= 2 && isName(tokens.get(size - 1)) && !UNIT_WORDS.contains(tokens.get(size - 1).upper())) {
            Token before = tokens.get(size - 2);
            if (before.isSymbol(")") || before.isIdentifier() || before.kind() == Token.Kind.NUMBER
                    || before.kind() == Token.Kind.STRING) {
                return new Item(tokens.subList(0, size - 1), tokens.get(size - 1).text().toLowerCase(Locale.ROOT));
            }
        }
        return new Item(tokens, null);
    }

    private static boolean isName(Token token) {
        return token.isIdentifier() || token.kind() == Token.Kind.STRING;
    }

    /** A GROUP BY expression; a position or a select-list alias means that item's expression, as in MySQL. */
    private static List<Token> groupExpression(List<Token> tokens, List<Item> items) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1 && tokens.get(0).kind() == Token.Kind.NUMBER && Token.isDigits(tokens.get(0).text())) {
            int position = Integer.parseInt(tokens.get(0).text());
            return position >= 1 && position <= items.size() ? items.get(position - 1).expression() : null;
        }
        if (tokens.size() == 1 && tokens.get(0).isIdentifier()) {
            String name = tokens.get(0).text().toLowerCase(Locale.ROOT);
            boolean column = false;
            Item aliased = null;
            for (Item each : items) {
                column |= same(each.expression(), tokens);
                aliased = name.equals(each.alias()) ? each : aliased;
            }
            if (!column && aliased != null) {
                return aliased.expression();
            }
        }
        return tokens;
    }

    /** MySQL's order of a rollup: by each expression, a super-aggregate row after the rows it sums up. */
    private static String defaultOrder(int groups) {
        StringBuilder out = new StringBuilder();
        for (int j = 1; j <= groups; j++) {
            out.append(j > 1 ? ", " : "").append("__g").append(j).append(", __v").append(j);
        }
        return out.toString();
    }

    /** The statement's ORDER BY over the union's columns; null for an expression it cannot place. */
    private static String orderBy(List<Token> tokens, List<Item> items, List<List<Token>> groups) {
        StringBuilder out = new StringBuilder();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, 0, tokens.size())) {
            List<Token> part = tokens.subList(range[0], range[1]);
            String direction = "";
            if (!part.isEmpty() && (part.get(part.size() - 1).isWord("ASC") || part.get(part.size() - 1).isWord("DESC"))) {
                direction = " " + part.get(part.size() - 1).upper();
                part = part.subList(0, part.size() - 1);
            }
            String column = orderColumn(part, items, groups);
            if (column == null) {
                return null;
            }
            out.append(out.isEmpty() ? "" : ", ").append(column).append(direction);
        }
        return out.toString();
    }

    private static String orderColumn(List<Token> part, List<Item> items, List<List<Token>> groups) {
        if (part.size() == 1 && part.get(0).kind() == Token.Kind.NUMBER && Token.isDigits(part.get(0).text())) {
            int position = Integer.parseInt(part.get(0).text());
            return position >= 1 && position <= items.size() ? "__c" + position : null;
        }
        for (int i = 0; i < items.size(); i++) {
            Item each = items.get(i);
            if (part.size() == 1 && part.get(0).isIdentifier() && part.get(0).text().equalsIgnoreCase(each.alias())
                    || same(each.expression(), part)) {
                return "__c" + (i + 1);
            }
        }
        for (int j = 0; j < groups.size(); j++) {
            if (same(groups.get(j), part)) {
                return "__v" + (j + 1);
            }
        }
        return null;
    }
}
