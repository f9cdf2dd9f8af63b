package dev.doppel.server.it.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value leaves exactly as it came in: every byte value 0..255 and invalid UTF-8 sequences, sent inside the text of
 * a statement or as a parameter, stored in BINARY, VARBINARY and BLOB columns and read back byte for byte, through
 * PyMySQL, MySQLdb, mysql-connector-python (plain and prepared cursors), Connector/J and MariaDB Connector/J, the
 * {@code mysql} client reading a file, and a {@code mariadb-dump} reloaded with and without {@code --hex-blob}.
 */
class BytesExactIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE bytes");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"pymysql, plain", "MySQLdb, plain", "mysql.connector, plain", "mysql.connector, prepared"})
    void pythonDriversStoreEveryByte(String driver, String mode) throws Exception {
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import " + driver).redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                () -> "python3 cannot import " + driver + " (.ci/run installs it)");
        Path script = Path.of(BytesExactIT.class.getResource("/bytes/roundtrip.py").toURI());
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), driver, mode,
                Integer.toString(server.port())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output.strip()).as(output).startsWith("OK ");
    }

    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @CsvSource({"false", "true"})
    void connectorJSetBytesAndSetString(boolean serverPrepared) throws Exception {
        String table = "cj_" + serverPrepared;
        Map<Integer, byte[]> sent = samples();
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/bytes?" + OPTIONS + "&useServerPrepStmts=" + serverPrepared, "root", "")) {
            createTable(connection, table);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (id, vb, bl) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, byte[]> each : sent.entrySet()) {
                    insert.setInt(1, each.getKey());
                    insert.setBytes(2, each.getValue());
                    insert.setBytes(3, each.getValue());
                    insert.executeUpdate();
                }
            }
            String text = "é ü 中文 😀 ' \\ \u0000 end";
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (id, vb, u8) VALUES (1000, ?, ?)")) {
                insert.setString(1, text);
                insert.setString(2, text);
                insert.executeUpdate();
            }
            assertStored(connection, table, sent);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT vb, u8 FROM " + table + " WHERE id = 1000")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBytes(1)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
                assertThat(rows.getString(2)).isEqualTo(text);
            }
        }
    }

    /** A statement the server runs itself at COM_STMT_EXECUTE gets its values as MySQL literals: a backslash stays. */
    @Test
    void serverRunPreparedStatementsKeepBackslashes() throws Exception {
        String value = "x\\b'q\\n";
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/bytes?" + OPTIONS + "&useServerPrepStmts=true", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE escapes (id INT PRIMARY KEY, s VARCHAR(20))");
            statement.execute("INSERT INTO escapes VALUES (1, '')");
            try (PreparedStatement update = connection.prepareStatement("UPDATE IGNORE escapes SET s = ? WHERE id = 1");
                 PreparedStatement set = connection.prepareStatement("SET @escaped = ?")) {
                update.setString(1, value);
                update.executeUpdate();
                set.setString(1, value);
                set.executeUpdate();
            }
            try (ResultSet rows = statement.executeQuery("SELECT s, @escaped FROM escapes")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(value);
                assertThat(rows.getString(2)).isEqualTo(value);
            }
        }
    }

    @Test
    void mariadbConnectorSetBytes() throws Exception {
        Map<Integer, byte[]> sent = samples();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port()
                + "/bytes?useServerPrepStmts=true", "root", "")) {
            createTable(connection, "mariadb_j");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mariadb_j (id, vb, bl) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, byte[]> each : sent.entrySet()) {
                    insert.setInt(1, each.getKey());
                    insert.setBytes(2, each.getValue());
                    insert.setBytes(3, each.getValue());
                    insert.executeUpdate();
                }
            }
            assertStored(connection, "mariadb_j", sent);
        }
    }

    /** The mysql client sends a file's bytes as they are: string literals escaped as mariadb-dump writes them. */
    @Test
    void theMysqlClientReadingAFileWithRawBytes() throws Exception {
        Map<Integer, byte[]> sent = samples();
        try (Connection connection = connect("bytes")) {
            createTable(connection, "cli");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> each : sent.entrySet()) {
            file.writeBytes(("INSERT INTO cli (id, vb, bl) VALUES (" + each.getKey() + ", '").getBytes(StandardCharsets.US_ASCII));
            file.writeBytes(escaped(each.getValue()));
            file.writeBytes("', _binary '".getBytes(StandardCharsets.US_ASCII));
            file.writeBytes(escaped(each.getValue()));
            file.writeBytes("');\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path input = home.resolve("raw-bytes.sql");
        Files.write(input, file.toByteArray());
        Process process = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", "--default-character-set=utf8mb4", "bytes").redirectInput(input.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        try (Connection connection = connect("bytes")) {
            assertStored(connection, "cli", sent);
        }
    }

    /** Bytes that are no UTF-8, into a utf8mb4 column: 1366 in strict mode, a warning otherwise; never a silent change. */
    @Test
    void invalidTextIntoATextColumnIsRefused() throws Exception {
        try (Connection connection = connect("bytes")) {
            createTable(connection, "strict_text");
        }
        byte[] strict = ("INSERT INTO strict_text (id, vb, u8) VALUES (1, 'ok', 'abc\u00ff\u00fe');\n"
                + "INSERT INTO strict_text (id, vb) VALUES (5, 'ok');\n"
                + "UPDATE strict_text SET u8 = 'x\u00ff' WHERE id = 5;\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = home.resolve("invalid-text.sql");
        Files.write(file, strict);
        Process process = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", "--default-character-set=utf8mb4", "--force", "bytes").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("ERROR 1366 (HY000) at line 1: Incorrect string value: '\\xFF\\xFE' for column"
                + " 'u8' at row 1");
        assertThat(output).contains("ERROR 1366 (HY000) at line 3: Incorrect string value: '\\xFF' for column"
                + " 'u8' at row 1");
        byte[] lenient = ("SET sql_mode = '';\nINSERT INTO strict_text (id, u8) VALUES (2, 'abc\u00ff');\n"
                + "SHOW WARNINGS;\nINSERT INTO strict_text (id, vb) VALUES (3, 'abc\u00ff');\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, lenient);
        process = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", "--default-character-set=utf8mb4", "--raw", "bytes").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Warning\t1366\tIncorrect string value: '\\xFF' for column 'u8' at row 1");
        try (Connection connection = connect("bytes"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, HEX(vb) FROM strict_text ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(2);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo("616263FF");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(5);
            assertThat(rows.next()).isFalse();
        }
    }

    /**
     * Bytes that are no UTF-8 reaching a text column through an expression rather than a literal: a binary column,
     * UNHEX, a subquery of a binary column. 1366 in strict mode, as in MySQL, and a warning with the text up to the
     * first bad byte otherwise; the engine stored U+FFFD for each bad byte without a word.
     */
    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @CsvSource({"false", "true"})
    void bytesReachingATextColumnThroughAnExpressionAreRefused(boolean serverPrepared) throws Exception {
        String table = "expr_text_" + serverPrepared;
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/bytes?" + OPTIONS + "&useServerPrepStmts=" + serverPrepared, "root", "");
             Statement statement = connection.createStatement()) {
            createTable(connection, table);
            statement.execute("INSERT INTO " + table + " (id, vb, u8) VALUES (1, X'61FF62', 'one'), (2, X'C3A9', 'two')");
            for (String sql : List.of(
                    "UPDATE " + table + " SET u8 = vb WHERE id = 1",
                    "UPDATE " + table + " SET u8 = (SELECT vb FROM " + table + " WHERE id = 1) WHERE id = 2",
                    "INSERT INTO " + table + " (id, u8) VALUES (3, 'ok'), (4, UNHEX('41FE'))",
                    "INSERT INTO " + table + " SET id = 5, u8 = UNHEX('FF')",
                    "INSERT INTO " + table + " (id, u8) VALUES (1, 'x') ON DUPLICATE KEY UPDATE u8 = vb",
                    "INSERT INTO " + table + " (id, u8) SELECT id + 10, vb AS copied FROM " + table,
                    "INSERT INTO " + table + " SELECT id + 20, NULL, NULL, vb FROM " + table + " WHERE id = 1",
                    "UPDATE " + table + " a JOIN " + table + " b ON b.id = 1 SET a.u8 = b.vb WHERE a.id = 2")) {
                try (PreparedStatement each = connection.prepareStatement(sql)) {
                    assertThatThrownBy(each::executeUpdate).as(sql).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1366));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (id, u8) VALUES (3, 'ok'), (4, UNHEX('41FE'))")) {
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getMessage()).isEqualTo(
                                "Incorrect string value: '\\xFE' for column 'u8' at row 2"));
            }
            // valid UTF-8 in a binary value goes in as its text; lenient mode keeps the text before the bad byte
            statement.execute("UPDATE " + table + " SET u8 = vb WHERE id = 2");
            statement.execute("INSERT INTO " + table + " (id, u8) SELECT 30, CASE WHEN id = 2 THEN vb END FROM "
                    + table + " WHERE id = 2");
            statement.execute("DELETE FROM " + table + " WHERE id = 30");
            statement.execute("SET SESSION sql_mode = ''");
            statement.execute("UPDATE " + table + " SET u8 = vb WHERE id = 1");
            assertThat(statement.getWarnings().getErrorCode()).isEqualTo(1366);
            statement.execute("SET SESSION sql_mode = DEFAULT");
            try (ResultSet rows = statement.executeQuery("SELECT id, HEX(u8) FROM " + table + " ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("61");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("C3A9");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    /** Bytes that are no UTF-8 bound to a utf8mb4 column: 1366 through either kind of prepared statement. */
    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @CsvSource({"false", "true"})
    void invalidBytesBoundToATextColumnAreRefused(boolean serverPrepared) throws Exception {
        String table = "bound_text_" + serverPrepared;
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/bytes?" + OPTIONS + "&useServerPrepStmts=" + serverPrepared, "root", "")) {
            createTable(connection, table);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, u8) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setBytes(2, new byte[] {'o', 'k', (byte) 0xc3, (byte) 0xa9});
                insert.executeUpdate();
                insert.setInt(1, 2);
                insert.setBytes(2, new byte[] {'a', (byte) 0xff, (byte) 0xfe});
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1366);
                    assertThat(e.getMessage()).isEqualTo("Incorrect string value: '\\xFF\\xFE' for column 'u8' at row 1");
                });
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET u8 = ? WHERE id = 1")) {
                update.setBytes(1, new byte[] {(byte) 0x80});
                assertThatThrownBy(update::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1366));
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id, u8 FROM " + table)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("oké");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    /** Text results go out in character_set_results; NULL (and binary) mean as stored. Binary columns never change. */
    @Test
    void resultsGoOutInCharacterSetResults() throws Exception {
        try (Connection connection = connect("bytes")) {
            createTable(connection, "results");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO results (id, vb, u8) VALUES (1, ?, ?)")) {
                insert.setBytes(1, new byte[] {(byte) 0xe9, 0});
                insert.setString(2, "é中");
                insert.executeUpdate();
            }
        }
        String select = "SELECT u8, vb FROM bytes.results";
        assertThat(resultBytes("SET NAMES latin1; " + select)).isEqualTo(new byte[] {(byte) 0xe9, '?', '\t', (byte) 0xe9, 0, '\n'});
        byte[] utf8 = "é中\t".getBytes(StandardCharsets.UTF_8);
        byte[] asStored = java.util.Arrays.copyOf(utf8, utf8.length + 3);
        asStored[utf8.length] = (byte) 0xe9;
        asStored[utf8.length + 1] = 0;
        asStored[utf8.length + 2] = '\n';
        assertThat(resultBytes("SET NAMES utf8mb4; " + select)).isEqualTo(asStored);
        assertThat(resultBytes("SET NAMES latin1; SET character_set_results = NULL; " + select)).isEqualTo(asStored);
        assertThat(resultBytes("SET NAMES binary; " + select)).isEqualTo(asStored);
        for (boolean serverPrepared : new boolean[] {false, true}) {
            try (Connection latin1 = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/bytes?"
                    + OPTIONS + "&characterEncoding=ISO-8859-1&characterSetResults=ISO-8859-1&useServerPrepStmts="
                    + serverPrepared, "root", "");
                    PreparedStatement query = latin1.prepareStatement("SELECT u8, vb FROM results WHERE id = ?")) {
                query.setInt(1, 1);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).as("server-prepared: %s", serverPrepared).isEqualTo("é?");
                    assertThat(rows.getBytes(2)).isEqualTo(new byte[] {(byte) 0xe9, 0});
                }
            }
        }
    }

    /** What the mysql client prints for {@code sql}, byte for byte (batch mode, no escaping, no column names). */
    private static byte[] resultBytes(String sql) throws Exception {
        Process process = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", "--raw", "-N", "--binary-mode", "-e", sql).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @ParameterizedTest(name = "hex-blob={0}")
    @CsvSource({"false", "true"})
    void aDumpReloadsByteForByte(boolean hexBlob) throws Exception {
        Map<Integer, byte[]> sent = samples();
        String database = "dumped_" + hexBlob;
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = connect(database)) {
            createTable(connection, "t");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (id, vb, bl) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, byte[]> each : sent.entrySet()) {
                    insert.setInt(1, each.getKey());
                    insert.setBytes(2, each.getValue());
                    insert.setBytes(3, each.getValue());
                    insert.executeUpdate();
                }
            }
        }
        Path dump = home.resolve(database + ".sql");
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-h127.0.0.1",
                "-P" + server.port(), "-uroot", "--skip-ssl"));
        if (hexBlob) {
            command.add("--hex-blob");
        }
        command.add(database);
        Process process = new ProcessBuilder(command).redirectOutput(dump.toFile())
                .redirectError(home.resolve(database + ".err").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve(database + ".err"))).isZero();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE t");
        }
        Process reload = new ProcessBuilder(MysqlCli.binary(), "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot", database).redirectInput(dump.toFile()).redirectErrorStream(true).start();
        String output = new String(reload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reload.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(reload.exitValue()).as(output).isZero();
        try (Connection connection = connect(database)) {
            assertStored(connection, "t", sent);
        }
    }

    /** Every byte value, invalid UTF-8 sequences, and the bytes a dump escapes. */
    private static Map<Integer, byte[]> samples() {
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        result.put(1, all);
        result.put(2, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd});
        result.put(3, new byte[] {(byte) 0xc3, 0x28});
        result.put(4, new byte[] {(byte) 0xe2, (byte) 0x82});
        result.put(5, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        result.put(6, new byte[] {(byte) 0xc0, (byte) 0xaf});
        result.put(7, new byte[] {'a', 0, 'b', 0, '\'', '\\', '"', 0x1a, '\r', '\n'});
        result.put(8, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80});
        result.put(9, new byte[0]);
        for (int first = 0; first < 256; first += 16) {
            byte[] run = new byte[16];
            for (int i = 0; i < 16; i++) {
                run[i] = (byte) (first + i);
            }
            result.put(100 + first, run);
        }
        return result;
    }

    /** A string literal's content as mariadb-dump writes it without --hex-blob. */
    private static byte[] escaped(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte each : value) {
            switch (each) {
                case 0 -> out.writeBytes(new byte[] {'\\', '0'});
                case '\'' -> out.writeBytes(new byte[] {'\\', '\''});
                case '\\' -> out.writeBytes(new byte[] {'\\', '\\'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                case 0x1a -> out.writeBytes(new byte[] {'\\', 'Z'});
                default -> out.write(each);
            }
        }
        return out.toByteArray();
    }

    private static void createTable(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, vb VARBINARY(600), bl BLOB,"
                    + " u8 VARCHAR(100) CHARACTER SET utf8mb4)");
        }
    }

    private static void assertStored(Connection connection, String table, Map<Integer, byte[]> sent) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, vb, bl FROM " + table + " WHERE id < 1000")) {
            int count = 0;
            while (rows.next()) {
                count++;
                byte[] expected = sent.get(rows.getInt(1));
                for (int column = 2; column <= 3; column++) {
                    byte[] got = rows.getBytes(column);
                    if (!java.util.Arrays.equals(expected, got)) {
                        problems.add("row " + rows.getInt(1) + " column " + column + ": sent "
                                + HexFormat.of().formatHex(expected) + ", got " + (got == null ? "NULL"
                                        : HexFormat.of().formatHex(got)));
                    }
                }
            }
            assertThat(count).isEqualTo(sent.size());
        }
        assertThat(problems).isEmpty();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?" + OPTIONS,
                "root", "");
    }
}
