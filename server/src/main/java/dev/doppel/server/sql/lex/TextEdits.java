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
        sorted.sort(Comparator.comparingInt(Edit::start));
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
}
