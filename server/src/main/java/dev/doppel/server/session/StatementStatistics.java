package dev.doppel.server.session;

import dev.doppel.server.sql.lex.SecretRedaction;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.status.DigestSummaries;
import dev.doppel.server.status.StatementDigest;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a statement a client sent leaves behind when it ends, well or not: the slow query log and Slow_queries
 * ({@link SlowQueries}), and its digest's row in performance_schema.events_statements_summary_by_digest.
 */
public final class StatementStatistics {
    /** A statement's start: the clock, what the connection had been sent before it, and the database then. */
    public record Start(long nanos, long rowsSent, long errorsSent, String schema) {
    }

    private StatementStatistics() {
    }

    public static Start start(Session session) {
        return new Start(System.nanoTime(), session.writer().rowsSent(), session.writer().errorsSent(),
                session.schema());
    }

    /** The statement {@code text} ({@code tokens} its own) has ended; an error it ended with has been sent. */
    public static void ended(Session session, String text, List<Token> tokens, Start start) {
        ended(session, () -> text, tokens, StatementDigest.of(tokens), start, false);
    }

    /**
     * {@code text} is made only when it is logged or sampled; {@code digest} is the statement's; {@code failed}: it
     * ended with an error not yet sent.
     */
    public static void ended(Session session, Supplier<String> text, List<Token> tokens, StatementDigest digest,
                             Start start, boolean failed) {
        long nanos = System.nanoTime() - start.nanos();
        long rowsSent = session.writer().rowsSent() - start.rowsSent();
        SlowQueries.ended(session, text, tokens, nanos, rowsSent);
        boolean error = failed || session.writer().errorsSent() != start.errorsSent();
        long warnings = 0;
        Session.Warning firstError = null;
        for (Session.Warning each : session.warnings()) {
            boolean isError = each.level().equals("Error");
            warnings += isError ? 0 : 1;
            firstError = firstError == null && isError ? each : firstError;
        }
        long affected = error ? 0 : Math.max(0, session.writer().rowCount());
        Supplier<String> redacted = () -> SecretRedaction.redact(text.get());
        session.server().status().digests().record(new DigestSummaries.Statement(start.schema(),
                digest, redacted, nanos, error, warnings, affected, rowsSent));
        int errorNumber = firstError != null ? firstError.code() : error ? 1105 : 0;
        session.server().status().statementEvents().ended(session.id(), tokens, start.nanos(), start.nanos() + nanos,
                redacted, digest, start.schema(), errorNumber, firstError == null ? null : firstError.message(),
                warnings, affected, rowsSent);
    }
}
