package dev.doppel.server.status;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.Keywords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A statement's digest as MySQL's performance_schema groups statements by it: the normalized text (keywords in upper
 * case, names in backquotes, every literal a {@code ?}, a list of values {@code (...)}, comments dropped, tokens one
 * space apart, at most 1024 bytes) and its SHA-256 in hexadecimal. The text is MySQL's; the hash is not MySQL's, which
 * hashes its parser's token numbers.
 */
public record StatementDigest(String text, String hash) {
    /** performance_schema_max_digest_length's default. */
    private static final int MAX_LENGTH = 1024;
    /** Past this many tokens the text would be over MAX_LENGTH anyway, but for rows of values that it reduces. */
    private static final int MAX_TOKENS = 4096;
    private static final String VALUE = "?";
    private static final String VALUES = "(...)";
    private static final String SINGLE = "(?)";
    private static final String MORE_ROWS = " /* , ... */";
    private static final Set<String> KEYWORDS = new HashSet<>(Keywords.words());
    /** The functions MySQL's lexer reads as keywords when "(" follows (its sql_functions table). */
    private static final Set<String> FUNCTIONS = Set.of("ADDDATE", "BIT_AND", "BIT_OR", "BIT_XOR", "CAST", "COUNT",
            "CURDATE", "CURTIME", "DATE_ADD", "DATE_SUB", "EXTRACT", "GROUP_CONCAT", "JSON_ARRAYAGG", "JSON_OBJECTAGG",
            "MAX", "MID", "MIN", "NOW", "POSITION", "SESSION_USER", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP",
            "SUBDATE", "SUBSTR", "SUBSTRING", "SUM", "SYSDATE", "SYSTEM_USER", "TRIM", "VARIANCE", "VAR_POP", "VAR_SAMP");
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static StatementDigest of(List<Token> tokens) {
        return make(tokens);
    }

    /** STATEMENT_DIGEST_TEXT(statement). */
    public static String digestText(String statement) {
        return statement == null ? null : make(Lexer.tokenize(statement)).text();
    }

    /** STATEMENT_DIGEST(statement). */
    public static String digestHash(String statement) {
        return statement == null ? null : make(Lexer.tokenize(statement)).hash();
    }

    private static StatementDigest make(List<Token> tokens) {
        int end = Math.min(tokens.size(), MAX_TOKENS);
        List<String> words = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            Token token = tokens.get(i);
            String next = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(") ? "(" : "";
            switch (token.kind()) {
                case STRING, NUMBER, PARAMETER -> {
                    dropSign(words);
                    words.add(VALUE);
                }
                case QUOTED_IDENTIFIER -> words.add(quoted(token.text()));
                case USER_VARIABLE -> words.add("@" + quoted(token.text()));
                case SYSTEM_VARIABLE -> words.add("@@" + token.text());
                case SYMBOL -> {
                    if (!token.isSymbol(";")) {
                        words.add(token.text());
                    }
                }
                case WORD -> word(tokens, i, next, words);
            }
        }
        if (end < tokens.size()) {
            cutToLastGroup(words);
        }
        String text = collapse(words);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            text = truncate(text);
        }
        MessageDigest sha = SHA_256.get();
        sha.reset();
        return new StatementDigest(text, HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static void word(List<Token> tokens, int i, String next, List<String> words) {
        Token token = tokens.get(i);
        String upper = token.upper();
        if (upper.startsWith("_") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.STRING) {
            return; // a character set introducer: part of the literal
        }
        if (upper.equals("NULL")) {
            boolean afterIs = !words.isEmpty() && (words.get(words.size() - 1).equals("IS")
                    || words.get(words.size() - 1).equals("NOT") && words.size() > 1
                    && words.get(words.size() - 2).equals("IS"));
            words.add(afterIs ? "NULL" : VALUE);
        } else if (KEYWORDS.contains(upper) || !next.isEmpty() && FUNCTIONS.contains(upper)) {
            words.add(upper);
        } else {
            words.add(quoted(token.text()));
        }
    }

    /** A sign before a literal is part of it, unless it follows a value (then it is an operator). */
    private static void dropSign(List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String last = words.get(words.size() - 1);
        if (!last.equals("-") && !last.equals("+")) {
            return;
        }
        String before = words.size() > 1 ? words.get(words.size() - 2) : "";
        boolean operand = before.equals(VALUE) || before.equals(")") || before.startsWith("`") || before.startsWith("@")
                || isRow(before);
        if (!operand) {
            words.remove(words.size() - 1);
        }
    }

    /**
     * A parenthesized single value as "(?)" and a list of values as "(...)", as MySQL writes them; rows of them one
     * after the other (INSERT's VALUES) as the first row followed by the comment ", ...". Then the words one space
     * apart.
     */
    private static String collapse(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            int end = words.get(i).equals("(") ? rowEnd(words, i) : -1;
            if (end > 0) {
                String row = end == i + 2 ? SINGLE : VALUES;
                String last = out.isEmpty() ? "" : out.get(out.size() - 1);
                if (last.equals(",") && out.size() > 1 && isRow(out.get(out.size() - 2))) {
                    out.remove(out.size() - 1);
                    if (!out.get(out.size() - 1).endsWith(MORE_ROWS)) {
                        out.set(out.size() - 1, out.get(out.size() - 1) + MORE_ROWS);
                    }
                } else {
                    out.add(row);
                }
                i = end;
                continue;
            }
            out.add(words.get(i));
        }
        return String.join(" ", out);
    }

    private static boolean isRow(String word) {
        return word.startsWith(SINGLE) || word.startsWith(VALUES);
    }

    /** Where a row of values "( ? , ... )" that starts at {@code open} ends, or -1. */
    private static int rowEnd(List<String> words, int open) {
        int j = open + 1;
        while (j < words.size() && words.get(j).equals(VALUE)) {
            if (j + 1 < words.size() && words.get(j + 1).equals(")")) {
                return j + 1;
            }
            if (j + 1 >= words.size() || !words.get(j + 1).equals(",")) {
                return -1;
            }
            j += 2;
        }
        return -1;
    }

    /**
     * The words of a statement longer than {@link #MAX_TOKENS} end after their last ")": a long INSERT's rows of values
     * then read as the first row followed by the comment ", ...", as MySQL's, whose digest reduces them as it reads.
     */
    private static void cutToLastGroup(List<String> words) {
        int last = words.lastIndexOf(")");
        if (last > 0) {
            words.subList(last + 1, words.size()).clear();
        }
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int end = MAX_LENGTH - 3;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + "...";
    }

}
