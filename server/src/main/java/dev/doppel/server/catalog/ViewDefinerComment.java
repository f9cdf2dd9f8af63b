package dev.doppel.server.catalog;

import java.util.Optional;

/**
 * How a view's definer, SQL SECURITY and MySQL text are kept: in the engine's comment on the view, which no client
 * sees (information_schema and SHOW are the server's).
 */
public final class ViewDefinerComment {
    /** What such a comment starts with. */
    public static final String MARK = "doppel-view";
    private static final String SEPARATOR = "\u0001";

    /** The kept facts of one view. */
    public record Definer(boolean invoker, String user, String host, String select) {
        /** MySQL's {@code DEFINER} column: user@host. */
        public String definer() {
            return user + "@" + host;
        }
    }

    private ViewDefinerComment() {
    }

    public static String encode(Definer definer) {
        return String.join(SEPARATOR, MARK, definer.invoker() ? "INVOKER" : "DEFINER", definer.user(), definer.host(),
                definer.select());
    }

    /** The facts kept in {@code comment}, or empty for a view made before they were kept. */
    public static Optional<Definer> decode(String comment) {
        if (comment == null || !comment.startsWith(MARK + SEPARATOR)) {
            return Optional.empty();
        }
        String[] parts = comment.split(SEPARATOR, 5);
        return parts.length < 5 ? Optional.empty()
                : Optional.of(new Definer(parts[1].equals("INVOKER"), parts[2], parts[3], parts[4]));
    }
}
