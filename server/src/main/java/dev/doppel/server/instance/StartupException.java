package dev.doppel.server.instance;

/** Startup cannot go on; the message goes to the error log as an [ERROR] line with the given MY- code. */
public final class StartupException extends Exception {
    private final int code;

    public StartupException(int code, String message) {
        super(message);
        this.code = code;
    }

    public StartupException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
