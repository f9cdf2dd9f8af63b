package dev.doppel.server.it.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.server.it.DoppelProcess;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk loses nothing and heals: the data directory on a 40 MB tmpfs, filled by another file until little is
 * left. Writes get MySQL's 1114 (DDL 1021), reads go on, a transaction keeps what it had; once the other file is
 * removed, writes work again without a restart; after kill -9 every acknowledged commit is there. Needs root to
 * mount the tmpfs; skipped otherwise.
 */
class DiskFullIT {
    @TempDir
    Path home;

    private Path small;
    private DoppelProcess server;

    @AfterEach
    void unmount() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (small != null) {
            new ProcessBuilder("umount", "-l", small.toString()).redirectErrorStream(true).start().waitFor(10,
                    TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void writesAreRefusedWhileTheDiskIsFullAndWorkAgainOnceSpaceIsFreed() throws Exception {
        startOnSmallDisk(40);
        int acknowledged = 0;
        try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE full_disk");
            statement.execute("CREATE TABLE full_disk.t (id INT PRIMARY KEY, v VARCHAR(100))");
            for (; acknowledged < 50; acknowledged++) {
                statement.executeUpdate("INSERT INTO full_disk.t VALUES (" + acknowledged + ", 'before')");
            }
            Path filler = small.resolve("filler");
            fill(filler, 2L << 20);
            // the server looks the free space up at most every 50 ms
            Thread.sleep(200);

            assertError(statement, "INSERT INTO full_disk.t VALUES (1000, 'refused')", 1114, "The table 't' is full");
            assertError(statement, "UPDATE full_disk.t SET v = 'refused'", 1114, "The table 't' is full");
            assertError(statement, "CREATE TABLE full_disk.u (a INT)", 1021,
                    "Disk full (doppel.mv.db); waiting for someone to free some space... (errno: 28 - No space left on device)");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM full_disk.t")) {
                rows.next();
                assertThat(rows.getInt(1)).as("reads go on").isEqualTo(acknowledged);
            }

            Files.delete(filler);
            for (int i = 0; i < 20; i++, acknowledged++) {
                statement.executeUpdate("INSERT INTO full_disk.t VALUES (" + acknowledged + ", 'after')");
            }
            statement.execute("CREATE TABLE full_disk.u (a INT)");
        }
        CommitRound.kill(server);
        server.launch();
        try (Connection connection = CommitRound.connect(server, "full_disk"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(v = 'after') FROM t")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(acknowledged);
            assertThat(rows.getInt(2)).isEqualTo(20);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStatementThatFillsTheDiskWhileItRunsFailsAloneWith1114() throws Exception {
        startOnSmallDisk(48);
        try (Connection connection = CommitRound.connect(server, ""); Statement statement = connection.createStatement();
                Connection other = CommitRound.connect(server, ""); Statement reader = other.createStatement()) {
            statement.execute("CREATE DATABASE full_disk");
            reader.execute("USE full_disk");
            statement.execute("CREATE TABLE full_disk.n (i INT PRIMARY KEY)");
            statement.execute("INSERT INTO full_disk.n WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
                    + " WHERE i < 1000) SELECT i FROM c");
            statement.execute("CREATE TABLE full_disk.big (id INT PRIMARY KEY, v VARCHAR(300))");
            fill(small.resolve("filler"), 24L << 20);
            Thread.sleep(200);
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO full_disk.big VALUES (0, 'kept')");
            // about 300 MB of rows into 24 MB of free space: stopped once less than the reserve is left
            assertError(statement, "INSERT INTO full_disk.big SELECT a.i * 1000 + b.i, REPEAT('x', 300)"
                    + " FROM full_disk.n a, full_disk.n b", 1114, "The table 'big' is full");
            try (ResultSet rows = reader.executeQuery("SELECT COUNT(*) FROM n")) {
                rows.next();
                assertThat(rows.getInt(1)).as("reads go on").isEqualTo(1000);
            }
            Files.delete(small.resolve("filler"));
            Thread.sleep(200);
            statement.executeUpdate("INSERT INTO full_disk.big VALUES (1, 'after')");
            connection.commit();
            try (ResultSet rows = reader.executeQuery("SELECT COUNT(*) FROM big")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the stopped statement left nothing").isEqualTo(2);
            }
        }
        CommitRound.kill(server);
        server.launch();
        try (Connection connection = CommitRound.connect(server, "full_disk"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT GROUP_CONCAT(v ORDER BY id) FROM big")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("kept,after");
        }
    }

    /** Mounts a tmpfs of {@code megabytes} (skips the test where it cannot) and starts a server with its data there. */
    private void startOnSmallDisk(int megabytes) throws Exception {
        Path mountpoint = Files.createDirectories(home.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                mountpoint.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a tmpfs needs root; skipped");
        small = mountpoint;
        server = DoppelProcess.prepare(home).datadir(small.resolve("data"));
        server.initialize();
        server.launch();
    }

    /** Writes {@code path} until its file system has only {@code leave} bytes free. */
    private static void fill(Path path, long leave) throws IOException {
        long free = Files.getFileStore(path.getParent()).getUsableSpace();
        byte[] block = new byte[1 << 20];
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long toWrite = free - leave;
            while (toWrite > 0) {
                int n = (int) Math.min(block.length, toWrite);
                out.write(java.nio.ByteBuffer.wrap(block, 0, n));
                toWrite -= n;
            }
        }
    }

    private static void assertError(Statement statement, String sql, int number, String message) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(number);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
