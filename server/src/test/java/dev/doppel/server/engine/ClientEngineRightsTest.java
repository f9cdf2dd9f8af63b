package dev.doppel.server.engine;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second wall: whatever reaches a session's engine connection runs without the engine's administrator rights, so
 * the engine's code, file, backup, link and settings features fail there, while MySQL's DDL and DML work.
 */
class ClientEngineRightsTest {
    @TempDir
    static Path dir;
    private static int run;

    private H2Engine engine;
    private Path datadir;
    private Path files;

    @BeforeEach
    void open() throws Exception {
        datadir = Files.createDirectories(dir.resolve("data" + run));
        files = Files.createDirectories(dir.resolve("files" + run++));
        engine = H2Engine.create(datadir);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE ALIAS run AS 'String run() { return \"x\"; }'",
            "CREATE ALIAS quit FOR \"java.lang.System.exit\"",
            "CREATE TRIGGER t1 BEFORE INSERT ON db.t FOR EACH ROW CALL \"dev.doppel.server.engine.JsonColumns\"",
            "CREATE TRIGGER t2 BEFORE INSERT ON db.t FOR EACH ROW AS 'org.h2.api.Trigger create() { return null; }'",
            "CREATE AGGREGATE agg FOR \"java.lang.Object\"",
            "CREATE LINKED TABLE linked('org.h2.Driver', 'jdbc:h2:mem:', '', '', 'x')",
            "SELECT * FROM LINK_SCHEMA('a', '', 'jdbc:h2:mem:', '', '', 'PUBLIC')",
            "SELECT FILE_READ('/etc/passwd')",
            "SELECT FILE_WRITE('abc', '@FILES@/file_write')",
            "SELECT * FROM CSVREAD('/etc/passwd')",
            "CALL CSVWRITE('@FILES@/csvwrite.csv', 'SELECT 1')",
            "RUNSCRIPT FROM '@FILES@/script.sql'",
            "SCRIPT",
            "SCRIPT TO '@FILES@/script_to.sql'",
            "BACKUP TO '@FILES@/backup.zip'",
            "CHECKPOINT",
            "CHECKPOINT SYNC",
            "SHUTDOWN",
            "SET WRITE_DELAY 0",
            "SET CACHE_SIZE 1",
            "SET MODE REGULAR",
            "SET EXCLUSIVE 1",
            "SET REFERENTIAL_INTEGRITY FALSE",
            "SET DEFAULT_LOCK_TIMEOUT 1",
            "SET RETENTION_TIME 0",
            "SET MAX_OPERATION_MEMORY 1",
            "SET JAVA_OBJECT_SERIALIZER 'java.lang.Object'",
            "SET DATABASE_EVENT_LISTENER 'java.lang.Object'",
            "SET BUILTIN_ALIAS_OVERRIDE TRUE",
            "CREATE USER evil PASSWORD 'x' ADMIN",
            "ALTER USER doppel_client ADMIN TRUE",
            "GRANT ADMIN TO doppel_client",
            "CREATE ROLE evil",
            "SELECT MEMORY_USED()",
            "CALL CANCEL_SESSION(1)",
            "SELECT ABORT_SESSION(1)"})
    void theEngineFeaturesMySqlLacksAreRefused(String statement) throws Exception {
        Files.writeString(files.resolve("script.sql"), "CREATE TABLE db.from_script(a INT);");
        try (Connection client = engine.connect()) {
            prepare(client);
            assertThatThrownBy(() -> execute(client, statement.replace("@FILES@", files.toString())))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode())
                            .isIn(ErrorCode.ADMIN_RIGHTS_REQUIRED, ErrorCode.ACCESS_DENIED_TO_CLASS_1));
        }
        try (Stream<Path> written = Files.list(files)) {
            assertThat(written).containsExactly(files.resolve("script.sql"));
        }
        try (Connection client = engine.connect(); Statement query = client.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_NAME = 'from_script'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void bytesAreNeverReadAsAJavaObject() throws Exception {
        try (Connection client = engine.connect()) {
            try (Statement statement = client.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT CAST(X'ACED0005740001' AS JAVA_OBJECT)")) {
                rows.next();
                assertThatThrownBy(() -> rows.getObject(1)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("not read");
            }
        }
    }

    @Test
    void mySqlDdlAndDmlWorkWithoutAdministratorRights() throws Exception {
        try (Connection maintenance = engine.maintenanceConnection()) {
            // what the server declares at startup for UNSIGNED columns (UnsignedType)
            execute(maintenance, "CREATE DOMAIN IF NOT EXISTS mysql.doppel_int_unsigned AS BIGINT"
                    + " CHECK (VALUE BETWEEN 0 AND 4294967295)");
        }
        try (Connection client = engine.connect(); Statement statement = client.createStatement()) {
            prepare(client);
            statement.execute("CREATE TABLE db.u(a mysql.doppel_int_unsigned, b VARCHAR(10), KEY k(b))");
            statement.execute("INSERT INTO db.u VALUES (1, 'x')");
            statement.execute("UPDATE db.u SET b = 'y'");
            statement.execute("CREATE VIEW db.v AS SELECT a FROM db.u");
            statement.execute("ALTER TABLE db.u ADD COLUMN c INT");
            try (ResultSet rows = statement.executeQuery("SELECT MYSQL_HEX(b), FIND_IN_SET('b', 'a,b') FROM db.u")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("79");
                assertThat(rows.getInt(2)).isEqualTo(2);
            }
            statement.execute("DELETE FROM db.u");
            statement.execute("DROP SCHEMA db CASCADE");
        }
    }

    @Test
    void theMaintenanceConnectionKeepsTheAdministratorsRights() throws Exception {
        try (Connection maintenance = engine.maintenanceConnection(); Statement statement = maintenance.createStatement();
             ResultSet rows = statement.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS"
                     + " WHERE USER_NAME = CURRENT_USER")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void theClientPasswordIsNewAtEveryOpen() throws Exception {
        engine.close();
        engine = H2Engine.open(datadir);
        try (Connection client = engine.connect(); Statement statement = client.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase(EngineUsers.CLIENT);
        }
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:h2:file:" + datadir.resolve(H2Engine.FILE_NAME)
                + ";IFEXISTS=TRUE", EngineUsers.CLIENT, "")).isInstanceOf(SQLException.class);
    }

    private static void prepare(Connection client) throws SQLException {
        execute(client, "CREATE SCHEMA IF NOT EXISTS db");
        execute(client, "CREATE TABLE IF NOT EXISTS db.t(a INT)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
