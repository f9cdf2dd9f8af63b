package dev.doppel.server.sql.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text and its tokens, lexed once. A rewrite gives a new one through {@link TextEdits#applyTo}, which
 * lexes only the text it inserts and moves the other tokens, so the statement is never lexed again on its way to
 * the engine.
 */
public record SqlText(String sql, List<Token> tokens) {
    public static SqlText of(String sql) {
        return new SqlText(sql, Lexer.tokenize(sql));
    }

    /** One statement of a multi-statement text, on its own text: its tokens moved, not lexed again. */
    public static SqlText slice(String text, List<Token> tokens) {
        int from = tokens.get(0).start();
        String sql = text.substring(from, tokens.get(tokens.size() - 1).end());
        List<Token> moved = new ArrayList<>(tokens.size());
        for (Token each : tokens) {
            moved.add(new Token(each.kind(), each.text(), each.start() - from, each.end() - from));
        }
        return new SqlText(sql, moved);
    }

    public Token token(int index) {
        return tokens.get(index);
    }

    public int size() {
        return tokens.size();
    }

    public boolean startsWith(String word) {
        return !tokens.isEmpty() && tokens.get(0).isWord(word);
    }
}
