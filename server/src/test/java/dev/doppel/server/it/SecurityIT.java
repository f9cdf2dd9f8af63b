package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a hostile client tries, run as an account with no privileges, as one with SELECT on one database, and as root
 * for what even root must not do in MySQL (docs/security.md). Each attempt gets an error, MySQL's where Doppel
 * already answers as MySQL does; afterwards no file was written, no row changed, and the server still serves.
 */
class SecurityIT {
    private static final String SECRET = "top secret";

    @TempDir
    static Path home;
    private static Path files;
    private static DoppelProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DoppelProcess.start(home);
        files = Files.createDirectories(home.resolve("files"));
        Files.writeString(files.resolve("script.sql"), "CREATE TABLE app.from_script(a INT);");
        server.executeAsRoot("CREATE DATABASE app", "CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(20), j JSON)",
                "INSERT INTO app.t VALUES (1, 'one', '{\"a\": 1}')", "CREATE DATABASE other",
                "CREATE TABLE other.secret (s VARCHAR(20))", "INSERT INTO other.secret VALUES ('" + SECRET + "')",
                "CREATE VIEW other.secret_view AS SELECT s FROM other.secret",
                "CREATE TABLE other.checked (a INT, CONSTRAINT positive CHECK (a > 0))",
                "CREATE USER nopriv@'%' IDENTIFIED BY 'pw'", "CREATE USER onedb@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT ON app.* TO onedb@'%'", "CREATE DATABASE shared", "CREATE TABLE shared.base (x INT)",
                "CREATE VIEW shared.plain AS SELECT x FROM shared.base", "GRANT SELECT ON shared.plain TO onedb@'%'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Account, statement, and the error numbers that are a refusal (MySQL's first). */
    static Stream<Arguments> attempts() {
        List<Arguments> result = new ArrayList<>();
        for (String user : List.of("nopriv", "onedb", "root")) {
            boolean root = user.equals("root");
            // the engine's code, files, dumps and backups: refused to every account, root included
            result.add(Arguments.of(user, "CREATE ALIAS run AS 'String run() { return \"x\"; }'", List.of(1064)));
            result.add(Arguments.of(user, "CREATE ALIAS quit FOR \"java.lang.System.exit\"", List.of(1064)));
            result.add(Arguments.of(user, "CREATE LINKED TABLE l('org.h2.Driver', 'jdbc:h2:mem:', '', '', 'x')",
                    List.of(1064)));
            // a function MySQL does not have: 1046 without a current database, as in MySQL
            result.add(Arguments.of(user, "SELECT FILE_READ('/etc/passwd')", List.of(1046)));
            result.add(Arguments.of(user, "SELECT FILE_WRITE('x', '@FILES@/file_write')", List.of(1046)));
            result.add(Arguments.of(user, "SELECT * FROM CSVREAD('/etc/passwd')", List.of(1064)));
            result.add(Arguments.of(user, "SELECT test.DATABASE_PATH()", List.of(1305)));
            result.add(Arguments.of(user, "SELECT DISK_SPACE_USED('other.secret')", List.of(1046)));
            result.add(Arguments.of(user, "SELECT H2VERSION()", List.of(1046)));
            result.add(Arguments.of(user, "SELECT PUBLIC.MYSQL_HEX(1)", List.of(1305)));
            // nor through the statements the server runs itself: a multi-table UPDATE or DELETE (both ran before)
            result.add(Arguments.of(user, "UPDATE app.t a JOIN app.t b ON a.id = b.id SET a.v = H2VERSION()",
                    List.of(1046)));
            result.add(Arguments.of(user, "DELETE a FROM app.t a JOIN app.t b ON a.id = b.id"
                    + " WHERE DISK_SPACE_USED('other.secret') > 0", List.of(1046)));
            // nor through SHOW's WHERE, which runs on the engine: its functions and its subqueries' tables are checked
            // as a query's (an engine function ran, and a subquery read any table, before)
            result.add(Arguments.of(user, "SHOW DATABASES WHERE H2VERSION() IS NOT NULL", List.of(1046)));
            if (!root) {
                result.add(Arguments.of(user, "SHOW DATABASES WHERE (SELECT COUNT(*) FROM other.secret) > 0",
                        List.of(1142)));
            }
            // the server's own helpers behind MySQL's forms are no functions a client can call
            result.add(Arguments.of(user, "SELECT PUBLIC.MYSQL_BIN_CONCAT(X'FF')", List.of(1305)));
            result.add(Arguments.of(user, "SELECT PUBLIC.MYSQL_TEXT_NUMBER('1')", List.of(1305)));
            result.add(Arguments.of(user, "SELECT PUBLIC.MYSQL_BIT_AND(1, 1)", List.of(1305)));
            result.add(Arguments.of(user, "SELECT PUBLIC.MYSQL_BIT_OR_AGG(1)", List.of(1305)));
            result.add(Arguments.of(user, "SELECT * FROM SYSTEM_RANGE(1, 10)", List.of(1064)));
            result.add(Arguments.of(user, "SET @p = DATABASE_PATH()", List.of(1046)));
            result.add(Arguments.of(user, "CALL CSVWRITE('@FILES@/out.csv', 'SELECT 1')", List.of(1046, 1305)));
            result.add(Arguments.of(user, "RUNSCRIPT FROM '@FILES@/script.sql'", List.of(1064)));
            result.add(Arguments.of(user, "SCRIPT", List.of(1064)));
            result.add(Arguments.of(user, "SCRIPT TO '@FILES@/dump.sql'", List.of(1064)));
            result.add(Arguments.of(user, "BACKUP TO '@FILES@/backup.zip'", List.of(1064)));
            result.add(Arguments.of(user, "CHECKPOINT", List.of(1064)));
            // even root writes only inside secure_file_priv
            if (root) {
                result.add(Arguments.of(user, "SELECT 1 INTO OUTFILE '@FILES@/root.txt'", List.of(1290)));
                // the engine's default schema, where the server keeps its functions, is no database
                result.add(Arguments.of(user, "CREATE TABLE public.t (a INT)", List.of(1049)));
                result.add(Arguments.of(user, "SELECT * FROM public.t", List.of(1146)));
                result.add(Arguments.of(user, "USE public", List.of(1049)));
            }
            result.add(Arguments.of(user, "SET WRITE_DELAY 0", List.of(1064)));
            result.add(Arguments.of(user, "SET WRITE_DELAY = 0", List.of(1193)));
            result.add(Arguments.of(user, "CALL (SELECT s FROM other.secret)", List.of(1064)));
            // the engine's own syntax inside a query is no MySQL: the parse refuses it before any privilege
            result.add(Arguments.of(user, "SELECT ARRAY[1, 2]", List.of(1064)));
            result.add(Arguments.of(user, "SELECT CAST(1 AS JAVA_OBJECT)", List.of(1064)));
            result.add(Arguments.of(user, "SELECT * FROM app.t WHERE v = ANY (ARRAY['a'])", List.of(1064)));
            result.add(Arguments.of(user, "SELECT NEXT VALUE FOR app.s", List.of(1064)));
            // nor do the engine's functions in what a table stores to run later: defaults, generated columns, checks
            // (without a current database an unknown function is 1046, as in MySQL)
            result.add(Arguments.of(user, "CREATE TABLE app.leak (a VARCHAR(300) DEFAULT (DATABASE_PATH()))",
                    List.of(1046)));
            result.add(Arguments.of(user, "CREATE TABLE app.leak (a VARCHAR(300) DEFAULT DATABASE_PATH())",
                    List.of(1046)));
            result.add(Arguments.of(user, "CREATE TABLE app.leak (b INT, a VARCHAR(30) AS (H2VERSION()))",
                    List.of(1046)));
            // nor the engine's own types, attributes and options in table, index and view DDL: the parse refuses
            // them before any privilege, as MySQL's parser does (each was accepted before)
            result.add(Arguments.of(user, "CREATE TABLE app.j (x JAVA_OBJECT)", List.of(1064)));
            result.add(Arguments.of(user, "CREATE TABLE app.k (x INT SELECTIVITY 5, y UUID)", List.of(1064)));
            result.add(Arguments.of(user, "ALTER TABLE app.t SET REFERENTIAL_INTEGRITY FALSE", List.of(1064)));
            result.add(Arguments.of(user, "ALTER TABLE app.t ALTER COLUMN v SELECTIVITY 1", List.of(1064)));
            result.add(Arguments.of(user, "TRUNCATE TABLE app.t RESTART IDENTITY", List.of(1064)));
            result.add(Arguments.of(user, "CREATE HASH INDEX h ON app.t (v)", List.of(1064)));
            result.add(Arguments.of(user, "CREATE FORCE VIEW app.fv AS SELECT 1", List.of(1064)));
            result.add(Arguments.of(user, "CREATE TABLE app.leak (b INT CHECK (LENGTH(DATABASE_PATH()) > 0))",
                    List.of(1046)));
            result.add(Arguments.of(user, "ALTER TABLE app.t ADD COLUMN leak VARCHAR(300) DEFAULT (DATABASE_PATH())",
                    List.of(1046)));
            result.add(Arguments.of(user, "CREATE TABLE app.leak AS SELECT H2VERSION() AS v", List.of(1046)));
            if (!user.equals("nopriv")) {
                result.add(Arguments.of(user, "USE app; CREATE TABLE leak (a VARCHAR(300) DEFAULT (DATABASE_PATH()))",
                        List.of(1305)));
            }
            result.add(Arguments.of(user, "MERGE INTO app.t KEY (id) VALUES (1, 'changed', NULL)", List.of(1064)));
            result.add(Arguments.of(user, "MERGE INTO mysql.global_grants KEY (USER, HOST, PRIV)"
                    + " VALUES ('" + user + "', '%', 'SUPER', 'Y')", List.of(1064)));
            // the engine's catalogue is not MySQL's information_schema
            for (String table : List.of("settings", "users", "sessions", "indexes", "rights", "locks")) {
                result.add(Arguments.of(user, "SELECT * FROM information_schema." + table, List.of(1109)));
                result.add(Arguments.of(user, "USE information_schema; SELECT * FROM " + table, List.of(1109)));
            }
            if (root) {
                continue;
            }
            // reads and writes without the privilege, wherever the table appears
            result.add(Arguments.of(user, "SELECT * FROM other.secret", List.of(1142)));
            result.add(Arguments.of(user, "SELECT (SELECT s FROM other.secret)", List.of(1142)));
            result.add(Arguments.of(user, "SELECT COALESCE((SELECT s FROM other.secret), 'none')", List.of(1142)));
            result.add(Arguments.of(user, "SELECT CONCAT('a', (SELECT s FROM other.secret LIMIT 1))", List.of(1142)));
            result.add(Arguments.of(user, "SELECT 1 ORDER BY (SELECT s FROM other.secret)", List.of(1142)));
            result.add(Arguments.of(user, "SELECT 1 FROM DUAL WHERE EXISTS (SELECT * FROM other.secret"
                    + " WHERE s LIKE 'top%')", List.of(1142)));
            result.add(Arguments.of(user, "SET @x = (SELECT s FROM other.secret)", List.of(1142)));
            result.add(Arguments.of(user, "DO (SELECT COUNT(*) FROM other.secret)", List.of(1142)));
            result.add(Arguments.of(user, "SELECT * FROM TABLE(x VARCHAR = (SELECT s FROM other.secret))",
                    List.of(1064, 1142)));
            result.add(Arguments.of(user, "INSERT INTO app.t VALUES (9, (SELECT s FROM other.secret), NULL)",
                    List.of(1142)));
            result.add(Arguments.of(user, "UPDATE app.t SET v = 'changed'", List.of(1142)));
            result.add(Arguments.of(user, "SELECT 1 FROM DUAL WHERE 1 IN (WITH x AS (SELECT s FROM other.secret)"
                    + " SELECT 1 FROM x)", List.of(1142)));
            result.add(Arguments.of(user, "SELECT ROW_NUMBER() OVER (ORDER BY (SELECT s FROM other.secret))",
                    List.of(1142)));
            result.add(Arguments.of(user, "SELECT * FROM JSON_TABLE((SELECT s FROM other.secret), '$' COLUMNS"
                    + " (a INT PATH '$')) AS j", List.of(1142)));
            result.add(Arguments.of(user, "SELECT * FROM (SELECT 1 AS a) AS d, LATERAL (SELECT s FROM other.secret)"
                    + " AS l", List.of(1142)));
            result.add(Arguments.of(user, "INSERT INTO app.t SELECT * FROM app.t ON DUPLICATE KEY UPDATE"
                    + " v = (SELECT s FROM other.secret)", List.of(1142)));
            result.add(Arguments.of(user, "SELECT * FROM mysql.user", List.of(1142)));
            result.add(Arguments.of(user, "UPDATE mysql.user SET Super_priv = 'Y'", List.of(1142)));
            result.add(Arguments.of(user, "INSERT INTO mysql.global_grants VALUES ('" + user + "', '%', 'SUPER', 'Y')",
                    List.of(1142)));
            result.add(Arguments.of(user, "SHUTDOWN", List.of(1227)));
            result.add(Arguments.of(user, "SELECT * FROM app.t INTO OUTFILE '@FILES@/out.txt'", List.of(1045)));
            result.add(Arguments.of(user, "SELECT 1 INTO DUMPFILE '/tmp/doppel-security-dump'", List.of(1045)));
        }
        return result.stream();
    }

    @org.junit.jupiter.api.Test
    void loadFileReadsNothingWithoutTheFilePrivilege() throws Exception {
        for (String user : List.of("nopriv", "onedb")) {
            try (Connection connection = connect(user, "pw"); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT LOAD_FILE('/etc/passwd'), LOAD_FILE('"
                         + files.resolve("script.sql") + "')")) {
                rows.next();
                assertThat(rows.getString(1)).isNull();
                assertThat(rows.getString(2)).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attempts")
    void isRefused(String user, String sql, List<Integer> refusals) throws Exception {
        try (Connection connection = connect(user, user.equals("root") ? "" : "pw");
             Statement statement = connection.createStatement()) {
            String attempt = sql.replace("@FILES@", files.toString());
            if (attempt.startsWith("USE ") && attempt.contains(";")) {
                statement.execute(attempt.substring(0, attempt.indexOf(';')));
                attempt = attempt.substring(attempt.indexOf(';') + 1).trim();
            }
            String statementText = attempt;
            assertThatThrownBy(() -> {
                if (statement.execute(statementText)) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            assertThat(rows.getString(1)).doesNotContain(SECRET);
                        }
                    }
                }
            }).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(e.getMessage()).isIn(refusals));
            // the session goes on
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    /**
     * The information_schema tables the engine also has (VIEWS, CHECK_CONSTRAINTS, PARAMETERS, TABLE_PRIVILEGES,
     * COLUMN_PRIVILEGES, COLLATIONS) show what the account may see, in MySQL's shape; never the engine's own rows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nopriv", "onedb", "root"})
    void theCatalogShowsOnlyWhatTheAccountMaySee(String user) throws Exception {
        boolean root = user.equals("root");
        try (Connection connection = connect(user, root ? "" : "pw"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT CONCAT(TABLE_NAME, ':', VIEW_DEFINITION) FROM information_schema.VIEWS"
                    + " WHERE TABLE_SCHEMA = 'other'")).hasSize(root ? 1 : 0);
            // a view's definition needs SHOW VIEW besides SELECT (or being its definer): without, the row shows ''
            assertThat(rows(statement, "SELECT CONCAT(TABLE_NAME, ':', VIEW_DEFINITION) FROM information_schema.VIEWS"
                    + " WHERE TABLE_SCHEMA = 'shared'")).isEqualTo(switch (user) {
                        case "root" -> List.of("plain:SELECT x FROM shared.base");
                        case "onedb" -> List.of("plain:");
                        default -> List.of();
                    });
            assertThat(rows(statement, "SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = 'other'")).isEqualTo(root ? List.of("positive") : List.of());
            assertThat(rows(statement, "SELECT SPECIFIC_NAME FROM information_schema.PARAMETERS")).isEmpty();
            // its own table grant (SELECT on shared.plain), and nobody else's
            assertThat(rows(statement, "SELECT GRANTEE FROM information_schema.TABLE_PRIVILEGES"))
                    .isEqualTo(user.equals("onedb") ? List.of("'onedb'@'%'") : List.of());
            assertThat(rows(statement, "SELECT GRANTEE FROM information_schema.COLUMN_PRIVILEGES")).isEmpty();
            assertThat(rows(statement, "SELECT CHARACTER_SET_NAME FROM information_schema.COLLATIONS"
                    + " WHERE COLLATION_NAME = 'utf8mb4_0900_ai_ci'")).containsExactly("utf8mb4");
        }
    }

    /** After every attempt: no file written, no row changed, the server still serves. */
    @AfterEach
    void nothingChanged() throws Exception {
        try (Stream<Path> written = Files.list(files)) {
            assertThat(written).containsExactly(files.resolve("script.sql"));
        }
        try (Connection root = connect("root", ""); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT CONCAT(id, v) FROM app.t")).containsExactly("1one");
            assertThat(rows(statement, "SELECT s FROM other.secret")).containsExactly(SECRET);
            assertThat(rows(statement, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'app'"))
                    .containsExactly("t");
            assertThat(rows(statement, "SELECT CONCAT(USER, PRIV) FROM mysql.global_grants"
                    + " WHERE USER IN ('nopriv', 'onedb')")).isEmpty();
            assertThat(rows(statement, "SELECT User FROM mysql.user WHERE User IN ('nopriv', 'onedb')"
                    + " AND Super_priv = 'Y'")).isEmpty();
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"),
                user, password);
    }
}
