package dev.doppel.server.json;

/** A path expression that does not parse, with the character position MySQL reports for it. */
public final class JsonPathException extends RuntimeException {
    private final int position;

    JsonPathException(int position) {
        super("Invalid JSON path expression", null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
