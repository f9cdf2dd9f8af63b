package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The `mysql` CLI running a .sql file (redirected and through `source`) and in interactive mode on a
 * pseudo-terminal, where it sends its own connect sequence (`select @@version_comment limit 1`, and for
 * table-name completion SHOW DATABASES, SHOW TABLES and COM_FIELD_LIST).
 */
class MysqlCliScriptIT {
    private static final String SCRIPT = """
            -- a script as people write them
            /* a block comment
               over two lines */
            CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4;
            USE shop;
            # a hash comment
            DROP TABLE IF EXISTS items;
            CREATE TABLE items (
              id INT UNSIGNED NOT NULL AUTO_INCREMENT, -- a trailing comment
              name VARCHAR(40) NOT NULL,
              price DECIMAL(8,2) NOT NULL DEFAULT 0.00,
              PRIMARY KEY (id),
              KEY name_idx (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            /*!40101 SET @saved_cs_client = @@character_set_client */;
            INSERT INTO items (name, price) VALUES ('apple', 1.25), ('pear; ripe', 2.50), ('plum -- red', 0.99);
            INSERT INTO items (name) VALUES ('fig'); INSERT INTO items (name, price) VALUES ('kiwi', 3);
            UPDATE items SET price = price * 2 WHERE name LIKE 'p%';
            DELETE FROM items WHERE name = 'fig';
            BEGIN;
            DELETE FROM items;
            ROLLBACK;
            SELECT id, name, price FROM items ORDER BY id;
            SELECT name FROM items
              WHERE price > 2
              ORDER BY name DESC;
            SELECT LAST_INSERT_ID() AS last_id, @saved_cs_client AS cs;
            """;

    private static final String OUTPUT = """
            id\tname\tprice
            1\tapple\t1.25
            2\tpear; ripe\t5.00
            3\tplum -- red\t1.98
            5\tkiwi\t3.00
            name
            pear; ripe
            kiwi
            last_id\tcs
            5\tutf8mb3
            """;

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static List<String> client(String... more) {
        List<String> result = new java.util.ArrayList<>(List.of(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1",
                "-P" + server.port(), "-uroot"));
        result.addAll(List.of(more));
        return result;
    }

    @Test
    void assertFileRedirectedToStdin() throws Exception {
        Path file = Files.writeString(home.resolve("redirected.sql"), SCRIPT);
        Output result = run(new ProcessBuilder(client()).redirectInput(file.toFile()));
        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(OUTPUT);
    }

    @Test
    void assertSourceCommand() throws Exception {
        Path file = Files.writeString(home.resolve("sourced.sql"), SCRIPT);
        Output fromOption = run(new ProcessBuilder(client("-e", "source " + file)));
        assertThat(fromOption.stderr()).isEmpty();
        assertThat(fromOption.stdout()).isEqualTo(OUTPUT);
        Path outer = Files.writeString(home.resolve("outer.sql"), "source " + file + "\nSELECT COUNT(*) AS n FROM items;\n");
        Output nested = run(new ProcessBuilder(client()).redirectInput(outer.toFile()));
        assertThat(nested.stderr()).isEmpty();
        assertThat(nested.stdout()).isEqualTo(OUTPUT + "n\n4\n");
    }

    @Test
    void assertFileStopsAtTheFirstErrorWithItsLine() throws Exception {
        Path file = Files.writeString(home.resolve("failing.sql"), """
                CREATE DATABASE IF NOT EXISTS failing;
                USE failing;
                CREATE TABLE t (id INT PRIMARY KEY);
                INSERT INTO t VALUES (1);

                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (2);
                """);
        Output result = run(new ProcessBuilder(client()).redirectInput(file.toFile()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("ERROR 1062 (23000) at line 6: ");
        Output rows = run(new ProcessBuilder(client("-N", "-e", "SELECT GROUP_CONCAT(id) FROM failing.t")));
        assertThat(rows.stdout().trim()).isEqualTo("1");
    }

    @Test
    void assertInteractiveSession() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed (bsdutils)");
        run(new ProcessBuilder(client("-e", "CREATE DATABASE IF NOT EXISTS tty; CREATE TABLE IF NOT EXISTS tty.colors"
                + " (id INT PRIMARY KEY, name VARCHAR(10)); REPLACE INTO tty.colors VALUES (1, 'red'), (2, 'blue')")));
        String command = String.join(" ", client("tty"));
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null");
        builder.environment().put("TERM", "dumb");
        builder.environment().put("MYSQL_HISTFILE", "/dev/null");
        Output result = run(builder, """
                SELECT name FROM colors WHERE id = 2;
                SELEC 1;
                use mysql
                SELECT DATABASE() AS db, 6 * 7 AS answer;
                quit
                """);
        // Terminal control sequences (bold prompts) are dropped before comparing.
        String screen = result.stdout().replaceAll("\u001B(\\[[0-9;]*[A-Za-z]|\\(B)", "").replace("\r", "");
        assertThat(result.exitCode()).as(screen).isZero();
        assertThat(screen)
                .contains("Reading table information for completion of table and column names")
                .contains("Server version: 8.4.6-doppel Doppel\n")
                .contains("MySQL [tty]> SELECT name FROM colors WHERE id = 2;\n+------+\n| name |\n+------+\n"
                        + "| blue |\n+------+\n1 row in set")
                .contains("MySQL [tty]> SELEC 1;\nERROR 1064 (42000): You have an error in your SQL syntax; check the"
                        + " manual that corresponds to your MySQL server version for the right syntax to use near"
                        + " 'SELEC 1' at line 1\n")
                .contains("Database changed\nMySQL [mysql]> SELECT DATABASE() AS db, 6 * 7 AS answer;\n"
                        + "+-------+--------+\n| db    | answer |\n+-------+--------+\n| mysql |     42 |\n")
                .contains("MySQL [mysql]> quit\nBye");
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output run(ProcessBuilder builder) throws Exception {
        return run(builder, null);
    }

    private static Output run(ProcessBuilder builder, String input) throws Exception {
        Path out = Files.createTempFile(home, "cli", ".out");
        Path err = Files.createTempFile(home, "cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("mysql did not finish: " + Files.readString(out));
        }
        return new Output(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
