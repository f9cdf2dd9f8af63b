package dev.doppel.server.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connection's tasks one after another, in arrival order, on threads of a shared executor (virtual
 * threads): a slow statement blocks only its own connection, and an idle connection holds no thread.
 */
public final class SerialExecutor implements Executor {
    private final Executor threads;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread current;

    public SerialExecutor(Executor threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            threads.execute(this::drain);
        }
    }

    private void drain() {
        current = Thread.currentThread();
        try {
            do {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runAlone(task);
                }
                scheduled.set(false);
            } while (!tasks.isEmpty() && scheduled.compareAndSet(false, true));
        } finally {
            if (current == Thread.currentThread()) {
                current = null;
            }
        }
    }

    /** A task that fails must not take the connection's later tasks with it: they would never run. */
    private static void runAlone(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }

    /** The thread running this connection's task right now, or null (KILL QUERY interrupts it). */
    public Thread currentThread() {
        return current;
    }
}
