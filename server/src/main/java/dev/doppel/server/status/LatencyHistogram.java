package dev.doppel.server.status;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Statement times in 450 buckets growing by 4.7 % each from 10 ns, as performance_schema keeps them for its
 * QUANTILE_95, _99 and _999 columns: a quantile is the upper bound of the bucket it falls in. Added to from many
 * threads at once.
 */
final class LatencyHistogram {
    private static final int BUCKETS = 450;
    private static final double BASE = 1.047128548;
    private static final double FIRST_PICOS = 10_000;
    private static final double LOG_BASE = Math.log(BASE);

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void add(long picos) {
        int bucket = picos <= FIRST_PICOS ? 0 : (int) Math.ceil(Math.log(picos / FIRST_PICOS) / LOG_BASE);
        counts.incrementAndGet(Math.min(BUCKETS - 1, bucket));
    }

    /** The time below which {@code share} of the statements took, in picoseconds; 0 when there are none. */
    long quantile(double share) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(total * share);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= wanted) {
                return (long) (FIRST_PICOS * Math.pow(BASE, i));
            }
        }
        return (long) (FIRST_PICOS * Math.pow(BASE, BUCKETS - 1));
    }

    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }
}
