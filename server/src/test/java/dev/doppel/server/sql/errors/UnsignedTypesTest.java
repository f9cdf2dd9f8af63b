package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.translate.EngineSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UnsignedTypesTest {
    private static final String URL = "jdbc:h2:mem:unsigned_types;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    private static Connection connection;
    private static UnsignedColumns previous;

    private static String rewrite(String sql) {
        return EngineSql.rewrite(sql, Lexer.tokenize(sql), null);
    }

    @BeforeAll
    static void engine() throws SQLException {
        connection = DriverManager.getConnection(URL);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA mysql");
            for (UnsignedType each : UnsignedType.values()) {
                statement.execute(each.createDomainStatement());
            }
            statement.execute("CREATE SCHEMA db");
            statement.execute(rewrite("CREATE TABLE db.t (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " a TINYINT UNSIGNED, b TINYINT UNSIGNED, s SMALLINT, big BIGINT UNSIGNED)"));
        }
        previous = UnsignedColumns.current();
        UnsignedColumns.install(new UnsignedColumns(() -> DriverManager.getConnection(URL)));
    }

    @AfterAll
    static void close() throws SQLException {
        UnsignedColumns.install(previous);
        connection.close();
    }

    @Test
    void unsignedDeclarationsBecomeDomains() {
        assertEquals("CREATE TABLE t (a mysql.doppel_tinyint_unsigned NOT NULL, b mysql.doppel_int_unsigned,"
                        + " c mysql.doppel_bigint_unsigned, d mysql.doppel_mediumint_unsigned)",
                rewrite("CREATE TABLE t (a TINYINT(3) UNSIGNED NOT NULL, b INT ZEROFILL, c bigint unsigned zerofill,"
                        + " d MEDIUMINT UNSIGNED)"));
        assertEquals("ALTER TABLE t MODIFY a mysql.doppel_smallint_unsigned",
                rewrite("ALTER TABLE t MODIFY a SMALLINT UNSIGNED"));
    }

    @Test
    void signedTypesAndOtherStatementsStay() {
        assertEquals("CREATE TABLE t (a INTEGER NOT NULL, b INT SIGNED, c DECIMAL(5,2))",
                rewrite("CREATE TABLE t (a INTEGER NOT NULL, b INT SIGNED, c DECIMAL(5,2) UNSIGNED)"));
        assertEquals("CREATE TABLE t (a FLOAT, b DOUBLE PRECISION, c FLOAT(10), d DECIMAL(6,2))",
                rewrite("CREATE TABLE t (a FLOAT(7,2), b DOUBLE PRECISION(10,3) UNSIGNED, c FLOAT(10), d DECIMAL(6,2) ZEROFILL)"));
        assertEquals("SELECT CAST(x AS UNSIGNED), int FROM t", rewrite("SELECT CAST(x AS UNSIGNED), int FROM t"));
    }

    @Test
    void resultMetadataFindsTheColumns() {
        UnsignedColumns columns = UnsignedColumns.current();
        assertEquals(UnsignedType.INT, columns.type("db", "t", "id"));
        assertEquals(UnsignedType.BIGINT, columns.type("db", "t", "big"));
        assertNull(columns.type("db", "t", "s"));
        assertNull(columns.type("db", "other", "id"));
    }

    @Test
    void checkViolationsNameTheColumnAndRow() {
        String check = "Check constraint violation: \"(VALUE BETWEEN 0 AND 255)\"; SQL statement:";
        assertError("Out of range value for column 'b' at row 2",
                UnsignedRangeError.of(check, "INSERT INTO t (a, b) VALUES (1, 2), (3, 256)", "db"));
        assertError("Out of range value for column 'a' at row 1",
                UnsignedRangeError.of(check, "INSERT INTO db.t VALUES (1, -1, 0, 0, 0)", null));
        assertError("Out of range value for column 'b' at row 1",
                UnsignedRangeError.of(check, "UPDATE t SET b = b + 300 WHERE id = 1", "db"));
        assertError("Out of range value for column 'a' at row 1",
                UnsignedRangeError.of(check, "ALTER TABLE t MODIFY COLUMN a TINYINT UNSIGNED", "db"));
        assertNull(UnsignedRangeError.of("Check constraint violation: \"(x > 1)\"", "INSERT INTO t VALUES (0)", "db"));
    }

    private static void assertError(String message, MySqlException error) {
        assertEquals(1264, error.number());
        assertEquals("22003", error.sqlState());
        assertEquals(message, error.getMessage());
    }
}
