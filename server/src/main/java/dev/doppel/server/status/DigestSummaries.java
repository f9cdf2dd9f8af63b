package dev.doppel.server.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * performance_schema.events_statements_summary_by_digest: per database and statement digest, the statements' count,
 * their times in picoseconds (sum, min, average, max, 95th, 99th and 99.9th percentile), errors, warnings, rows
 * affected and sent, first and last seen, and a sample (the slowest statement of the last minute). At most
 * performance_schema_digests_size (10,000) digests; the statements of any more count in one row without database and
 * digest, and in Performance_schema_digest_lost, as in MySQL. Not measured here: lock time, rows examined, temporary
 * tables, sorts, joins and index use, which are 0.
 */
public final class DigestSummaries {
    static final int CAPACITY = 10_000;
    static final int COLUMNS = 39;
    /** performance_schema_max_digest_sample_age: a sample older than this is replaced by the next statement. */
    private static final long SAMPLE_AGE_NANOS = 60_000_000_000L;
    /** performance_schema_max_sql_text_length. */
    private static final int SAMPLE_TEXT_LENGTH = 1024;

    private record Key(String schema, String digest) {
    }

    private final Map<Key, Summary> summaries = new ConcurrentHashMap<>();
    private final Summary lost = new Summary(null, null);
    private final AtomicLong lostCount = new AtomicLong();

    /** One statement that ended; its text is asked for only when it becomes the sample. */
    public record Statement(String schema, StatementDigest digest, Supplier<String> text, long nanos, boolean failed,
                            long warnings, long rowsAffected, long rowsSent) {
    }

    public void record(Statement statement) {
        Key key = new Key(statement.schema(), statement.digest().hash());
        Summary summary = summaries.get(key);
        if (summary == null) {
            if (summaries.size() >= CAPACITY) {
                lostCount.incrementAndGet();
                summary = lost;
            } else {
                summary = summaries.computeIfAbsent(key, k -> new Summary(statement.schema(), statement.digest()));
            }
        }
        summary.add(statement);
    }

    /** TRUNCATE TABLE: every row goes. */
    public void clear() {
        summaries.clear();
        lost.reset();
    }

    /** Performance_schema_digest_lost. */
    public long lost() {
        return lostCount.get();
    }

    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (Summary each : summaries.values()) {
            rows.add(each.row());
        }
        if (lost.count() > 0) {
            rows.add(lost.row());
        }
        return rows;
    }

    /** One row, updated under its own lock. */
    private static final class Summary {
        private final String schema;
        private final StatementDigest digest;
        private final LatencyHistogram latencies = new LatencyHistogram();
        private long count;
        private long sum;
        private long min;
        private long max;
        private long errors;
        private long warnings;
        private long rowsAffected;
        private long rowsSent;
        private Instant firstSeen;
        private Instant lastSeen;
        private String sampleText;
        private Instant sampleSeen;
        private long sampleNanos;
        private long sampleAt;

        Summary(String schema, StatementDigest digest) {
            this.schema = schema;
            this.digest = digest;
        }

        synchronized void add(Statement statement) {
            long picos = statement.nanos() * 1000;
            Instant now = Instant.now();
            if (count == 0) {
                firstSeen = now;
                min = picos;
            }
            count++;
            sum += picos;
            min = Math.min(min, picos);
            max = Math.max(max, picos);
            latencies.add(picos);
            errors += statement.failed() ? 1 : 0;
            warnings += statement.warnings();
            rowsAffected += statement.rowsAffected();
            rowsSent += statement.rowsSent();
            lastSeen = now;
            long at = System.nanoTime();
            if (sampleText == null || statement.nanos() > sampleNanos || at - sampleAt > SAMPLE_AGE_NANOS) {
                String text = statement.text().get();
                sampleText = text.length() > SAMPLE_TEXT_LENGTH ? text.substring(0, SAMPLE_TEXT_LENGTH) : text;
                sampleSeen = now;
                sampleNanos = statement.nanos();
                sampleAt = at;
            }
        }

        synchronized long count() {
            return count;
        }

        synchronized void reset() {
            count = 0;
            sum = 0;
            max = 0;
            errors = 0;
            warnings = 0;
            rowsAffected = 0;
            rowsSent = 0;
            sampleText = null;
            latencies.reset();
        }

        synchronized Object[] row() {
            Object[] row = new Object[COLUMNS];
            row[0] = schema;
            row[1] = digest == null ? null : digest.hash();
            row[2] = digest == null ? null : digest.text();
            row[3] = count;
            row[4] = sum;
            row[5] = min;
            row[6] = count == 0 ? 0L : sum / count;
            row[7] = max;
            // SUM_LOCK_TIME
            row[8] = 0L;
            row[9] = errors;
            row[10] = warnings;
            row[11] = rowsAffected;
            row[12] = rowsSent;
            // ROWS_EXAMINED through COUNT_SECONDARY: not measured
            for (int i = 13; i <= 30; i++) {
                row[i] = 0L;
            }
            row[31] = local(firstSeen);
            row[32] = local(lastSeen);
            row[33] = latencies.quantile(0.95);
            row[34] = latencies.quantile(0.99);
            row[35] = latencies.quantile(0.999);
            row[36] = sampleText;
            row[37] = local(sampleSeen);
            row[38] = sampleText == null ? 0L : sampleNanos * 1000;
            return row;
        }

        private static LocalDateTime local(Instant instant) {
            return instant == null ? null : LocalDateTime.ofInstant(Objects.requireNonNull(instant),
                    ZoneId.systemDefault());
        }
    }
}
