package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.AggregateFunctions;
import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HAVING without GROUP BY and without aggregates, over select-list aliases: MySQL filters the rows as WHERE would,
 * the engine refuses the aliases there. It becomes a WHERE (joined to one already there by AND), with each alias
 * replaced by its expression.
 */
public final class HavingAliases implements StatementRewrite {

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("SELECT")) {
            return statement;
        }
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
            } else if (each.kind() == Token.Kind.WORD && AggregateFunctions.NAMES.contains(each.upper()) && i + 1 < tokens.size()
                    && tokens.get(i + 1).isSymbol("(")) {
                return statement;
            } else if (depth == 0 && each.kind() == Token.Kind.WORD) {
                switch (each.upper()) {
                    case "FROM" -> from = from < 0 ? i : from;
                    case "WHERE" -> where = where < 0 ? i : where;
                    case "HAVING" -> having = i;
                    case "GROUP", "UNION", "WINDOW", "INTERSECT", "EXCEPT" -> {
                        return statement;
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
            return statement;
        }
        String sql = statement.sql();
        Map<String, String> aliases = aliases(sql, tokens, from);
        TextEdits edits = new TextEdits();
        int conditionStart = tokens.get(having + 1).start();
        if (where < 0) {
            edits.replace(tokens.get(having).start(), conditionStart, "WHERE ");
        } else {
            edits.replace(tokens.get(where), "WHERE (");
            edits.replace(tokens.get(having).start(), conditionStart, ") AND (");
        }
        for (int i = having + 1; i < havingEnd; i++) {
            Token each = tokens.get(i);
            String expression = each.isIdentifier() ? aliases.get(each.text().toLowerCase(Locale.ROOT)) : null;
            boolean qualified = tokens.get(i - 1).isSymbol(".");
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (expression != null && !qualified && !call) {
                edits.replace(each, "(" + expression + ")");
            }
        }
        int conditionEnd = havingEnd < tokens.size() ? tokens.get(havingEnd).start() : sql.length();
        edits.insert(conditionEnd, where < 0 ? " " : ") ");
        return edits.applyTo(statement);
    }

    /** Select-list aliases written with AS (lower case) and the text of their expressions. */
    static Map<String, String> aliases(String sql, List<Token> tokens, int from) {
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
