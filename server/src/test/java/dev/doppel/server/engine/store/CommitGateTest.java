package dev.doppel.server.engine.store;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitGateTest {
    private final CommitGate gate = new CommitGate();

    private static Thread inBackground(java.util.concurrent.Callable<?> body) {
        Thread thread = new Thread(() -> {
            try {
                body.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void aStoreCommitWaitsUntilNothingApplies() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread applier = inBackground(() -> gate.applying(() -> {
            inside.countDown();
            release.await();
            return null;
        }));
        inside.await();
        AtomicBoolean stored = new AtomicBoolean();
        Thread storer = inBackground(() -> gate.storing(() -> {
            stored.set(true);
            return null;
        }));
        storer.join(200);
        assertFalse(stored.get(), "stored while a statement applied");
        release.countDown();
        storer.join(5000);
        assertTrue(stored.get());
        applier.join();
    }

    @Test
    void statementsWaitWhileAStoreCommitRuns() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread storer = inBackground(() -> gate.storing(() -> {
            storing.countDown();
            release.await();
            return null;
        }));
        storing.await();
        AtomicBoolean applied = new AtomicBoolean();
        Thread applier = inBackground(() -> gate.applying(() -> {
            applied.set(true);
            return null;
        }));
        applier.join(200);
        assertFalse(applied.get(), "applied during a store commit");
        release.countDown();
        applier.join(5000);
        assertTrue(applied.get());
        storer.join();
    }

    @Test
    void aWaitingStoreCommitDoesNotHoldNewStatementsBack() throws Exception {
        // a statement that holds the gate while it waits for a lock: the transaction holding that lock must still get
        // in to commit, although a store commit waits
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread lockWaiter = inBackground(() -> gate.applying(() -> {
            inside.countDown();
            release.await();
            return null;
        }));
        inside.await();
        Thread storer = inBackground(() -> gate.storing(() -> null));
        Thread.sleep(5);
        long started = System.nanoTime();
        gate.applying(() -> null);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMillis < 2000, "a commit waited " + waitedMillis + " ms behind a waiting store commit");
        release.countDown();
        storer.join(5000);
        assertFalse(storer.isAlive());
        lockWaiter.join();
    }

    @Test
    void applyingNestsAndAStoreCommitInsideItIsRefused() throws Exception {
        assertEquals(3, (int) gate.applying(() -> gate.applying(() -> 3)));
        assertThrows(IllegalStateException.class, () -> gate.applying(() -> gate.storing(() -> null)));
        // the refused store commit left the gate usable
        assertEquals(4, (int) gate.storing(() -> 4));
    }
}
