package dev.doppel.server.sql;

import dev.doppel.server.sql.lex.Token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The history of a session's text SELECTs by shape (see QuickReads), at most 256 shapes. */
final class QuickTexts {
    private static final int MAX_SHAPES = 256;

    private final Map<String, QuickReads> shapes = new HashMap<>();

    /** Whether a plain SELECT of a shape that ran quickly before may run on the network thread. */
    boolean mayRunInline(List<Token> tokens) {
        if (!QuickReads.isPlainSelect(tokens)) {
            return false;
        }
        QuickReads history = shapes.get(QuickReads.shape(tokens));
        return history != null && history.mayRunInline();
    }

    /** The history of the statement's shape, made on first sight; null for a statement that is no plain SELECT. */
    QuickReads history(List<Token> tokens) {
        if (!QuickReads.isPlainSelect(tokens)) {
            return null;
        }
        String shape = QuickReads.shape(tokens);
        QuickReads history = shapes.get(shape);
        if (history == null) {
            if (shapes.size() >= MAX_SHAPES) {
                shapes.clear();
            }
            history = new QuickReads();
            shapes.put(shape, history);
        }
        return history;
    }
}
