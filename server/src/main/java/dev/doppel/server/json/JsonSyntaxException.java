package dev.doppel.server.json;

/** A text that is no JSON document: MySQL's (rapidjson's) message and the byte offset where parsing stopped. */
public final class JsonSyntaxException extends RuntimeException {
    private final int position;

    JsonSyntaxException(String message, int position) {
        super(message, null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
