package dev.doppel.server.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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

    /**
     * One row. Statements of one digest end on many threads at once: the sums are adders and the extremes and the
     * histogram compare-and-set, and only a new sample takes the row's lock.
     */
    private static final class Summary {
        private final String schema;
        private final StatementDigest digest;
        private final LatencyHistogram latencies = new LatencyHistogram();
        private final LongAdder count = new LongAdder();
        private final LongAdder sum = new LongAdder();
        private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong max = new AtomicLong();
        private final LongAdder errors = new LongAdder();
        private final LongAdder warnings = new LongAdder();
        private final LongAdder rowsAffected = new LongAdder();
        private final LongAdder rowsSent = new LongAdder();
        private final AtomicLong firstSeen = new AtomicLong();
        private volatile long lastSeen;
        private volatile long sampleNanos = -1;
        private volatile long sampleAt;
        private String sampleText;
        private long sampleSeen;

        Summary(String schema, StatementDigest digest) {
            this.schema = schema;
            this.digest = digest;
        }

        void add(Statement statement) {
            long picos = statement.nanos() * 1000;
            long now = System.currentTimeMillis();
            firstSeen.compareAndSet(0, now);
            lastSeen = now;
            count.increment();
            sum.add(picos);
            for (long seen = min.get(); picos < seen && !min.compareAndSet(seen, picos); seen = min.get()) {
                // another thread changed it: compare again
            }
            for (long seen = max.get(); picos > seen && !max.compareAndSet(seen, picos); seen = max.get()) {
                // another thread changed it: compare again
            }
            latencies.add(picos);
            if (statement.failed()) {
                errors.increment();
            }
            if (statement.warnings() > 0) {
                warnings.add(statement.warnings());
            }
            rowsAffected.add(statement.rowsAffected());
            rowsSent.add(statement.rowsSent());
            long at = System.nanoTime();
            if (statement.nanos() > sampleNanos || at - sampleAt > SAMPLE_AGE_NANOS) {
                synchronized (this) {
                    if (statement.nanos() > sampleNanos || at - sampleAt > SAMPLE_AGE_NANOS) {
                        String text = statement.text().get();
                        sampleText = text.length() > SAMPLE_TEXT_LENGTH ? text.substring(0, SAMPLE_TEXT_LENGTH) : text;
                        sampleSeen = now;
                        sampleAt = at;
                        sampleNanos = statement.nanos();
                    }
                }
            }
        }

        long count() {
            return count.sum();
        }

        synchronized void reset() {
            count.reset();
            sum.reset();
            min.set(Long.MAX_VALUE);
            max.set(0);
            errors.reset();
            warnings.reset();
            rowsAffected.reset();
            rowsSent.reset();
            firstSeen.set(0);
            sampleText = null;
            sampleNanos = -1;
            latencies.reset();
        }

        synchronized Object[] row() {
            long statements = count.sum();
            long total = sum.sum();
            Object[] row = new Object[COLUMNS];
            row[0] = schema;
            row[1] = digest == null ? null : digest.hash();
            row[2] = digest == null ? null : digest.text();
            row[3] = statements;
            row[4] = total;
            row[5] = statements == 0 ? 0L : min.get();
            row[6] = statements == 0 ? 0L : total / statements;
            row[7] = max.get();
            // SUM_LOCK_TIME
            row[8] = 0L;
            row[9] = errors.sum();
            row[10] = warnings.sum();
            row[11] = rowsAffected.sum();
            row[12] = rowsSent.sum();
            // ROWS_EXAMINED through COUNT_SECONDARY: not measured
            for (int i = 13; i <= 30; i++) {
                row[i] = 0L;
            }
            row[31] = local(firstSeen.get());
            row[32] = local(lastSeen);
            row[33] = latencies.quantile(0.95);
            row[34] = latencies.quantile(0.99);
            row[35] = latencies.quantile(0.999);
            row[36] = sampleText;
            row[37] = sampleText == null ? null : local(sampleSeen);
            row[38] = sampleText == null ? 0L : sampleNanos * 1000;
            return row;
        }

        private static LocalDateTime local(long millis) {
            return millis == 0 ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
        }
    }
}
