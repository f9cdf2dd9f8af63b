package dev.doppel.plugin;

/** A statement or connection failed with a MySQL error; the client receives number, SQLSTATE and message. */
public class MySqlException extends RuntimeException {
    private final int number;
    private final String sqlState;

    public MySqlException(MySqlError error, String message) {
        this(error.number(), error.sqlState(), message);
    }

    public MySqlException(int number, String sqlState, String message) {
        super(message);
        this.number = number;
        this.sqlState = sqlState;
    }

    public int number() {
        return number;
    }

    public String sqlState() {
        return sqlState;
    }
}
