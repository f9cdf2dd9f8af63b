package dev.doppel.server.sql.access;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The expressions of CREATE TABLE and ALTER TABLE that the engine evaluates later, at every insert or update: a
 * column's DEFAULT (expr) or DEFAULT f(...), ON UPDATE f(...), a generated column's AS (expr) and CHECK (expr). Each is
 * parsed with MySQL's grammar and its calls go through the function allowlist, so that no engine function (such as
 * DATABASE_PATH()) is stored in a table to run there (docs/security.md).
 */
public final class DdlExpressions {
    private DdlExpressions() {
    }

    public static void check(String sql, List<Token> tokens, String schema) {
        List<Token> query = createTableQuery(tokens);
        if (query != null) {
            FunctionAllowlist.check(sql, query, schema);
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token word = tokens.get(i);
            if (!(word.isWord("DEFAULT") || word.isWord("CHECK") || word.isWord("AS")
                    || word.isWord("UPDATE") && i > 0 && tokens.get(i - 1).isWord("ON"))) {
                continue;
            }
            int start = i + 1;
            Token next = tokens.get(start);
            int end;
            if (next.isSymbol("(")) {
                end = TokenRanges.closing(tokens, start);
            } else if (next.isIdentifier() && start + 1 < tokens.size() && tokens.get(start + 1).isSymbol("(")
                    && !word.isWord("AS") && !word.isWord("CHECK")) {
                end = TokenRanges.closing(tokens, start + 1);
            } else {
                continue;
            }
            if (end < 0) {
                continue;
            }
            checkExpression(sql, tokens.subList(start, end + 1), schema);
        }
    }

    /**
     * The query of CREATE TABLE ... [IGNORE | REPLACE] [AS] SELECT / WITH / (SELECT ...): from its first word to the
     * end; null when the statement has none.
     */
    static List<Token> createTableQuery(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return null;
        }
        int depth = 0;
        for (int i = 2; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.isWord("SELECT") || token.isWord("WITH"))) {
                return tokens.subList(i, tokens.size());
            }
            if (depth == 0 && token.isSymbol("(") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("SELECT") || tokens.get(i + 1).isWord("WITH"))) {
                return tokens.subList(i, tokens.size());
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return null;
    }

    /**
     * The query of CREATE / ALTER VIEW whose word VIEW is at {@code view}: after the first top-level AS, without a
     * trailing WITH [CASCADED | LOCAL] CHECK OPTION; null when there is none.
     */
    static List<Token> viewQuery(List<Token> tokens, int view) {
        int as = TokenRanges.firstTopLevel(tokens, view + 1, tokens.size(), java.util.Set.of("AS"));
        if (as < 0 || as + 1 >= tokens.size()) {
            return null;
        }
        int end = tokens.size();
        if (end - as > 3 && tokens.get(end - 1).isWord("OPTION") && tokens.get(end - 2).isWord("CHECK")) {
            int with = tokens.get(end - 3).isWord("CASCADED") || tokens.get(end - 3).isWord("LOCAL") ? end - 4 : end - 3;
            if (with > as + 1 && tokens.get(with).isWord("WITH")) {
                end = with;
            }
        }
        return tokens.subList(as + 1, end);
    }

    /** One expression, read as the select list of a SELECT: 1064 when it is not MySQL's, 1305 for a call MySQL lacks. */
    private static void checkExpression(String sql, List<Token> expression, String schema) {
        if (expression.size() > 1 && expression.get(1).isWord("SELECT")) {
            return; // CREATE TABLE ... AS (SELECT ...): a query, checked as the statement's own
        }
        List<Token> select = new ArrayList<>(expression.size() + 1);
        Token first = expression.get(0);
        select.add(new Token(Token.Kind.WORD, "SELECT", first.start(), first.start()));
        select.addAll(expression);
        ParsedStatement parsed = StatementParser.parse(sql, select);
        FunctionAllowlist.check(parsed, schema);
    }
}
