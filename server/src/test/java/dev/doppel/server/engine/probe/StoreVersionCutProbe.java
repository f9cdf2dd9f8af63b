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
 * transaction"). Four threads move money between accounts in transactions and log each transfer; meanwhile the store
 * is committed and its file copied the way the clone's snapshot takes it (after {@code MVStore.commit()}, inside
 * {@code executeFilestoreOperation}), and each copy is opened and checked: every balance must be the opening balance
 * plus the logged transfers, and the sum must stay. Run from server/ after {@code ./mvnw -o test-compile}:
 * {@code java -cp target/test-classes:$HOME/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
 * dev.doppel.server.engine.probe.StoreVersionCutProbe /tmp/probe 100 [nodelay]}.
 */
public final class StoreVersionCutProbe {
    static final String SETTINGS = ";MODE=MySQL;WRITE_DELAY=500;AUTO_COMPACT_FILL_RATE=0;PAGE_SIZE=4096;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]); int rounds = Integer.parseInt(a[1]);
        Files.createDirectories(dir);
        String url = "jdbc:h2:" + dir + "/db" + SETTINGS;
        Connection admin = DriverManager.getConnection(url, "sa", "");
        MVStore store = ((SessionLocal) ((JdbcConnection) admin).getSession()).getDatabase().getStore().getMvStore();
        store.setReuseSpace(false);
        if (a.length > 2 && a[2].equals("nodelay")) store.setAutoCommitDelay(0);
        Statement s = admin.createStatement();
        s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
        s.execute("CREATE TABLE transfers (id BIGINT AUTO_INCREMENT PRIMARY KEY, src INT, dst INT, amount BIGINT)");
        for (int i = 0; i < 50; i++) s.execute("INSERT INTO accounts VALUES (" + i + ", 1000)");
        store.commit();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            Thread t = new Thread(() -> {
                Random r = new Random(seed);
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement debit = c.prepareStatement("UPDATE accounts SET balance = balance - ? WHERE id = ?");
                    PreparedStatement credit = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
                    PreparedStatement log = c.prepareStatement("INSERT INTO transfers (src, dst, amount) VALUES (?, ?, ?)");
                    while (!stop.get()) {
                        int src = r.nextInt(50), dst = (src + 1 + r.nextInt(49)) % 50; long amt = 1 + r.nextInt(50);
                        try {
                            debit.setLong(1, amt); debit.setInt(2, src); debit.executeUpdate();
                            credit.setLong(1, amt); credit.setInt(2, dst); credit.executeUpdate();
                            log.setInt(1, src); log.setInt(2, dst); log.setLong(3, amt); log.executeUpdate();
                            c.commit();
                        } catch (SQLException e) { c.rollback(); }
                    }
                } catch (SQLException e) { e.printStackTrace(); }
            });
            t.start(); writers.add(t);
        }
        Path file = dir.resolve("db.mv.db");
        int bad = 0;
        for (int round = 0; round < rounds; round++) {
            Thread.sleep(20);
            store.commit();
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
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + target + "/db;MODE=MySQL", "sa", "");
                 Statement q = c.createStatement();
                 ResultSet rows = q.executeQuery("SELECT a.id FROM accounts a WHERE a.balance <> 1000 + COALESCE((SELECT SUM(amount) FROM transfers WHERE dst = a.id), 0) - COALESCE((SELECT SUM(amount) FROM transfers WHERE src = a.id), 0)")) {
                List<Integer> off = new ArrayList<>();
                while (rows.next()) off.add(rows.getInt(1));
                rows.close();
                try (ResultSet sum = q.executeQuery("SELECT SUM(balance), (SELECT COUNT(*) FROM transfers) FROM accounts")) {
                    sum.next();
                    if (!off.isEmpty() || sum.getLong(1) != 50000) { bad++; System.out.println("round " + round + ": INCONSISTENT " + off + " sum=" + sum.getLong(1) + " transfers=" + sum.getLong(2)); }
                }
                q.execute("SHUTDOWN IMMEDIATELY");
            } catch (Exception e) { bad++; System.out.println("round " + round + ": open failed " + e); }
            deleteTree(target);
        }
        stop.set(true);
        for (Thread t : writers) t.join();
        System.out.println("done: " + bad + " bad of " + rounds);
        Runtime.getRuntime().halt(0);
    }
    static void deleteTree(Path p) throws Exception { try (var w = Files.walk(p)) { w.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete()); } }
}
