package dev.doppel.server.sql.lex;

import java.util.Locale;

/** One token of a MySQL statement with its place in the text ({@code start} inclusive, {@code end} exclusive). */
public record Token(Kind kind, String text, int start, int end) {

    public enum Kind {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A `backtick quoted` identifier; {@code text} is the unquoted name. */
        QUOTED_IDENTIFIER,
        /** A 'single' or "double" quoted string; {@code text} is the unescaped value. */
        STRING,
        NUMBER,
        /** @@name, @@global.name, @@session.name; {@code text} is the part after @@. */
        SYSTEM_VARIABLE,
        /** @name; {@code text} is the name. */
        USER_VARIABLE,
        /** ? placeholder of a prepared statement. */
        PARAMETER,
        /** Punctuation and operators. */
        SYMBOL
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier's name, whether quoted or not. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** A hexadecimal (0x..) or bit-value (0b..) number, which MySQL reads as a binary string outside numeric context. */
    public boolean isHexOrBitNumber() {
        return kind == Kind.NUMBER && (text.startsWith("0x") || text.startsWith("0b"));
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Whether {@code text} is one or more ASCII digits (what a regex would say, without compiling one per call). */
    public static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
