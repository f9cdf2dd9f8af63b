package dev.doppel.server.instance;

import dev.doppel.server.config.variables.SystemVariableRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.doppel.server.protocol.ClientText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The general query log, as MySQL writes it to general_log_file while general_log is ON and log_output names FILE:
 * a header when the file is opened, then one line per command received, {@code time\t   id Command\targument}.
 * Connections (and refused ones), queries with their passwords replaced, Init DB, prepared statements and Quit are
 * logged; a session with sql_log_off = ON is not. SET GLOBAL general_log and general_log_file take effect at the
 * next command; FLUSH LOGS closes the file, and the next line opens it again (a rotation that renamed it goes on in a
 * new file). log_output = TABLE writes nothing yet: mysql.general_log stays empty.
 */
public final class GeneralLog {
    private static final Logger LOG = LoggerFactory.getLogger(GeneralLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SystemVariableRegistry variables;
    private final LogFile file;

    GeneralLog(SystemVariableRegistry variables, String program, int port, Path socket) {
        this.variables = variables;
        this.file = new LogFile(program, port, socket);
    }

    /** Whether lines would be written now: general_log is ON and log_output names FILE. */
    public boolean enabled() {
        return Boolean.TRUE.equals(variables.globalValue("general_log"))
                && String.valueOf(variables.globalValue("log_output")).toUpperCase(java.util.Locale.ROOT).contains("FILE");
    }

    /** One line for connection {@code thread}; {@code argument} is written as given (redact before). */
    public void write(long thread, String command, String argument) {
        if (!enabled()) {
            return;
        }
        String line = TIME.format(Instant.now()) + '\t' + String.format("%5d ", thread) + command + '\t'
                + (argument == null ? "" : argument) + '\n';
        synchronized (this) {
            try {
                file.openAt(Path.of(String.valueOf(variables.globalValue("general_log_file"))));
                // the statement's bytes as the client sent them, those that are no text included (as MySQL writes them)
                file.write(ClientText.utf8Bytes(line));
            } catch (IOException e) {
                LOG.warn("could not write the general query log: {}", e.toString());
                file.close();
            }
        }
    }

    /** FLUSH LOGS: the file is closed; the next line opens it again under general_log_file. */
    public synchronized void reopen() {
        file.close();
    }
}
