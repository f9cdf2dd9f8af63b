package dev.doppel.server.sql.lex;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's optimizer hints that the server reads: a {@code /*+ ... *}{@code /} comment right after a statement's first
 * SELECT. The lexer drops comments, so the hint is read from the text between the SELECT and the token after it.
 * Only MAX_EXECUTION_TIME(N) does something here (the others are for MySQL's optimizer); as in MySQL it applies to
 * the outermost SELECT only.
 */
public final class OptimizerHints {
    private static final Pattern MAX_EXECUTION_TIME =
            Pattern.compile("\\bMAX_EXECUTION_TIME\\s*\\(\\s*(\\d{1,10})\\s*\\)");

    private OptimizerHints() {
    }

    /** The milliseconds of the statement's MAX_EXECUTION_TIME hint, or -1 when it has none. */
    public static long maxExecutionTime(String sql, List<Token> tokens) {
        if (sql == null || tokens.size() < 2 || !tokens.get(0).isWord("SELECT")) {
            return -1;
        }
        int from = tokens.get(0).end();
        int to = tokens.get(1).start();
        int open = from;
        while (open + 3 <= to && !sql.startsWith("/*+", open)) {
            open++;
        }
        if (open + 3 > to) {
            return -1; // nearly every statement: only the gap after SELECT is read, nothing copied
        }
        int close = sql.indexOf("*/", open + 3);
        String hints = sql.substring(open + 3, close < 0 || close > to ? to : close).toUpperCase(Locale.ROOT);
        Matcher matcher = MAX_EXECUTION_TIME.matcher(hints);
        return matcher.find() ? Math.min(Long.parseLong(matcher.group(1)), 4294967295L) : -1;
    }
}
