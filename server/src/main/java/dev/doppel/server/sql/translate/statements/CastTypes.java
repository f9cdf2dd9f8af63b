package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;

/**
 * The cast types the engine reads otherwise: CAST(x AS SIGNED [INTEGER]) and CONVERT(x, UNSIGNED [INTEGER]) become
 * casts to BIGINT (a string literal read as MySQL reads text as a number, see {@link #textArgument}); CAST(x AS CHAR [CHARACTER SET cs]) is a string of any length in MySQL, the engine's CHAR one
 * character, so it becomes VARCHAR, and CAST(x AS BINARY) likewise VARBINARY (the engine's BINARY is one byte: the value
 * was cut to its first); CONVERT(x USING cs) converts to VARCHAR (the engine's strings have one character
 * set). A cast to DATE or DATETIME reads its text as MySQL does ({@link #dateCast}); TIMESTAMP(x [, t]) becomes the cast to DATETIME it is ({@link #timestampCall}).
 */
public final class CastTypes implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = new TextEdits();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isWord("TIMESTAMP") && tokens.get(i + 1).isSymbol("(") && !tokens.get(i - 1).isSymbol(".")) {
                timestampCall(tokens, i, edits);
                continue;
            }
            if (each.isWord("USING") && i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(")")
                    && TokenRanges.opening(tokens, i + 2) > 0
                    && tokens.get(TokenRanges.opening(tokens, i + 2) - 1).isWord("CONVERT")) {
                edits.replace(each, tokens.get(i + 1), ", VARCHAR");
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
                    edits.replace(each, tokens.get(last), "VARCHAR");
                    i = last;
                }
                continue;
            }
            if ((each.isWord("DATE") || each.isWord("DATETIME")) && dateCast(tokens, i, edits)) {
                continue;
            }
            if (each.isWord("BINARY") && tokens.get(i + 1).isSymbol(")")) {
                edits.replace(each, "VARBINARY");
                continue;
            }
            if (each.isWord("DECIMAL") || each.isWord("DEC") || each.isWord("NUMERIC")) {
                textArgument(statement, tokens, i, "PUBLIC.MYSQL_TEXT_DECIMAL(", edits);
                continue;
            }
            if (!(each.isWord("SIGNED") || each.isWord("UNSIGNED"))) {
                continue;
            }
            int last = tokens.get(i + 1).isWord("INTEGER") || tokens.get(i + 1).isWord("INT") ? i + 1 : i;
            if (last + 1 < tokens.size() && tokens.get(last + 1).isSymbol(")")) {
                edits.replace(each, tokens.get(last), "BIGINT");
                textArgument(statement, tokens, i, "PUBLIC.MYSQL_TEXT_INTEGER(", edits);
                i = last;
            }
        }
        return edits.applyTo(statement);
    }

    /**
     * CAST(x AS DATE | DATETIME[(n)]) and CONVERT(x, ...): x read as MySQL reads a date (NULL with warning 1292 for
     * text that is none, where the engine failed), by PUBLIC.MYSQL_CAST_DATE / MYSQL_CAST_DATETIME; whether it was one.
     */
    private static boolean dateCast(List<Token> tokens, int type, TextEdits edits) {
        int close = type + 1;
        if (tokens.get(type).isWord("DATETIME") && close + 2 < tokens.size() && tokens.get(close).isSymbol("(")) {
            close += 3;
        }
        if (close >= tokens.size() || !tokens.get(close).isSymbol(")")) {
            return false;
        }
        int open = TokenRanges.opening(tokens, close);
        if (open < 1 || !(tokens.get(open - 1).isWord("CAST") || tokens.get(open - 1).isWord("CONVERT"))) {
            return false;
        }
        String function = tokens.get(type).isWord("DATE") ? "PUBLIC.MYSQL_CAST_DATE(" : "PUBLIC.MYSQL_CAST_DATETIME(";
        edits.insertAfter(tokens.get(open), function);
        edits.insertBefore(tokens.get(type - 1), ") ");
        return true;
    }

    /**
     * MySQL's function TIMESTAMP(x) is x as a DATETIME, and TIMESTAMP(x, t) that plus the time t; the engine has no
     * such function. The DATETIME keeps the fraction digits a string literal argument has, as MySQL's does.
     */
    private static void timestampCall(List<Token> tokens, int at, TextEdits edits) {
        int close = TokenRanges.closing(tokens, at + 1);
        if (close < 0) {
            return;
        }
        List<Integer> commas = TokenRanges.commas(tokens, at + 2, close);
        if (commas.size() > 1) {
            return;
        }
        int end = commas.isEmpty() ? close : commas.get(0);
        Token first = tokens.get(at + 2);
        int digits = 0;
        if (end == at + 3 && first.kind() == Token.Kind.STRING && first.text().matches(".*\\d:\\d\\d\\.\\d+\\s*")) {
            digits = Math.min(6, first.text().trim().length() - first.text().trim().lastIndexOf('.') - 1);
        }
        String type = digits == 0 ? "DATETIME" : "DATETIME(" + digits + ")";
        edits.replace(tokens.get(at), tokens.get(at + 1), commas.isEmpty() ? "CAST(" : "ADDTIME(CAST(");
        // the call's own ")" closes the CAST, or with two arguments ADDTIME
        edits.insertBefore(tokens.get(end), " AS " + type + (commas.isEmpty() ? "" : ")"));
    }

    /**
     * CAST('12abc' AS SIGNED | UNSIGNED | DECIMAL) and CONVERT('12abc', ...): MySQL reads the text's numeric prefix,
     * with warning 1292 ("Truncated incorrect INTEGER value", "... DECIMAL value"); the engine failed on it. A string
     * literal that is the whole argument is read by {@code function} (MYSQL_TEXT_INTEGER, MYSQL_TEXT_DECIMAL).
     */
    private static void textArgument(SqlText statement, List<Token> tokens, int type, String function, TextEdits edits) {
        if (type < 4) {
            return;
        }
        Token literal = tokens.get(type - 2);
        boolean cast = tokens.get(type - 1).isWord("AS") && tokens.get(type - 4).isWord("CAST");
        boolean convert = tokens.get(type - 1).isSymbol(",") && tokens.get(type - 4).isWord("CONVERT");
        if (!(cast || convert) || literal.kind() != Token.Kind.STRING || !tokens.get(type - 3).isSymbol("(")) {
            return;
        }
        edits.replace(literal, function + statement.sql().substring(literal.start(), literal.end()) + ")");
    }
}
