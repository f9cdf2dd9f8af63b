package dev.doppel.server.session;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine statements running now, one per session at most, with what the server's guards need to pick one to
 * stop: its thread's allocation counter when it began (MemoryGovernor) and whether it writes (DiskFullWatch).
 */
public final class RunningStatements {
    static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A statement of {@code session} running on the thread {@code threadId}. */
    record Running(Session session, long threadId, long allocatedAtStart) {
        /** The bytes its thread allocated since the statement began. */
        long allocated() {
            return THREADS.getThreadAllocatedBytes(threadId) - allocatedAtStart;
        }
    }

    private final Map<Session, Running> running = new ConcurrentHashMap<>();

    public RunningStatements() {
        if (THREADS.isThreadAllocatedMemorySupported()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /** A statement of {@code session} starts on the calling thread. */
    void started(Session session) {
        running.put(session, new Running(session, Thread.currentThread().threadId(),
                THREADS.getCurrentThreadAllocatedBytes()));
    }

    void ended(Session session) {
        running.remove(session);
    }

    Collection<Running> all() {
        return running.values();
    }

    boolean isEmpty() {
        return running.isEmpty();
    }
}
