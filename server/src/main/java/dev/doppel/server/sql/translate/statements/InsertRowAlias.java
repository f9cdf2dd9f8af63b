package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL 8's row alias in INSERT ... VALUES (...) AS new [(a, b)] ON DUPLICATE KEY UPDATE c = new.c, the form that
 * replaces VALUES(c) there (Laravel's upsert writes it). The engine knows only VALUES(c): the alias goes, and each
 * {@code new.c} (or {@code new.a} of a column alias, by position in the INSERT's column list) becomes VALUES(c).
 */
public final class InsertRowAlias implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("INSERT")) {
            return statement;
        }
        int on = topLevelOnDuplicate(tokens);
        if (on < 2) {
            return statement;
        }
        int aliasAt = on - 1;
        List<String> columnAliases = List.of();
        if (tokens.get(aliasAt).isSymbol(")")) {
            int open = TokenRanges.opening(tokens, aliasAt);
            if (open < 2) {
                return statement;
            }
            columnAliases = names(tokens, open + 1, aliasAt);
            aliasAt = open - 1;
        }
        if (!tokens.get(aliasAt).isIdentifier() || !tokens.get(aliasAt - 1).isWord("AS")) {
            return statement;
        }
        String alias = tokens.get(aliasAt).text().toLowerCase(Locale.ROOT);
        Map<String, String> columns = new HashMap<>();
        if (!columnAliases.isEmpty()) {
            List<String> inserted = insertColumns(tokens);
            if (inserted.size() != columnAliases.size()) {
                return statement;
            }
            for (int i = 0; i < inserted.size(); i++) {
                columns.put(columnAliases.get(i).toLowerCase(Locale.ROOT), inserted.get(i));
            }
        }
        TextEdits edits = new TextEdits();
        edits.replace(tokens.get(aliasAt - 1).start(), tokens.get(on).start(), "");
        for (int i = on + 4; i + 2 < tokens.size(); i++) {
            Token qualifier = tokens.get(i);
            if (qualifier.isIdentifier() && qualifier.text().equalsIgnoreCase(alias) && tokens.get(i + 1).isSymbol(".")
                    && tokens.get(i + 2).isIdentifier() && !(i > 0 && tokens.get(i - 1).isSymbol("."))) {
                String column = tokens.get(i + 2).text();
                String target = columns.getOrDefault(column.toLowerCase(Locale.ROOT), column);
                edits.replace(qualifier, tokens.get(i + 2), "VALUES(`" + target.replace("`", "``") + "`)");
                i += 2;
            }
        }
        return edits.applyTo(statement);
    }

    private static int topLevelOnDuplicate(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i + 3 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.isWord("ON") && tokens.get(i + 1).isWord("DUPLICATE")
                    && tokens.get(i + 2).isWord("KEY") && tokens.get(i + 3).isWord("UPDATE")) {
                return i;
            }
        }
        return -1;
    }

    /** The column list right after INSERT [IGNORE] [INTO] table, empty when there is none. */
    private static List<String> insertColumns(List<Token> tokens) {
        int i = 1;
        while (i < tokens.size() && (tokens.get(i).isWord("IGNORE") || tokens.get(i).isWord("INTO")
                || tokens.get(i).isWord("LOW_PRIORITY") || tokens.get(i).isWord("HIGH_PRIORITY"))) {
            i++;
        }
        i++; // the table
        if (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            i += 2;
        }
        if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) {
            return List.of();
        }
        int close = i;
        while (close < tokens.size() && !tokens.get(close).isSymbol(")")) {
            close++;
        }
        return names(tokens, i + 1, close);
    }

    private static List<String> names(List<Token> tokens, int from, int to) {
        List<String> result = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isIdentifier()) {
                result.add(tokens.get(i).text());
            }
        }
        return result;
    }
}
