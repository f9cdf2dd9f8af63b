package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;

/**
 * The answer to a failure that is not one of MySQL's errors: every command gets an ERR packet, whatever broke inside
 * it, and the session goes on. A statement nested too deep for the thread's stack gets MySQL's 1436, one that ran out
 * of memory 1041, anything else 1105 naming what went wrong.
 */
public final class InternalFailures {
    /** MySQL's default thread_stack, which its 1436 message reports. */
    private static final long THREAD_STACK = 1_048_576;
    /** What MySQL reports as needed beyond the stack: the margin its parser checks for. */
    private static final long STACK_NEEDED = 16_000;

    private InternalFailures() {
    }

    /** The MySQL error for a failure; a MySqlException found in its causes is that error. */
    public static MySqlException answer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MySqlException raised) {
                return raised;
            }
        }
        Throwable resource = resourceExhaustion(failure);
        if (resource instanceof StackOverflowError) {
            return MySqlError.ER_STACK_OVERRUN_NEED_MORE.exception(THREAD_STACK, THREAD_STACK, STACK_NEEDED);
        }
        if (resource instanceof OutOfMemoryError) {
            return MySqlError.ER_OUT_OF_RESOURCES.exception();
        }
        String message = failure.getMessage();
        return new MySqlException(1105, "HY000", "Internal error: " + failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse("")));
    }

    /** The StackOverflowError or OutOfMemoryError behind a failure (the engine wraps them), or null. */
    public static Throwable resourceExhaustion(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
                return cause;
            }
        }
        return null;
    }

    /** Where a failure happened, for the error log: its first frame, and the first of the server's own below it. */
    public static String where(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length == 0) {
            return "";
        }
        StringBuilder result = new StringBuilder(" at ").append(frames[0]);
        for (StackTraceElement each : frames) {
            if (each.getClassName().startsWith("dev.doppel.") && each != frames[0]) {
                result.append(" from ").append(each);
                break;
            }
        }
        return result.toString();
    }
}
