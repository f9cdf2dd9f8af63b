package dev.doppel.server.instance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.IntSupplier;

/**
 * The server's error log in MySQL 8's format:
 * {@code 2026-11-21T06:00:00.123456Z 0 [System] [MY-010931] [Server] message}.
 * Lines go through logback to a file (--log-error) or to stderr.
 */
public final class ErrorLog {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String LOGGER = "doppel.error-log";

    /** The four labels MySQL prints; the priority decides what log_error_verbosity lets through. */
    public enum Label {
        SYSTEM("System", 0), ERROR("ERROR", 1), WARNING("Warning", 2), NOTE("Note", 3);

        private final String text;
        private final int priority;

        Label(String text, int priority) {
            this.text = text;
            this.priority = priority;
        }
    }

    private final org.slf4j.Logger logger = LoggerFactory.getLogger(LOGGER);
    private volatile IntSupplier verbosity = () -> 2;

    /** Points the log at {@code file} (appending) or at stderr when {@code file} is null. */
    public static ErrorLog configure(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (file == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
            fileAppender.setFile(file.toString());
            fileAppender.setAppend(true);
            appender = fileAppender;
        }
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ERROR);
        root.addAppender(appender);
        context.getLogger(LOGGER).setLevel(Level.INFO);
        return new ErrorLog();
    }

    /** A log that writes to whatever logback is configured with (tests). */
    public static ErrorLog unconfigured() {
        return new ErrorLog();
    }

    public void verbosity(int value) {
        this.verbosity = () -> value;
    }

    /** Follows a setting that may change while the server runs (log_error_verbosity). */
    public void verbosity(IntSupplier value) {
        this.verbosity = value;
    }

    public void system(int code, String message) {
        write(0, Label.SYSTEM, code, "Server", message);
    }

    public void error(int code, String message) {
        write(0, Label.ERROR, code, "Server", message);
    }

    public void warning(int code, String message) {
        write(0, Label.WARNING, code, "Server", message);
    }

    public void note(int code, String message) {
        write(0, Label.NOTE, code, "Server", message);
    }

    /**
     * Closes and opens the log file again (FLUSH LOGS, FLUSH ERROR LOGS): after a rotation that renamed the file,
     * the log goes on in a new file under the configured name. Nothing to do when the log goes to stderr.
     */
    public void reopen() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof FileAppender<ILoggingEvent> file) {
                file.stop();
                file.start();
            }
        });
    }

    /** Writes one line; {@code thread} is the connection id (0 for the server itself). */
    public void write(long thread, Label label, int code, String subsystem, String message) {
        if (label.priority > verbosity.getAsInt()) {
            return;
        }
        String line = TIMESTAMP.format(Instant.now()) + ' ' + thread + " [" + label.text + "] [MY-"
                + String.format("%06d", code) + "] [" + subsystem + "] " + message;
        logger.info(line);
    }
}
