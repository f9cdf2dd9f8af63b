package dev.doppel.server.it.programs;

import static dev.doppel.server.it.programs.ProgramsSql.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored procedures over Connector/J against a real server: CALL's result sets and final OK, IN, OUT and INOUT
 * parameters, the language (blocks, variables, loops, cursors, handlers, SIGNAL, GET DIAGNOSTICS), MySQL's errors,
 * the privileges (CREATE ROUTINE, ALTER ROUTINE, EXECUTE, SQL SECURITY) and the catalog surviving a restart.
 */
class StoredProceduresIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20),"
                + " price DECIMAL(8,2))", "INSERT INTO shop.items VALUES (1, 'apple', 0.50), (2, 'pear', 0.75),"
                + " (3, 'plum', 1.20)", "CREATE DATABASE vault", "CREATE TABLE vault.secret (s VARCHAR(20))",
                "INSERT INTO vault.secret VALUES ('TOPSECRET')",
                "CREATE USER caller@'%' IDENTIFIED BY 'pw'", "CREATE USER maker@'%' IDENTIFIED BY 'pw'",
                "GRANT CREATE ROUTINE, SELECT ON shop.* TO maker@'%'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aCallReturnsEveryResultSetThenItsOkAndSetsItsOutParameters() throws Exception {
        try (Connection root = connect("root", "shop"); Statement statement = root.createStatement()) {
            statement.execute("CREATE PROCEDURE report(IN lowest DECIMAL(8,2), OUT found INT, INOUT note VARCHAR(30))"
                    + " BEGIN"
                    + "   SELECT COUNT(*) INTO found FROM items WHERE price >= lowest;"
                    + "   SET note = CONCAT(note, '/', found);"
                    + "   SELECT name FROM items WHERE price >= lowest ORDER BY id;"
                    + "   SELECT found, lowest;"
                    + " END");
            statement.execute("SET @note = 'seen'");
            assertThat(statement.execute("CALL report(0.70, @found, @note)")).isTrue();
            List<List<String>> results = new ArrayList<>();
            do {
                try (ResultSet rows = statement.getResultSet()) {
                    List<String> values = new ArrayList<>();
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            values.add(rows.getMetaData().getColumnLabel(i) + "=" + rows.getString(i));
                        }
                    }
                    results.add(values);
                }
            } while (statement.getMoreResults());
            assertThat(results).containsExactly(List.of("name=pear", "name=plum"), List.of("found=2", "lowest=0.70"));
            assertThat(statement.getUpdateCount()).as("the CALL's own OK ends the results").isEqualTo(0);
            assertThat(row(statement, "SELECT @found, @note")).containsExactly("2", "seen/2");
        }
    }

    @Test
    void aCallableStatementGetsItsOutParameters() throws Exception {
        server.executeAsRoot("CREATE PROCEDURE shop.price_of(IN item VARCHAR(20), OUT cost DECIMAL(8,2), INOUT tally INT)"
                + " BEGIN SELECT price INTO cost FROM shop.items WHERE name = item; SET tally = tally + 1; END");
        try (Connection root = connect("root", "shop");
             java.sql.CallableStatement call = root.prepareCall("{call price_of(?, ?, ?)}")) {
            call.setString(1, "pear");
            call.registerOutParameter(2, java.sql.Types.DECIMAL);
            call.setInt(3, 41);
            call.registerOutParameter(3, java.sql.Types.INTEGER);
            call.execute();
            assertThat(call.getBigDecimal(2)).isEqualByComparingTo("0.75");
            assertThat(call.getInt(3)).isEqualTo(42);
        }
    }

    @Test
    void theLanguageRunsAsMySqlsDoes() throws Exception {
        try (Connection root = connect("root", "shop"); Statement statement = root.createStatement()) {
            statement.execute("CREATE PROCEDURE walk(OUT names VARCHAR(100), OUT odd INT)"
                    + " BEGIN"
                    + "   DECLARE done INT DEFAULT FALSE;"
                    + "   DECLARE n VARCHAR(20);"
                    + "   DECLARE i INT DEFAULT 0;"
                    + "   DECLARE c CURSOR FOR SELECT name FROM items ORDER BY id;"
                    + "   DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;"
                    + "   SET names = '', odd = 0;"
                    + "   OPEN c;"
                    + "   reading: LOOP"
                    + "     FETCH c INTO n;"
                    + "     IF done THEN LEAVE reading; END IF;"
                    + "     SET names = CONCAT(names, n, ';');"
                    + "   END LOOP;"
                    + "   CLOSE c;"
                    + "   counting: WHILE i < 10 DO"
                    + "     SET i = i + 1;"
                    + "     IF i MOD 2 = 0 THEN ITERATE counting; END IF;"
                    + "     SET odd = odd + 1;"
                    + "   END WHILE counting;"
                    + " END");
            statement.execute("CALL walk(@names, @odd)");
            assertThat(row(statement, "SELECT @names, @odd")).containsExactly("apple;pear;plum;", "5");

            statement.execute("CREATE PROCEDURE guarded(id INT, OUT outcome VARCHAR(60))"
                    + " BEGIN"
                    + "   DECLARE EXIT HANDLER FOR 1062"
                    + "   BEGIN"
                    + "     GET DIAGNOSTICS CONDITION 1 @state = RETURNED_SQLSTATE, @errno = MYSQL_ERRNO;"
                    + "     SET outcome = CONCAT('duplicate ', @state, ' ', @errno);"
                    + "   END;"
                    + "   INSERT INTO items VALUES (id, 'new', 1.00);"
                    + "   SET outcome = 'inserted';"
                    + " END");
            statement.execute("CALL guarded(9, @outcome)");
            assertThat(row(statement, "SELECT @outcome")).containsExactly("inserted");
            statement.execute("CALL guarded(9, @outcome)");
            assertThat(row(statement, "SELECT @outcome")).containsExactly("duplicate 23000 1062");
            statement.execute("DELETE FROM items WHERE id = 9");

            statement.execute("CREATE PROCEDURE checked(x INT)"
                    + " BEGIN"
                    + "   IF x < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative', MYSQL_ERRNO = 3100; END IF;"
                    + "   CASE x WHEN 0 THEN SET @case = 'zero'; WHEN 1 THEN SET @case = 'one'; END CASE;"
                    + " END");
            statement.execute("CALL checked(1)");
            assertThat(row(statement, "SELECT @case")).containsExactly("one");
            assertError(statement, "CALL checked(-1)", 3100, "45000", "negative");
            assertError(statement, "SIGNAL SQLSTATE '45001' SET MESSAGE_TEXT = 'at top level'", 1644, "45001",
                    "at top level");
            statement.execute("SELECT 1 / 0");
            statement.execute("GET DIAGNOSTICS @count = NUMBER");
            statement.execute("GET DIAGNOSTICS CONDITION 1 @errno = MYSQL_ERRNO");
            assertThat(row(statement, "SELECT @count, @errno")).containsExactly("1", "1365");
            assertError(statement, "CALL checked(5)", 1339, "20000", "Case not found for CASE statement");
        }
    }

    @Test
    void preparedStatementsOfSqlRunAtTopLevelAndInsideProcedures() throws Exception {
        try (Connection root = connect("root", "shop"); Statement statement = root.createStatement()) {
            statement.execute("PREPARE cheaper FROM 'SELECT name FROM items WHERE price < ? ORDER BY id'");
            statement.execute("SET @limit = 0.8");
            assertThat(row(statement, "EXECUTE cheaper USING @limit")).containsExactly("apple");
            assertError(statement, "EXECUTE cheaper", 1210, "HY000", "Incorrect arguments to EXECUTE");
            statement.execute("DEALLOCATE PREPARE cheaper");
            assertError(statement, "EXECUTE cheaper USING @limit", 1243, "HY000",
                    "Unknown prepared statement handler (cheaper) given to EXECUTE");
            assertError(statement, "PREPARE broken FROM 'SELEC 1'", 1064, "42000", "You have an error in your SQL"
                    + " syntax; check the manual that corresponds to your MySQL server version for the right syntax to"
                    + " use near 'SELEC 1' at line 1");
            statement.execute("CREATE PROCEDURE count_of(tab VARCHAR(20)) BEGIN"
                    + " SET @text = CONCAT('SELECT COUNT(*) FROM ', tab); PREPARE counting FROM @text;"
                    + " EXECUTE counting; DEALLOCATE PREPARE counting; END");
            assertThat(row(statement, "CALL count_of('items')")).containsExactly("3");
        }
    }

    @Test
    void badDefinitionsAndCallsGetMySqlsErrors() throws Exception {
        try (Connection root = connect("root", "shop"); Statement statement = root.createStatement()) {
            statement.execute("CREATE PROCEDURE one(a INT) SELECT a");
            assertError(statement, "CREATE PROCEDURE one(a INT) SELECT a", 1304, "42000", "PROCEDURE one already exists");
            statement.execute("CREATE PROCEDURE IF NOT EXISTS one(a INT) SELECT a");
            assertThat(row(statement, "SHOW WARNINGS")).containsExactly("Note", "1304", "PROCEDURE one already exists");
            assertError(statement, "CALL one()", 1318, "42000",
                    "Incorrect number of arguments for PROCEDURE shop.one; expected 1, got 0");
            assertError(statement, "CALL nothing()", 1305, "42000", "PROCEDURE shop.nothing does not exist");
            assertError(statement, "DROP PROCEDURE nothing", 1305, "42000", "PROCEDURE shop.nothing does not exist");
            assertError(statement, "CREATE PROCEDURE r() RETURN 1", 1313, "42000", "RETURN is only allowed in a FUNCTION");
            assertError(statement, "CREATE PROCEDURE l() BEGIN x: LOOP LEAVE y; END LOOP x; END", 1308, "42000",
                    "LEAVE with no matching label: y");
            assertError(statement, "CREATE PROCEDURE d() BEGIN DECLARE a INT; DECLARE a INT; END", 1331, "42000",
                    "Duplicate variable: a");
            assertError(statement, "CREATE PROCEDURE h() BEGIN DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;"
                    + " DECLARE a INT; END", 1337, "42000",
                    "Variable or condition declaration after cursor or handler declaration");
            statement.execute("CREATE PROCEDURE outs(OUT a INT) SET a = 1");
            assertError(statement, "CALL outs(5)", 1414, "42000", "OUT or INOUT argument 1 for routine shop.outs is not"
                    + " a variable or NEW pseudo-variable in BEFORE trigger");
            statement.execute("CREATE PROCEDURE fetches() BEGIN DECLARE a INT; DECLARE c CURSOR FOR SELECT id FROM items"
                    + " WHERE id < 0; OPEN c; FETCH c INTO a; END");
            assertError(statement, "CALL fetches()", 1329, "02000", "No data - zero rows fetched, selected, or processed");
            statement.execute("CREATE PROCEDURE again(n INT) BEGIN IF n > 0 THEN CALL again(n - 1); END IF; END");
            assertError(statement, "CALL again(1)", 1456, "HY000", "Recursive limit 0 (as set by the"
                    + " max_sp_recursion_depth variable) was exceeded for routine again");
            statement.execute("SET max_sp_recursion_depth = 3");
            statement.execute("CALL again(3)");
            assertError(statement, "SELECT * FROM mysql.routines", 3554, "HY000",
                    "Access to data dictionary table 'mysql.routines' is rejected.");
        }
    }

    @Test
    void privilegesDecideWhoCreatesDropsAndCallsAndWhoseRightsTheBodyUses() throws Exception {
        server.executeAsRoot("CREATE PROCEDURE vault.whoami(OUT who VARCHAR(100)) SET who = CURRENT_USER()",
                "CREATE PROCEDURE vault.peek(OUT s VARCHAR(20)) SELECT MAX(secret.s) INTO s FROM vault.secret",
                "CREATE PROCEDURE vault.peek_as_caller(OUT s VARCHAR(20)) SQL SECURITY INVOKER"
                        + " SELECT MAX(secret.s) INTO s FROM vault.secret");
        try (Connection caller = connect("caller", null); Statement statement = caller.createStatement()) {
            assertError(statement, "CALL vault.peek(@s)", 1370, "42000",
                    "execute command denied to user 'caller'@'localhost' for routine 'vault.peek'");
        }
        server.executeAsRoot("GRANT EXECUTE ON vault.* TO caller@'%'");
        try (Connection caller = connect("caller", null); Statement statement = caller.createStatement()) {
            statement.execute("CALL vault.peek(@s)");
            assertThat(row(statement, "SELECT @s")).as("SQL SECURITY DEFINER: root's rights").containsExactly("TOPSECRET");
            statement.execute("CALL vault.whoami(@who)");
            assertThat(row(statement, "SELECT @who, CURRENT_USER()")).containsExactly("root@localhost", "caller@%");
            assertError(statement, "CALL vault.peek_as_caller(@s)", 1142, "42000",
                    "SELECT command denied to user 'caller'@'localhost' for table 'secret'");
            assertError(statement, "DROP PROCEDURE vault.peek", 1370, "42000",
                    "alter routine command denied to user 'caller'@'localhost' for routine 'vault.peek'");
            assertError(statement, "CREATE PROCEDURE vault.mine() SELECT 1", 1044, "42000",
                    "Access denied for user 'caller'@'localhost' to database 'vault'");
        }
        try (Connection maker = connect("maker", "shop"); Statement statement = maker.createStatement()) {
            assertError(statement, "CREATE DEFINER = root@localhost PROCEDURE as_root() SELECT 1", 1227, "42000",
                    "Access denied; you need (at least one of) the SUPER or SET_ANY_DEFINER privilege(s) for this"
                            + " operation");
            statement.execute("CREATE PROCEDURE cheap() SELECT name FROM items WHERE price < 0.6");
        }
        server.executeAsRoot("GRANT EXECUTE ON shop.* TO caller@'%'");
        try (Connection caller = connect("caller", "shop"); Statement statement = caller.createStatement()) {
            assertThat(row(statement, "CALL cheap()")).as("maker's SELECT on shop, not the caller's")
                    .containsExactly("apple");
        }
    }

    @Test
    void routineGrantsAndTheCreatorsAutomaticPrivileges() throws Exception {
        server.executeAsRoot("CREATE USER creator@'%' IDENTIFIED BY 'pw'", "GRANT CREATE ROUTINE ON shop.* TO creator@'%'",
                "CREATE USER runner@'%' IDENTIFIED BY 'pw'",
                "CREATE PROCEDURE vault.stamp(OUT s VARCHAR(20)) SET s = 'stamped'");
        try (Connection creator = connect("creator", "shop"); Statement statement = creator.createStatement()) {
            statement.execute("CREATE PROCEDURE mine(OUT s VARCHAR(10)) SET s = 'mine'");
            statement.execute("CALL mine(@s)");
            assertThat(row(statement, "SELECT @s")).containsExactly("mine");
            List<String> grants = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
                while (rows.next()) {
                    grants.add(rows.getString(1));
                }
            }
            assertThat(grants).contains("GRANT EXECUTE, ALTER ROUTINE ON PROCEDURE `shop`.`mine` TO `creator`@`%`");
            statement.execute("DROP PROCEDURE mine");
        }
        try (Connection root = connect("root", null); Statement statement = root.createStatement()) {
            assertError(statement, "GRANT SELECT ON PROCEDURE vault.stamp TO runner@'%'", 1144, "42000",
                    "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used");
            assertError(statement, "GRANT EXECUTE ON PROCEDURE vault.nothing TO runner@'%'", 1305, "42000",
                    "PROCEDURE vault.nothing does not exist");
            statement.execute("GRANT EXECUTE ON PROCEDURE vault.stamp TO runner@'%'");
        }
        try (Connection runner = connect("runner", null); Statement statement = runner.createStatement()) {
            statement.execute("CALL vault.stamp(@s)");
            assertThat(row(statement, "SELECT @s")).containsExactly("stamped");
            assertError(statement, "CALL vault.peek(@s)", 1370, "42000",
                    "execute command denied to user 'runner'@'localhost' for routine 'vault.peek'");
        }
        server.executeAsRoot("REVOKE EXECUTE ON PROCEDURE vault.stamp FROM runner@'%'");
        try (Connection runner = connect("runner", null); Statement statement = runner.createStatement()) {
            assertError(statement, "CALL vault.stamp(@s)", 1370, "42000",
                    "execute command denied to user 'runner'@'localhost' for routine 'vault.stamp'");
        }
    }

    @Test
    void proceduresSurviveARestartAndGoWithTheirDatabase() throws Exception {
        server.executeAsRoot("CREATE DATABASE kept", "CREATE PROCEDURE kept.hello(OUT s VARCHAR(10)) SET s = 'hello'");
        server.stop();
        server = DoppelProcess.startInitialized(home);
        try (Connection root = connect("root", "kept"); Statement statement = root.createStatement()) {
            statement.execute("CALL hello(@s)");
            assertThat(row(statement, "SELECT @s")).containsExactly("hello");
            assertThat(row(statement, "SHOW CREATE PROCEDURE hello").get(2))
                    .isEqualTo("CREATE DEFINER=`root`@`localhost` PROCEDURE `hello`(OUT s VARCHAR(10))\nSET s = 'hello'");
            statement.execute("DROP DATABASE kept");
            statement.execute("CREATE DATABASE kept");
            assertError(statement, "CALL kept.hello(@s)", 1305, "42000", "PROCEDURE kept.hello does not exist");
        }
    }

    private static List<String> row(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getString(i));
            }
            return values;
        }
    }

    private static Connection connect(String user, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/"
                + (database == null ? "" : database) + "?" + OPTIONS, user, user.equals("root") ? "" : "pw");
    }
}
