package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL's file features with MySQL's rules: the FILE privilege, secure_file_priv (a dedicated directory by default,
 * NULL for none), SELECT ... INTO OUTFILE and DUMPFILE, LOAD_FILE.
 */
class FileFeaturesIT {
    @TempDir
    static Path home;
    private static DoppelProcess server;
    private static Path files;

    @BeforeAll
    static void startServer() throws Exception {
        // its own directory: the default, mysql-files under the distribution, is shared by every test server
        Path exports = Files.createDirectories(home.resolve("exports"));
        server = DoppelProcess.start(Files.createDirectories(home.resolve("main")), "--secure-file-priv=" + exports);
        server.executeAsRoot("CREATE DATABASE app", "CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO app.t VALUES (1, 'one'), (2, NULL), (3, 'tab\\there')",
                "CREATE USER reader@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON app.* TO reader@'%'");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            files = Path.of(value(statement, "SELECT @@secure_file_priv"));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theDefaultIsADedicatedDirectoryThatTheServerMade() throws Exception {
        Files.createDirectories(home.resolve("default"));
        try (DoppelProcess standard = DoppelProcess.start(home.resolve("default"));
             Connection root = connect(standard, "root", ""); Statement statement = root.createStatement()) {
            Path directory = Path.of(value(statement, "SELECT @@secure_file_priv"));
            assertThat(directory).isEqualTo(DoppelProcess.distribution().resolve("mysql-files"));
            assertThat(Files.isDirectory(directory)).isTrue();
        }
    }

    @Test
    void intoOutfileWritesMySqlsFormatOnceAndNeverOverwrites() throws Exception {
        Path out = files.resolve("t.txt");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            assertThat(statement.executeUpdate("SELECT id, v INTO OUTFILE '" + out + "' FROM app.t ORDER BY id"))
                    .isEqualTo(3);
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("1\tone\n2\t\\N\n3\ttab\\\there\n");
            assertError(statement, "SELECT 1 INTO OUTFILE '" + out + "'", 1086, "File '" + out + "' already exists");
            Path csv = files.resolve("t.csv");
            statement.execute("SELECT id, v FROM app.t ORDER BY id INTO OUTFILE '" + csv + "' FIELDS TERMINATED BY ','"
                    + " OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n'");
            assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                    .isEqualTo("1,\"one\"\r\n2,\\N\r\n3,\"tab\there\"\r\n");
            assertThat(value(statement, "SELECT LOAD_FILE('" + csv + "') IS NOT NULL")).isEqualTo("1");
        }
    }

    @Test
    void intoDumpfileTakesOneRowAndLeavesNoFileOnError() throws Exception {
        Path dump = files.resolve("one.bin");
        Path many = files.resolve("many.bin");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            statement.execute("SELECT v FROM app.t WHERE id = 1 INTO DUMPFILE '" + dump + "'");
            assertThat(Files.readString(dump, StandardCharsets.UTF_8)).isEqualTo("one");
            assertError(statement, "SELECT v FROM app.t INTO DUMPFILE '" + many + "'", 1172,
                    "Result consisted of more than one row");
            assertThat(Files.exists(many)).isFalse();
        }
    }

    @Test
    void loadDataReadsBackWhatIntoOutfileWrote() throws Exception {
        Path out = files.resolve("round.txt");
        Path csv = files.resolve("people.csv");
        Files.writeString(csv, "id,name,city\n7,\"Ann, Jr.\",Oslo\n8,\"Bo \"\"B\"\"\",NULL\n9,Cy\n");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            statement.execute("CREATE TABLE app.copy (id INT PRIMARY KEY, v VARCHAR(20))");
            statement.execute("SELECT id, v INTO OUTFILE '" + out + "' FROM app.t ORDER BY id");
            assertThat(statement.executeUpdate("LOAD DATA INFILE '" + out + "' INTO TABLE app.copy")).isEqualTo(3);
            assertThat(value(statement, "SELECT GROUP_CONCAT(CONCAT(id, '=', IFNULL(v, 'null')) ORDER BY id"
                    + " SEPARATOR ';') FROM app.copy")).isEqualTo("1=one;2=null;3=tab\there");
            assertError(statement, "LOAD DATA INFILE '" + out + "' INTO TABLE app.copy", 1062, null);
            assertThat(statement.executeUpdate("LOAD DATA INFILE '" + out + "' REPLACE INTO TABLE app.copy")).isEqualTo(6);

            statement.execute("CREATE TABLE app.people (id INT PRIMARY KEY, name VARCHAR(20), city VARCHAR(20)"
                    + " DEFAULT 'nowhere')");
            statement.execute("LOAD DATA INFILE '" + csv + "' INTO TABLE app.people FIELDS TERMINATED BY ','"
                    + " OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\n' IGNORE 1 LINES (id, name, city)");
            try (ResultSet warnings = statement.executeQuery("SHOW WARNINGS")) {
                assertThat(warnings.next()).isTrue();
                assertThat(warnings.getString(3)).isEqualTo("Row 3 doesn't contain data for all columns");
            }
            assertThat(value(statement, "SELECT GROUP_CONCAT(CONCAT(name, '@', IFNULL(city, 'null')) ORDER BY id"
                    + " SEPARATOR ';') FROM app.people")).isEqualTo("Ann, Jr.@Oslo;Bo \"B\"@null;Cy@nowhere");
        }
    }

    @Test
    void loadDataFollowsTheFileRules() throws Exception {
        Files.writeString(files.resolve("load.txt"), "1\tx\n");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            assertError(statement, "LOAD DATA INFILE '" + home.resolve("outside.txt") + "' INTO TABLE app.t", 1290, null);
            assertError(statement, "LOAD DATA INFILE '" + files.resolve("missing.txt") + "' INTO TABLE app.t", 29, null);
            assertError(statement, "LOAD DATA LOCAL INFILE 'x.txt' INTO TABLE app.t", 3948,
                    "Loading local data is disabled; this must be enabled on both the client and server sides");
        }
        try (Connection reader = connect(server, "reader", "pw"); Statement statement = reader.createStatement()) {
            assertError(statement, "LOAD DATA INFILE '" + files.resolve("load.txt") + "' INTO TABLE app.t", 1045, null);
        }
    }

    @Test
    void outsideSecureFilePrivNothingIsWrittenOrRead() throws Exception {
        Path outside = home.resolve("outside.txt");
        try (Connection root = connect(server, "root", ""); Statement statement = root.createStatement()) {
            assertError(statement, "SELECT 1 INTO OUTFILE '" + outside + "'", 1290,
                    "The MySQL server is running with the --secure-file-priv option so it cannot execute this statement");
            assertError(statement, "SELECT 1 INTO OUTFILE '" + files.resolve("../escaped.txt") + "'", 1290, null);
            assertThat(value(statement, "SELECT LOAD_FILE('/etc/passwd')")).isNull();
        }
        assertThat(Files.exists(outside)).isFalse();
        assertThat(Files.exists(files.resolveSibling("escaped.txt"))).isFalse();
    }

    @Test
    void withoutTheFilePrivilegeNothingIsWrittenOrRead() throws Exception {
        Files.writeString(files.resolve("readable.txt"), "secret");
        try (Connection reader = connect(server, "reader", "pw"); Statement statement = reader.createStatement()) {
            assertError(statement, "SELECT * FROM app.t INTO OUTFILE '" + files.resolve("r.txt") + "'", 1045, null);
            assertThat(value(statement, "SELECT LOAD_FILE('" + files.resolve("readable.txt") + "')")).isNull();
        }
        assertThat(Files.exists(files.resolve("r.txt"))).isFalse();
    }

    @Test
    void secureFilePrivNullTurnsImportAndExportOff() throws Exception {
        Files.createDirectories(home.resolve("null"));
        try (DoppelProcess closed = DoppelProcess.start(home.resolve("null"), "--secure-file-priv=NULL");
             Connection root = connect(closed, "root", ""); Statement statement = root.createStatement()) {
            assertThat(value(statement, "SELECT @@secure_file_priv")).isNull();
            assertError(statement, "SELECT 1 INTO OUTFILE '" + home.resolve("null/x.txt") + "'", 1290, null);
            Files.writeString(home.resolve("null/readable.txt"), "x");
            assertThat(value(statement, "SELECT LOAD_FILE('" + home.resolve("null/readable.txt") + "')")).isNull();
        }
    }

    private static void assertError(Statement statement, String sql, int number, String message) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(e.getMessage()).isEqualTo(number))
                .satisfies(e -> {
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(DoppelProcess target, String user, String password) throws SQLException {
        return DriverManager.getConnection(target.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                user, password);
    }
}
