package dev.doppel.server.sql.lex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of ranges of a statement's text, applied together. */
public final class TextEdits {
    private record Edit(int start, int end, String text) {
    }

    private final List<Edit> edits = new ArrayList<>();

    public void replace(Token token, String text) {
        edits.add(new Edit(token.start(), token.end(), text));
    }

    /** Replaces the tokens from {@code first} to {@code last}, both included, and the text between them. */
    public void replace(Token first, Token last, String text) {
        edits.add(new Edit(first.start(), last.end(), text));
    }

    /** Replaces the text from {@code start} to {@code end}, which are token boundaries. */
    public void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text));
    }

    /** Inserts {@code text} as it is (no space added) at {@code position} of the text. */
    public void insert(int position, String text) {
        edits.add(new Edit(position, position, text));
    }

    /** Inserts {@code text} (with a space) right after {@code token}. */
    public void insertAfter(Token token, String text) {
        edits.add(new Edit(token.end(), token.end(), " " + text));
    }

    /** Inserts {@code text} (with a space) right before {@code token}. */
    public void insertBefore(Token token, String text) {
        edits.add(new Edit(token.start(), token.start(), text + " "));
    }

    /** {@code sql} from {@code from} to {@code to} with the edits inside that range applied. */
    public String apply(String sql, int from, int to) {
        List<Edit> sorted = new ArrayList<>(edits);
        // at one position an insertion goes before a replacement (a closing parenthesis before the operator after it)
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparing(each -> each.end() > each.start()));
        StringBuilder out = new StringBuilder();
        int copied = from;
        for (Edit each : sorted) {
            if (each.start() < from || each.end() > to) {
                continue;
            }
            out.append(sql, copied, each.start()).append(each.text());
            copied = each.end();
        }
        return out.append(sql, copied, to).toString();
    }

    public String apply(String sql) {
        return apply(sql, 0, sql.length());
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /**
     * {@code statement} with the edits applied. The tokens outside the edits are kept and moved; only the inserted
     * text is lexed. Edits start and end at token boundaries.
     */
    public SqlText applyTo(SqlText statement) {
        if (edits.isEmpty()) {
            return statement;
        }
        List<Edit> sorted = new ArrayList<>(edits);
        // at one position an insertion goes before a replacement (a closing parenthesis before the operator after it)
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparing(each -> each.end() > each.start()));
        String sql = statement.sql();
        List<Token> tokens = statement.tokens();
        StringBuilder out = new StringBuilder(sql.length() + 32);
        List<Token> result = new ArrayList<>(tokens.size() + 8);
        int next = 0;
        int copied = 0;
        for (Edit each : sorted) {
            if (each.start() < copied) {
                continue;
            }
            int shift = out.length() - copied;
            while (next < tokens.size() && tokens.get(next).end() <= each.start()) {
                result.add(moved(tokens.get(next++), shift));
            }
            while (next < tokens.size() && tokens.get(next).start() < each.end()) {
                next++;
            }
            out.append(sql, copied, each.start());
            int at = out.length();
            for (Token inserted : Lexer.tokenize(each.text())) {
                result.add(moved(inserted, at));
            }
            out.append(each.text());
            copied = each.end();
        }
        int shift = out.length() - copied;
        while (next < tokens.size()) {
            result.add(moved(tokens.get(next++), shift));
        }
        out.append(sql, copied, sql.length());
        return new SqlText(out.toString(), result);
    }

    private static Token moved(Token token, int shift) {
        return shift == 0 ? token : new Token(token.kind(), token.text(), token.start() + shift, token.end() + shift);
    }
}
