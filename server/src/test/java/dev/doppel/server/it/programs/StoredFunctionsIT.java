package dev.doppel.server.it.programs;

import static dev.doppel.server.it.programs.ProgramsSql.assertError;
import static dev.doppel.server.it.programs.ProgramsSql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored functions in statements (select list, WHERE, UPDATE), their writes as part of the calling statement, their
 * errors and privileges; and definitions sent the way the mysql client sends them after DELIMITER, and through
 * MariaDB Connector/J.
 */
class StoredFunctionsIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20),"
                + " price DECIMAL(8,2))", "INSERT INTO shop.items VALUES (1, 'apple', 0.50), (2, 'pear', 0.75),"
                + " (3, 'plum', NULL)", "CREATE TABLE shop.log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(40))",
                "CREATE USER caller@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON shop.items TO caller@'%'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void functionsWorkWhereverAnExpressionDoes() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("CREATE FUNCTION plus_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1");
            statement.execute("CREATE FUNCTION tag(x INT, s VARCHAR(10)) RETURNS VARCHAR(30) DETERMINISTIC"
                    + " BEGIN DECLARE r VARCHAR(30);"
                    + "   IF x > 1 THEN SET r = CONCAT('big-', s); ELSE SET r = CONCAT('small-', s); END IF;"
                    + "   RETURN r; END");
            statement.execute("CREATE FUNCTION taxed(p DECIMAL(8,2)) RETURNS DECIMAL(10,3) DETERMINISTIC RETURN p * 1.1");
            statement.execute("CREATE FUNCTION item_count() RETURNS INT READS SQL DATA"
                    + " BEGIN DECLARE n INT; SELECT COUNT(*) INTO n FROM items; RETURN n; END");
            assertThat(rows(statement, "SELECT plus_one(id), shop.plus_one(41), tag(id, name), taxed(price) FROM items"
                    + " ORDER BY id")).containsExactly("2|42|small-apple|0.550", "3|42|big-pear|0.825",
                    "4|42|big-plum|null");
            assertThat(rows(statement, "SELECT name FROM items WHERE plus_one(id) = 3")).containsExactly("pear");
            assertThat(rows(statement, "SELECT item_count()")).containsExactly("3");
            statement.execute("UPDATE items SET name = tag(id, name) WHERE id = 1");
            assertThat(rows(statement, "SELECT name FROM items WHERE id = 1")).containsExactly("small-apple");
            statement.execute("UPDATE items SET name = 'apple' WHERE id = 1");
        }
    }

    @Test
    void whatAFunctionWritesBelongsToTheStatementThatCalledIt() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            statement.execute("CREATE FUNCTION note(m VARCHAR(40)) RETURNS INT MODIFIES SQL DATA"
                    + " BEGIN INSERT INTO log (msg) VALUES (m); RETURN LAST_INSERT_ID(); END");
            statement.execute("CREATE FUNCTION refuse(x INT) RETURNS INT DETERMINISTIC"
                    + " BEGIN IF x = 3 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'three'; END IF; RETURN x; END");
            assertThat(rows(statement, "SELECT note('one') > 0")).containsExactly("1");
            assertError(statement, "UPDATE items SET price = note(name) + refuse(id)", 1644, "45000", "three");
            assertThat(rows(statement, "SELECT msg FROM log ORDER BY id")).as("the failed UPDATE's notes are undone")
                    .containsExactly("one");
            assertThat(rows(statement, "SELECT price FROM items ORDER BY id")).containsExactly("0.50", "0.75", "null");
            assertError(statement, "SELECT note(name) + refuse(id) FROM items ORDER BY id", 1644, "45000", "three");
            assertThat(rows(statement, "SELECT msg FROM log ORDER BY id")).as("nor does a failed query's")
                    .containsExactly("one");
            statement.execute("CREATE FUNCTION counted() RETURNS INT BEGIN SET @calls = IFNULL(@calls, 0) + 1;"
                    + " RETURN @calls; END");
            assertThat(rows(statement, "SELECT counted() + counted()")).containsExactly("3");
            statement.execute("CREATE PROCEDURE commits() BEGIN INSERT INTO log (msg) VALUES ('x'); COMMIT; END");
            statement.execute("CREATE FUNCTION calls_commit() RETURNS INT MODIFIES SQL DATA BEGIN CALL commits();"
                    + " RETURN 1; END");
            assertError(statement, "SELECT calls_commit()", 1422, "HY000",
                    "Explicit or implicit commit is not allowed in stored function or trigger.");
            assertThat(rows(statement, "SELECT msg FROM log ORDER BY id")).containsExactly("one");
            root.setAutoCommit(false);
            statement.executeQuery("SELECT note('two')").close();
            root.rollback();
            root.setAutoCommit(true);
            assertThat(rows(statement, "SELECT msg FROM log ORDER BY id")).containsExactly("one");
        }
    }

    @Test
    void badFunctionsGetMySqlsErrors() throws Exception {
        try (Connection root = connect("root"); Statement statement = root.createStatement()) {
            assertError(statement, "CREATE FUNCTION rows_out() RETURNS INT BEGIN SELECT 1; RETURN 1; END", 1415, "0A000",
                    "Not allowed to return a result set from a function");
            assertError(statement, "CREATE FUNCTION commits() RETURNS INT BEGIN COMMIT; RETURN 1; END", 1422, "HY000",
                    "Explicit or implicit commit is not allowed in stored function or trigger.");
            assertError(statement, "CREATE FUNCTION silent() RETURNS INT BEGIN SET @a = 1; END", 1320, "42000",
                    "No RETURN found in FUNCTION shop.silent");
            statement.execute("CREATE FUNCTION sometimes(x INT) RETURNS INT BEGIN IF x > 0 THEN RETURN 1; END IF; END");
            assertError(statement, "SELECT sometimes(0)", 1321, "2F005", "FUNCTION sometimes ended without RETURN");
            statement.execute("CREATE FUNCTION deep(x INT) RETURNS INT BEGIN IF x > 0 THEN RETURN deep(x - 1); END IF;"
                    + " RETURN 0; END");
            assertError(statement, "SELECT deep(2)", 1424, "HY000", "Recursive stored functions and triggers are not allowed.");
            assertError(statement, "SELECT sometimes(1, 2)", 1318, "42000",
                    "Incorrect number of arguments for FUNCTION shop.sometimes; expected 1, got 2");
            assertError(statement, "SELECT nowhere(1)", 1305, "42000", "FUNCTION shop.nowhere does not exist");
        }
        try (Connection caller = connect("caller"); Statement statement = caller.createStatement()) {
            assertError(statement, "SELECT sometimes(1)", 1370, "42000",
                    "execute command denied to user 'caller'@'localhost' for routine 'shop.sometimes'");
        }
    }

    @Test
    void theMysqlClientSendsDefinitionsAfterDelimiter() throws Exception {
        String script = """
                USE shop;
                DELIMITER //
                CREATE PROCEDURE squares(n INT)
                BEGIN
                  DECLARE i INT DEFAULT 1;
                  DECLARE acc VARCHAR(100) DEFAULT '';
                  WHILE i <= n DO
                    SET acc = CONCAT(acc, i * i, ' ');
                    SET i = i + 1;
                  END WHILE;
                  SELECT acc;
                END //
                DELIMITER ;
                CALL squares(4);
                """;
        MysqlCli.Result result = MysqlCli.run(script, "-h127.0.0.1", "-P" + server.port(), "-uroot", "--batch");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("acc\n1 4 9 16 \n");
    }

    @Test
    void mariaDbConnectorJCallsThem() throws Exception {
        server.executeAsRoot("CREATE PROCEDURE shop.names() SELECT name FROM shop.items ORDER BY id");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port()
                + "/shop", "root", ""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "CALL names()")).containsExactly("apple", "pear", "plum");
            statement.execute("CREATE FUNCTION half(x INT) RETURNS DECIMAL(6,1) DETERMINISTIC RETURN x / 2");
            assertThat(rows(statement, "SELECT half(3)")).containsExactly("1.5");
            statement.execute("CREATE PROCEDURE bump(IN step INT, OUT total INT, INOUT note VARCHAR(20))"
                    + " BEGIN SELECT COUNT(*) + step INTO total FROM items; SET note = CONCAT(note, '+'); END");
            // a server-side prepared CALL: the OUT values come in the SERVER_PS_OUT_PARAMS result set
            try (java.sql.CallableStatement call = connection.prepareCall("{call bump(?, ?, ?)}")) {
                call.setInt(1, 10);
                call.registerOutParameter(2, java.sql.Types.INTEGER);
                call.setString(3, "n");
                call.registerOutParameter(3, java.sql.Types.VARCHAR);
                call.execute();
                assertThat(call.getInt(2)).isEqualTo(13);
                assertThat(call.getString(3)).isEqualTo("n+");
            }
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/shop?" + OPTIONS, user,
                user.equals("root") ? "" : "pw");
    }
}
