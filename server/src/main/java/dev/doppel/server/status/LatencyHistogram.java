package dev.doppel.server.status;

/**
 * Statement times in 450 buckets growing by 4.7 % each from 10 ns, as performance_schema keeps them for its
 * QUANTILE_95, _99 and _999 columns: a quantile is the upper bound of the bucket it falls in. Guarded by its owner.
 */
final class LatencyHistogram {
    private static final int BUCKETS = 450;
    private static final double BASE = 1.047128548;
    private static final double FIRST_PICOS = 10_000;
    private static final double LOG_BASE = Math.log(BASE);

    private final long[] counts = new long[BUCKETS];
    private long total;

    void add(long picos) {
        int bucket = picos <= FIRST_PICOS ? 0 : (int) Math.ceil(Math.log(picos / FIRST_PICOS) / LOG_BASE);
        counts[Math.min(BUCKETS - 1, bucket)]++;
        total++;
    }

    /** The time below which {@code share} of the statements took, in picoseconds; 0 when there are none. */
    long quantile(double share) {
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(total * share);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= wanted) {
                return (long) (FIRST_PICOS * Math.pow(BASE, i));
            }
        }
        return (long) (FIRST_PICOS * Math.pow(BASE, BUCKETS - 1));
    }

    void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }
}
