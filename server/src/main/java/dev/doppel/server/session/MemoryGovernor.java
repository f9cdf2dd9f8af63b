package dev.doppel.server.session;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

/**
 * The per-statement memory bound: when a full collection finds the heap still {@link #PRESSURE} full, the engine
 * statement that has allocated the most since it began is cancelled (the session answers 1041), before the JVM runs
 * out of memory and the whole server stops (it runs with -XX:+ExitOnOutOfMemoryError).
 *
 * <p>Why these measures: what a statement holds cannot be read cheaply, but it can never hold more than it
 * allocated, so the largest allocator is the one that can hold the most. Only a full collection tells live data
 * from garbage (after a young collection the heap still holds the old generation's garbage, measured at over 100%
 * of the heap with 30 MB live), so when a young or concurrent collection leaves the heap {@link #PRESSURE} full
 * while statements run, the governor asks for a full one (at most one a second) and judges by that; the JVM also
 * runs full collections of its own before it gives up. A statement that allocated less than
 * {@link #SMALLEST_SUSPECT} of the heap cannot be what fills it, so it is never cancelled.
 *
 * <p>Allocation is counted per thread (RunningStatements), which the JVM does for platform threads only: sessions
 * run on platform threads for that reason (see ServerContext).
 */
public final class MemoryGovernor implements AutoCloseable {
    /** The share of the heap that, still used after a full collection, means a statement must give way. */
    static final double PRESSURE = 0.70;
    /** The share of the heap a statement must have allocated to be cancelled for the heap's sake. */
    static final double SMALLEST_SUSPECT = 0.10;
    /** At most one full collection of the governor's own per this time: each pauses every session. */
    private static final long VERIFY_INTERVAL_MILLIS = 1000;

    private final RunningStatements running;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final BiConsumer<Long, Double> onCancel;
    private final long heapMax;
    /** The names of the heap's pools (the collections report the others too: metaspace, code cache). */
    private final Set<String> heapPools = new HashSet<>();
    /** A young or concurrent collection saw the heap this full: a full collection is to say what is live. */
    private final BlockingQueue<Boolean> verify = new ArrayBlockingQueue<>(1);
    private final Thread verifier;

    /**
     * Watches the heap after every full collection; {@code onCancel} hears of each statement cancelled, with the
     * bytes it had allocated and the share of the heap in use.
     */
    public MemoryGovernor(RunningStatements running, BiConsumer<Long, Double> onCancel) {
        this.running = running;
        this.onCancel = onCancel;
        this.heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        for (MemoryPoolMXBean each : ManagementFactory.getMemoryPoolMXBeans()) {
            if (each.getType() == MemoryType.HEAP) {
                heapPools.add(each.getName());
            }
        }
        this.verifier = Thread.ofPlatform().daemon().name("memory-governor").unstarted(this::verifyPressure);
        if (heapMax <= 0 || !RunningStatements.THREADS.isThreadAllocatedMemoryEnabled()) {
            return;
        }
        verifier.start();
        NotificationListener listener = (notification, handback) -> afterCollection(notification);
        for (GarbageCollectorMXBean each : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (each instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    private void afterCollection(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        double share = (double) used / heapMax;
        if (share < PRESSURE) {
            return;
        }
        if (info.getGcAction().contains("major")) {
            cancelLargest(share);
        } else if (!running.isEmpty()) {
            verify.offer(Boolean.TRUE);
        }
    }

    /** Runs the full collections that tell whether the heap is full of live data or of garbage. */
    private void verifyPressure() {
        try {
            while (true) {
                verify.take();
                System.gc();
                Thread.sleep(VERIFY_INTERVAL_MILLIS);
                verify.clear();
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelLargest(double heapShare) {
        RunningStatements.Running victim = null;
        long largest = (long) (heapMax * SMALLEST_SUSPECT);
        for (RunningStatements.Running each : running.all()) {
            long allocated = each.allocated();
            if (allocated >= largest && each.session().stopped() == null) {
                largest = allocated;
                victim = each;
            }
        }
        if (victim != null) {
            victim.session().stop(Session.Stop.OUT_OF_MEMORY);
            onCancel.accept(largest, heapShare);
        }
    }

    @Override
    public void close() {
        verifier.interrupt();
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }
}
