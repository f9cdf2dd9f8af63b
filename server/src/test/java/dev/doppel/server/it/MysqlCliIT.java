package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The `mysql` command-line client (Debian's mariadb-client) over TCP and over the Unix socket. */
class MysqlCliIT {
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

    private static String[] tcp(String... more) {
        String[] base = {"-h127.0.0.1", "-P" + server.port(), "-uroot"};
        String[] result = new String[base.length + more.length];
        System.arraycopy(base, 0, result, 0, base.length);
        System.arraycopy(more, 0, result, base.length, more.length);
        return result;
    }

    @Test
    void assertExecuteOverTcp() throws Exception {
        MysqlCli.Result result = MysqlCli.run(null, tcp("-N", "-e", "SELECT @@version_comment, 6 * 7, USER()"));
        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("Doppel\t42\troot@localhost");
    }

    @Test
    void assertExecuteOverSocket() throws Exception {
        MysqlCli.Result result = MysqlCli.run(null, "-S", server.socket().toString(), "-uroot", "-N", "-e",
                "SELECT CURRENT_USER(), @@port > 0");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("root@localhost\t1");
    }

    @Test
    void assertPipedScript() throws Exception {
        String script = """
                CREATE DATABASE cli;
                USE cli;
                CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
                INSERT INTO t VALUES (1, 'one'), (2, 'two');
                SELECT v FROM t ORDER BY id;
                SHOW TABLES;
                SELECT DATABASE();
                quit
                """;
        MysqlCli.Result result = MysqlCli.run(script, "-S", server.socket().toString(), "-uroot");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("v\none\ntwo\nTables_in_cli\nt\nDATABASE()\ncli\n");
    }

    @Test
    void assertErrorsAsTheClientPrintsThem() throws Exception {
        MysqlCli.Result result = MysqlCli.run("SELECT 1;\nSELEC 2;\n", tcp());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().trim()).endsWith("\nERROR 1064 (42000) at line 2: You have an error in your SQL"
                + " syntax; check the manual that corresponds to your MySQL server version for the right syntax to use"
                + " near 'SELEC 2' at line 1");
        MysqlCli.Result unknown = MysqlCli.run(null, tcp("-e", "USE nowhere"));
        assertThat(unknown.stderr().trim()).endsWith("ERROR 1049 (42000) at line 1: Unknown database 'nowhere'");
        MysqlCli.Result denied = MysqlCli.run(null, "-h127.0.0.1", "-P" + server.port(), "-uroot", "-pwrong", "-e",
                "SELECT 1");
        assertThat(denied.stderr()).contains("ERROR 1045 (28000): Access denied for user 'root'@'localhost'"
                + " (using password: YES)");
    }

    @Test
    void assertShowVariablesAndStatus() throws Exception {
        MysqlCli.Result result = MysqlCli.run(null, tcp("-N", "-e",
                "SHOW VARIABLES LIKE 'version'; SHOW GLOBAL STATUS LIKE 'Threads_connected'"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("version\t8.4.").contains("Threads_connected\t");
    }

    @Test
    void assertUseAndAutoRehashFieldList() throws Exception {
        MysqlCli.Result created = MysqlCli.run("CREATE DATABASE rehash; CREATE TABLE rehash.t1 (a INT, b TEXT);",
                tcp());
        assertThat(created.exitCode()).isZero();
        MysqlCli.Result result = MysqlCli.run("USE rehash\nSELECT DATABASE();\n", tcp("--auto-rehash", "-N"));
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout().trim()).isEqualTo("rehash");
    }
}
