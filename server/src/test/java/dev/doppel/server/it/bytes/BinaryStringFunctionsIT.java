package dev.doppel.server.it.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL's string functions over a binary argument work on its bytes and give a binary string: the bytes survive
 * CONCAT, CONCAT_WS, LEFT, RIGHT, REPEAT, LPAD, RPAD, REPLACE, INSERT, SUBSTRING_INDEX, REVERSE, LOWER, UPPER, TRIM
 * and ELT, in a SELECT and on their way into a binary column (they were stored as EF BF BD for every byte that is no
 * UTF-8). Expected values are MySQL 8.4's (the same as MariaDB's for these).
 */
class BinaryStringFunctionsIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    /** Every byte value 0..255. */
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE fn");
            statement.execute("CREATE TABLE fn.b (id INT PRIMARY KEY, v VARBINARY(600), bl BLOB, t VARCHAR(600))");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CONCAT(x'FF00', 'a')|FF0061",
        "CONCAT(0xFF, 2, 2.50)|FF32322E3530",
        "CONCAT(_binary'ab', x'C0')|6162C0",
        "CONCAT(CAST('a' AS BINARY), x'FF')|61FF",
        "CONCAT(CONVERT('a' USING binary), x'FE')|61FE",
        "CONCAT(UNHEX('FF'), 'a')|FF61",
        "CONCAT(LEFT(x'FF01', 1), 'z')|FF7A",
        "CONCAT(IFNULL(NULL, x'FF'), 'a')|FF61",
        "CONCAT_WS(x'FF', 'a', NULL, 'b')|61FF62",
        "LOWER(x'C1')|C1",
        "UPPER(x'E1')|E1",
        "LEFT(x'FF80', 1)|FF",
        "RIGHT(x'FF80', 1)|80",
        "REPEAT(x'FF', 3)|FFFFFF",
        "LPAD(x'FF', 3, x'80')|8080FF",
        "RPAD(x'FF', 3, 'a')|FF6161",
        "TRIM(x'20FF20')|FF",
        "LTRIM(x'20FF20')|FF20",
        "RTRIM(x'20FF20')|20FF",
        "REPLACE(x'FF80FF80', x'80', x'8181')|FF8181FF8181",
        "INSERT(x'FFFFFF', 2, 1, x'80')|FF80FF",
        "SUBSTRING_INDEX(x'FF2CFE2C01', ',', -2)|FE2C01",
        "SUBSTRING_INDEX(x'FF2CFE2C01', ',', 1)|FF",
        "REVERSE(x'FF80')|80FF",
        "ELT(2, 'a', x'EE')|EE",
        "MID(x'FF80', 2, 1)|80"})
    void aBinaryArgumentKeepsItsBytes(String call, String hex) throws Exception {
        try (Connection connection = connect("fn"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + call + ", HEX(" + call + ")")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo(hex);
            assertThat(HexFormat.of().withUpperCase().formatHex(rows.getBytes(1))).isEqualTo(hex);
            assertThat(rows.getMetaData().getColumnType(1)).as("a binary string, as in MySQL")
                    .isIn(Types.VARBINARY, Types.LONGVARBINARY, Types.BINARY, Types.BLOB);
        }
    }

    @Test
    void everyByteValueSurvivesTheFunctionsIntoBinaryColumns() throws Exception {
        try (Connection connection = connect("fn")) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO b (id, v, bl) VALUES (1, ?, ?)")) {
                insert.setBytes(1, ALL_BYTES);
                insert.setBytes(2, ALL_BYTES);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO b (id, v, bl) SELECT 2, CONCAT(v, x'FF'), CONCAT(bl, 'z') FROM b"
                        + " WHERE id = 1");
                statement.executeUpdate("UPDATE b SET v = REVERSE(v), bl = REPLACE(bl, x'FF', x'FEFE') WHERE id = 1");
                statement.executeUpdate("INSERT INTO b (id, v) VALUES (3, CONCAT(x'00FF80C0', UPPER(x'E1F5')))");
            }
            byte[] reversed = new byte[256];
            for (int i = 0; i < 256; i++) {
                reversed[i] = (byte) (255 - i);
            }
            byte[] replaced = new byte[257];
            System.arraycopy(ALL_BYTES, 0, replaced, 0, 255);
            replaced[255] = (byte) 0xFE;
            replaced[256] = (byte) 0xFE;
            assertThat(read(connection, "v", 1)).isEqualTo(reversed);
            assertThat(read(connection, "bl", 1)).isEqualTo(replaced);
            assertThat(read(connection, "v", 2)).isEqualTo(concat(ALL_BYTES, new byte[] {(byte) 0xFF}));
            assertThat(read(connection, "bl", 2)).isEqualTo(concat(ALL_BYTES, "z".getBytes(StandardCharsets.US_ASCII)));
            assertThat(HexFormat.of().withUpperCase().formatHex(read(connection, "v", 3))).isEqualTo("00FF80C0E1F5");
        }
    }

    @Test
    void aBinaryColumnMakesTheCallBinaryWhereverTheStatementNamesIt() throws Exception {
        try (Connection connection = connect("fn"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO b (id, v, t) VALUES (10, x'FF00', 'xy')");
            try (ResultSet rows = statement.executeQuery("SELECT HEX(CONCAT(b.v, 'q')), HEX(CONCAT(b.v, 'q')),"
                    + " HEX(CONCAT(o.v, 'q')), HEX(CONCAT(fn.b.v, 'q')), HEX(LPAD(o.v, 4, 'x')), UPPER(b.t),"
                    + " CONCAT(o.t, 'é')"
                    + " FROM b JOIN b o ON o.id = b.id WHERE b.id = 10")) {
                assertThat(rows.next()).isTrue();
                for (int i = 1; i <= 4; i++) {
                    assertThat(rows.getString(i)).isEqualTo("FF0071");
                }
                assertThat(rows.getString(5)).isEqualTo("7878FF00");
                assertThat(rows.getString(6)).as("text stays text").isEqualTo("XY");
                assertThat(rows.getString(7)).isEqualTo("xyé");
                ResultSetMetaData metadata = rows.getMetaData();
                assertThat(metadata.getColumnType(6)).isEqualTo(Types.VARCHAR);
            }
            try (ResultSet rows = statement.executeQuery("SELECT HEX(CONCAT(v, 'q')), HEX(INSERT(v, 1, 1, 'z'))"
                    + " FROM fn.b WHERE id = 10 FOR UPDATE")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("FF0071");
                assertThat(rows.getString(2)).isEqualTo("7A00");
            }
            // the same statement shape again, from the server's cache of text SELECTs with their literals as parameters
            for (int id : new int[] {10, 10}) {
                try (ResultSet rows = statement.executeQuery("SELECT HEX(REVERSE(v)) FROM b WHERE id = " + id)) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("00FF");
                }
            }
        }
    }

    @Test
    void aResultOverMaxAllowedPacketIsNullWithWarning1301() throws Exception {
        try (Connection connection = connect("fn"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT REPEAT(x'FF', 1073741824) IS NULL")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat((Object) statement.getWarnings()).isNotNull();
            assertThat(statement.getWarnings().getErrorCode()).isEqualTo(1301);
        }
    }

    private static byte[] read(Connection connection, String column, int id) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + column + " FROM b WHERE id = " + id)) {
            assertThat(rows.next()).isTrue();
            return rows.getBytes(1);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?" + OPTIONS,
                "root", "");
    }
}
