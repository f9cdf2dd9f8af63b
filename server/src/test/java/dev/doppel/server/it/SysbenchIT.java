package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * sysbench's bundled oltp_read_write (libmysqlclient: prepared statements or text queries, BEGIN/COMMIT,
 * CREATE TABLE ... ENGINE=InnoDB, a secondary index, bulk INSERTs) prepared, run and cleaned up against a server.
 */
class SysbenchIT {
    private static final String SYSBENCH = "/usr/bin/sysbench";
    private static final int TABLES = 2;
    private static final int ROWS = 1000;

    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(SYSBENCH)), "sysbench is not installed (apt-get install -y sysbench)");
        server = DoppelProcess.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "--db-ps-mode={0}")
    @ValueSource(strings = {"auto", "disable"})
    void assertPrepareRunCleanup(String psMode) throws Exception {
        String database = "sb_" + psMode;
        sql("CREATE DATABASE " + database);

        Result prepare = sysbench(database, psMode, "prepare");
        assertThat(prepare.exitCode()).as(prepare.output()).isZero();
        assertThat(prepare.output()).doesNotContain("FATAL").contains("Creating a secondary index on 'sbtest2'");
        assertThat(sql("SELECT COUNT(*), SUM(id), MIN(LENGTH(c)), MAX(LENGTH(pad)) FROM " + database + ".sbtest1"))
                .isEqualTo("1000\t500500\t119\t59");
        MysqlCli.Result again = MysqlCli.run(null, "-h127.0.0.1", "-P" + server.port(), "-uroot", "-e",
                "CREATE INDEX k_2 ON " + database + ".sbtest2(k)");
        assertThat(again.stderr()).contains("ERROR 1061 (42000) at line 1: Duplicate key name 'k_2'");

        // Only deadlocks may be skipped (sysbench's default also skips lock wait timeouts and 1020).
        Result run = sysbench(database, psMode, "--threads=4", "--time=3", "--mysql-ignore-errors=1213", "run");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("FATAL").contains("reconnects:                          0 ");
        long transactions = figure(run.output(), "transactions");
        long ignored = figure(run.output(), "ignored errors");
        assertThat(transactions).as(run.output()).isPositive();
        assertThat(ignored).as(run.output()).isLessThan(Math.max(1, transactions / 20));
        // Each transaction deletes a row and inserts it again: whole transactions only, so no row is ever lost.
        for (int table = 1; table <= TABLES; table++) {
            assertThat(sql("SELECT COUNT(*), SUM(id) FROM " + database + ".sbtest" + table)).isEqualTo("1000\t500500");
        }

        Result cleanup = sysbench(database, psMode, "cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.output()).isZero();
        assertThat(cleanup.output()).contains("Dropping table 'sbtest2'");
        assertThat(sql("SHOW TABLES FROM " + database)).isEmpty();
        sql("DROP DATABASE " + database);
    }

    private static long figure(String output, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + name + ":\\s+(\\d+)").matcher(output);
        assertThat(matcher.find()).as(name + " in " + output).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String sql(String statement) throws Exception {
        MysqlCli.Result result = MysqlCli.run(null, "-h127.0.0.1", "-P" + server.port(), "-uroot", "-N", "-B", "-e",
                statement);
        assertThat(result.stderr()).as(statement).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result.stdout().trim();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result sysbench(String database, String psMode, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(SYSBENCH, "oltp_read_write", "--db-driver=mysql",
                "--mysql-host=127.0.0.1", "--mysql-port=" + server.port(), "--mysql-user=root",
                "--mysql-db=" + database, "--db-ps-mode=" + psMode, "--tables=" + TABLES, "--table-size=" + ROWS));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(home, "sysbench", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("sysbench did not finish: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
