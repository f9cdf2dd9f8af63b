package dev.doppel.server.engine.store;

/**
 * Keeps a store version from cutting a transaction in two (docs/durability.md, "A store version is never a cut
 * through a commit"). The engine commits a transaction in steps: it marks the transaction committing, writes a
 * commit marker into the transaction's undo log, turns its changes into committed values map by map, and clears
 * the undo log. A store commit takes the maps' roots one after another, so one taken during those steps can hold
 * part of the transaction as committed and the rest as rolled back after recovery, or lose it on a clone.
 *
 * <p>A store version taken while a statement was half-way through its writes showed the same (measured with
 * {@code StoreVersionCutProbe}: four writers, one copy every 20 ms, 2 of 100 copies torn with only commits kept out,
 * none of 400 with statements kept out too). So every statement that may write, and every commit and rollback, runs
 * while {@linkplain #applying applying}, many at a time; every store commit runs while {@linkplain #storing storing},
 * alone, when nothing applies. A store commit that waits does not hold new statements back: a statement that applies
 * may wait for a row lock another transaction holds until it commits, and that commit must get in, or the three
 * would wait for each other (and holding statements back for 20 ms cost a quarter of sysbench write_only's
 * throughput). Committing sessions wait for their store commit, so the statements under way thin out and it gets in.
 */
public final class CommitGate {
    /** Work that may fail with an engine error. */
    public interface Work<T, E extends Throwable> {
        T run() throws E;
    }

    private final Object monitor = new Object();
    private final ThreadLocal<int[]> applyingHere = ThreadLocal.withInitial(() -> new int[1]);
    private int applying;
    private Thread storer;
    private int storingDepth;

    /** Runs a transaction commit, or a statement that commits inside the engine; waits while a store commit runs. */
    public <T, E extends Throwable> T applying(Work<T, E> work) throws E {
        int[] here = applyingHere.get();
        if (here[0] == 0) {
            enterApplying();
        }
        here[0]++;
        try {
            return work.run();
        } finally {
            if (--here[0] == 0) {
                exitApplying();
            }
        }
    }

    /** Runs a store commit (or anything that writes a store version) when nothing applies, and alone. */
    public <T, E extends Throwable> T storing(Work<T, E> work) throws E {
        if (applyingHere.get()[0] > 0) {
            // it would wait for itself
            throw new IllegalStateException("a store commit inside a transaction commit");
        }
        enterStoring();
        try {
            return work.run();
        } finally {
            exitStoring();
        }
    }

    private void enterApplying() {
        synchronized (monitor) {
            boolean interrupted = false;
            while (storer != null && storer != Thread.currentThread()) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            applying++;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void exitApplying() {
        synchronized (monitor) {
            if (--applying == 0) {
                monitor.notifyAll();
            }
        }
    }

    private void enterStoring() {
        synchronized (monitor) {
            Thread self = Thread.currentThread();
            if (storer == self) {
                storingDepth++;
                return;
            }
            boolean interrupted = false;
            while (storer != null || applying > 0) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            storer = self;
            storingDepth = 1;
            if (interrupted) {
                self.interrupt();
            }
        }
    }

    private void exitStoring() {
        synchronized (monitor) {
            if (--storingDepth == 0) {
                storer = null;
                monitor.notifyAll();
            }
        }
    }
}
