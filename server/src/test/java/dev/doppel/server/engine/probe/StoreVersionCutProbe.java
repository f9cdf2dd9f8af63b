package dev.doppel.server.engine.probe;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.atomic.*;
import org.h2.jdbc.JdbcConnection;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;

/**
 * Not a test: a probe of the engine alone for the defect docs/durability.md describes ("A store version that cuts a
 * transaction"). Writers (-Dwriters=N, 4 by default) move money between 50 accounts in transactions, log each transfer
 * and count it; meanwhile the store is committed and its file copied the way the clone's snapshot takes it, every
 * 20 ms, and each copy is opened and checked: the balances must sum to 50,000 and the counter must equal the log.
 * The third argument combines modes: {@code gated} commits through a {@code CommitGate} with the engine's own store
 * commits off, {@code statement} also keeps every statement's writes out of a store commit, {@code whole} whole
 * transactions, {@code ordered} takes the two accounts in id order (no deadlocks), {@code disjoint} gives each writer
 * its own accounts, {@code occupy} holds a dozen transactions open in the copy before checking it (so the check's
 * transaction reuses no writer's id), {@code wait} waits for the store's pending writes inside the gate, {@code async}
 * only takes the version inside the gate and leaves its serialization and write to the engine's threads (as
 * GroupCommit does), {@code bgwriter} lets the writers' connections turn the engine's background writer back on.
 * Run from server/ after {@code ./mvnw -o test-compile}: {@code java -cp target/test-classes:target/classes:$HOME/.m2/
 * repository/com/h2database/h2/2.5.252/h2-2.5.252.jar dev.doppel.server.engine.probe.StoreVersionCutProbe /tmp/probe
 * 100 gated-ordered-statement}.
 */
public final class StoreVersionCutProbe {
    static final String SETTINGS = ";MODE=MySQL;AUTO_COMPACT_FILL_RATE=0;PAGE_SIZE=4096;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]); int rounds = Integer.parseInt(a[1]);
        Files.createDirectories(dir);
        // every connection whose URL names WRITE_DELAY sets it again, which restarts the engine's background writer:
        // gated, the writers' connections must name the server's value (before, they turned it back on at 500 ms and
        // its store commits, past the gate, were the "another store commit" lines and some of the torn copies)
        // mode bgwriter keeps the old URL on purpose: the background writer then stores past the gate again
        boolean gatedUrl = a.length > 2 && a[2].startsWith("gated") && !a[2].contains("bgwriter");
        String url = "jdbc:h2:" + dir + "/db" + SETTINGS + (gatedUrl ? ";WRITE_DELAY=2147483647" : ";WRITE_DELAY=500");
        Connection admin = DriverManager.getConnection(url, "sa", "");
        MVStore store = ((SessionLocal) ((JdbcConnection) admin).getSession()).getDatabase().getStore().getMvStore();
        store.setReuseSpace(false);
        if (a.length > 2 && a[2].equals("nodelay")) store.setAutoCommitDelay(0);
        boolean gated = a.length > 2 && a[2].startsWith("gated");
        boolean ordered = a.length > 2 && a[2].contains("ordered");
        boolean occupy = a.length > 2 && a[2].contains("occupy");
        boolean whole = a.length > 2 && a[2].contains("whole");
        boolean disjoint = a.length > 2 && a[2].contains("disjoint");
        boolean perStatement = a.length > 2 && a[2].contains("statement");
        boolean waitSaves = a.length > 2 && a[2].contains("wait");
        boolean async = a.length > 2 && a[2].contains("async");
        dev.doppel.server.engine.store.CommitGate gate = new dev.doppel.server.engine.store.CommitGate();
        if (gated) dev.doppel.server.engine.store.EngineStoreCommits.turnOff(store);
        Statement s = admin.createStatement();
        s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
        s.execute("CREATE TABLE transfers (id BIGINT AUTO_INCREMENT PRIMARY KEY, src INT, dst INT, amount BIGINT)");
        s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
        s.execute("INSERT INTO counter VALUES (1, 0)");
        for (int i = 0; i < 50; i++) s.execute("INSERT INTO accounts VALUES (" + i + ", 1000)");
        store.commit();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.locks.ReentrantReadWriteLock rw = new java.util.concurrent.locks.ReentrantReadWriteLock(true);
        List<Thread> writers = new ArrayList<>();
        int threads = Integer.getInteger("writers", 4);
        for (int w = 0; w < threads; w++) {
            int seed = w;
            Thread t = new Thread(() -> {
                Random r = new Random(seed);
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement debit = c.prepareStatement("UPDATE accounts SET balance = balance - ? WHERE id = ?");
                    PreparedStatement credit = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
                    PreparedStatement count = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = 1");
                    PreparedStatement log = c.prepareStatement("INSERT INTO transfers (src, dst, amount) VALUES (?, ?, ?)");
                    java.util.function.Consumer<PreparedStatement> run = ps -> {
                        if (perStatement) rw.readLock().lock();
                        try { ps.executeUpdate(); } catch (SQLException e) { throw new RuntimeException(e); }
                        finally { if (perStatement) rw.readLock().unlock(); }
                    };
                    while (!stop.get()) {
                        int src = r.nextInt(50), dst = (src + 1 + r.nextInt(49)) % 50; long amt = 1 + r.nextInt(50);
                        if (disjoint) { src = seed * 12 + r.nextInt(12); dst = seed * 12 + (src - seed * 12 + 1 + r.nextInt(11)) % 12; }
                        try {
                            if (whole) rw.readLock().lock();
                            try {
                                if (ordered && src > dst) {
                                    credit.setLong(1, amt); credit.setInt(2, dst); run.accept(credit);
                                    debit.setLong(1, amt); debit.setInt(2, src); run.accept(debit);
                                } else {
                                    debit.setLong(1, amt); debit.setInt(2, src); run.accept(debit);
                                    credit.setLong(1, amt); credit.setInt(2, dst); run.accept(credit);
                                }
                                log.setInt(1, src); log.setInt(2, dst); log.setLong(3, amt); run.accept(log); if (!disjoint) run.accept(count);
                                if (gated) gate.applying(() -> { c.commit(); return null; }); else c.commit();
                            } finally { if (whole) rw.readLock().unlock(); }
                        } catch (SQLException e) { errors.incrementAndGet(); if (gated) gate.applying(() -> { c.rollback(); return null; }); else c.rollback(); }
                    }
                } catch (SQLException e) { e.printStackTrace(); }
            });
            t.start(); writers.add(t);
        }
        Path file = dir.resolve("db.mv.db");
        int bad = 0;
        long lastVersion = store.getCurrentVersion();
        for (int round = 0; round < rounds; round++) {
            Thread.sleep(20);
            long before = store.getCurrentVersion();
            if (before != lastVersion) System.out.println("round " + round + ": another store commit: " + lastVersion + " -> " + before);
            if (whole || perStatement) { while (!rw.writeLock().tryLock()) Thread.onSpinWait(); }
            try {
            if (gated && async) gate.storing(() -> { if (store.tryCommit() < 0 && store.hasUnsavedChanges()) store.commit(); return null; });
            else if (gated) gate.storing(() -> { store.commit(); if (waitSaves) store.executeFilestoreOperation(() -> { }); return null; }); else store.commit();
            } finally { if (whole || perStatement) rw.writeLock().unlock(); }
            lastVersion = store.getCurrentVersion();
            long[] end = new long[1];
            ByteBuffer[] copy = new ByteBuffer[1];
            store.executeFilestoreOperation(() -> {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    long size = ch.size();
                    ByteBuffer b = ByteBuffer.allocate((int) size);
                    while (b.hasRemaining() && ch.read(b, b.position()) > 0) { }
                    copy[0] = b;
                } catch (Exception e) { throw new RuntimeException(e); }
            });
            Path target = dir.resolve("copy" + round);
            Files.createDirectories(target);
            Files.write(target.resolve("db.mv.db"), copy[0].array());
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + target + "/db;MODE=MySQL;DB_CLOSE_DELAY=0", "sa", "");
                 Statement q = c.createStatement();
                 AutoCloseable holders = occupyTransactionIds(c, target, occupy);
                 ResultSet rows = q.executeQuery("SELECT (SELECT SUM(balance) FROM accounts), (SELECT n FROM counter), (SELECT COUNT(*) FROM transfers)")) {
                rows.next();
                if (rows.getLong(1) != 50000 || (!disjoint && rows.getLong(2) != rows.getLong(3))) {
                    bad++;
                    System.out.println("round " + round + ": INCONSISTENT sum=" + rows.getLong(1) + " counter=" + rows.getLong(2) + " transfers=" + rows.getLong(3));
                }
            } catch (Exception e) {
                bad++;
                System.out.println("round " + round + ": open failed " + e);
                Throwable root = e;
                while (root.getCause() != null) root = root.getCause();
                StackTraceElement[] at = root.getStackTrace();
                for (int i = 0; i < Math.min(12, at.length); i++) System.out.println("    at " + at[i]);
                Path kept = dir.resolve("failed-" + round);
                Files.createDirectories(kept);
                try (var files = Files.list(target)) { for (Path f : files.toList()) Files.copy(f, kept.resolve(f.getFileName())); }
            }
            deleteTree(target);
        }
        stop.set(true);
        for (Thread t : writers) t.join();
        System.out.println("done: " + bad + " bad of " + rounds + ", writer errors " + errors.get());
        if (Boolean.getBoolean("exit")) System.exit(0); else Runtime.getRuntime().halt(0);
    }
    /** Holds open transactions with a write each, so that the check's transaction gets none of the writers' ids. */
    static AutoCloseable occupyTransactionIds(Connection c, Path target, boolean occupy) throws SQLException {
        List<Connection> held = new ArrayList<>();
        if (occupy) {
            try (Statement s = c.createStatement()) { s.execute("CREATE TABLE scratch (id INT PRIMARY KEY)"); }
            for (int i = 0; i < 12; i++) {
                Connection h = DriverManager.getConnection("jdbc:h2:" + target + "/db;MODE=MySQL;DB_CLOSE_DELAY=0", "sa", "");
                h.setAutoCommit(false);
                try (Statement s = h.createStatement()) { s.execute("INSERT INTO scratch VALUES (" + i + ")"); }
                held.add(h);
            }
        }
        return () -> { for (Connection h : held) h.close(); };
    }
    static void deleteTree(Path p) throws Exception { try (var w = Files.walk(p)) { w.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete()); } }
}
