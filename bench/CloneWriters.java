import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Writers for bench/clone.sh: THREADS connections commit single-row INSERTs (autocommit) for SECONDS seconds and
 * record, per 100 ms bucket, the commits and the slowest commit. Prints one line per bucket:
 * {@code <epoch ms of bucket start> <commits> <max latency µs>}.
 *
 * usage: java -cp connector-j.jar CloneWriters.java JDBC_URL USER PASSWORD THREADS SECONDS OUTPUT_FILE
 */
public final class CloneWriters {
    private static final int BUCKET_MS = 100;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int buckets = seconds * 1000 / BUCKET_MS;
        AtomicLongArray commits = new AtomicLongArray(buckets);
        AtomicLongArray maxMicros = new AtomicLongArray(buckets);
        try (Connection setup = DriverManager.getConnection(url, args[1], args[2]);
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS writers");
            statement.execute("CREATE TABLE IF NOT EXISTS writers.events (id BIGINT PRIMARY KEY AUTO_INCREMENT,"
                    + " writer INT, payload VARCHAR(100))");
        }
        // tells bench/clone.sh that the writers are about to run
        Files.writeString(Path.of(args[5] + ".started"), "");
        long start = System.currentTimeMillis();
        long end = start + seconds * 1000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = DriverManager.getConnection(url, args[1], args[2]);
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO writers.events (writer, payload) VALUES (?, ?)")) {
                    insert.setInt(1, writer);
                    insert.setString(2, "x".repeat(100));
                    long now;
                    while ((now = System.currentTimeMillis()) < end) {
                        long began = System.nanoTime();
                        insert.executeUpdate();
                        long micros = (System.nanoTime() - began) / 1000;
                        int bucket = (int) ((now - start) / BUCKET_MS);
                        if (bucket < buckets) {
                            commits.incrementAndGet(bucket);
                            maxMicros.accumulateAndGet(bucket, micros, Math::max);
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread each : workers) {
            each.join();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < buckets; i++) {
            out.append(start + (long) i * BUCKET_MS).append(' ').append(commits.get(i)).append(' ')
                    .append(maxMicros.get(i)).append('\n');
        }
        Files.writeString(Path.of(args[5]), out);
    }
}
