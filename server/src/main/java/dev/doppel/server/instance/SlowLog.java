package dev.doppel.server.instance;

import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.protocol.ClientText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The slow query log, as MySQL writes it to slow_query_log_file while slow_query_log is ON and log_output names FILE:
 * the header of the general log when the file is opened, then per statement {@code # Time:}, {@code # User@Host:},
 * {@code # Query_time: ... Lock_time: ... Rows_sent: ... Rows_examined: ...}, {@code use db;} when the database
 * differs from the last entry's, {@code SET timestamp=...;} and the statement, which pt-query-digest reads. FLUSH
 * LOGS closes the file, and the next entry opens it again. log_output = TABLE writes nothing yet: mysql.slow_log
 * stays empty.
 */
public final class SlowLog {
    private static final Logger LOG = LoggerFactory.getLogger(SlowLog.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSTEM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneId.systemDefault());

    /** One slow statement: who ran it where, when it started, how long it took, and its text (passwords redacted). */
    public record Entry(String user, String host, String address, long thread, String database, Instant started,
                        long nanos, long rowsSent, long rowsExamined, String text) {
    }

    private final SystemVariableRegistry variables;
    private final LogFile file;
    /** The database of the last entry written to the open file: "use db;" is written when it changes. */
    private String lastDatabase;

    SlowLog(SystemVariableRegistry variables, String program, int port, Path socket) {
        this.variables = variables;
        this.file = new LogFile(program, port, socket);
    }

    /** Whether entries would be written now: slow_query_log is ON and log_output names FILE. */
    public boolean enabled() {
        return Boolean.TRUE.equals(variables.globalValue("slow_query_log"))
                && String.valueOf(variables.globalValue("log_output")).toUpperCase(Locale.ROOT).contains("FILE");
    }

    public void write(Entry entry) {
        if (!enabled()) {
            return;
        }
        Instant now = Instant.now();
        boolean utc = "UTC".equals(String.valueOf(variables.globalValue("log_timestamps")));
        StringBuilder text = new StringBuilder(256 + entry.text().length());
        text.append("# Time: ").append((utc ? UTC : SYSTEM).format(now)).append('\n');
        text.append("# User@Host: ").append(entry.user()).append('[').append(entry.user()).append("] @ ")
                .append(entry.host()).append(" [").append(entry.address()).append("]  Id: ")
                .append(String.format(Locale.ROOT, "%5d", entry.thread())).append('\n');
        text.append(String.format(Locale.ROOT, "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d%n",
                entry.nanos() / 1e9, 0.0, entry.rowsSent(), entry.rowsExamined()));
        String statement = entry.text().strip();
        synchronized (this) {
            try {
                if (file.openAt(Path.of(String.valueOf(variables.globalValue("slow_query_log_file"))))) {
                    lastDatabase = null;
                }
                if (entry.database() != null && !Objects.equals(entry.database(), lastDatabase)) {
                    text.append("use ").append(entry.database()).append(";\n");
                    lastDatabase = entry.database();
                }
                text.append("SET timestamp=").append(entry.started().getEpochSecond()).append(";\n");
                text.append(statement).append(statement.endsWith(";") ? "\n" : ";\n");
                // the statement's bytes as the client sent them, as the general log writes them
                file.write(ClientText.utf8Bytes(text.toString()));
            } catch (IOException e) {
                LOG.warn("could not write the slow query log: {}", e.toString());
                file.close();
            }
        }
    }

    /** FLUSH LOGS: the file is closed; the next entry opens it again under slow_query_log_file. */
    public synchronized void reopen() {
        file.close();
    }
}
