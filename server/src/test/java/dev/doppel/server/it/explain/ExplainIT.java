package dev.doppel.server.it.explain;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXPLAIN answers with MySQL's table, built from the engine's plan; the engine's own plan text never leaves. */
class ExplainIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        server.executeAsRoot("CREATE DATABASE shop");
        try (Connection root = connect("root", ""); Statement statement = root.createStatement()) {
            statement.execute("CREATE TABLE shop.customers (id INT PRIMARY KEY, region INT NOT NULL,"
                    + " email VARCHAR(40), name CHAR(10), KEY by_region (region), UNIQUE KEY by_email (email))");
            statement.execute("CREATE TABLE shop.orders (id BIGINT PRIMARY KEY AUTO_INCREMENT, customer_id INT,"
                    + " note TEXT, KEY (customer_id))");
            statement.execute("INSERT INTO shop.customers VALUES (1, 1, 'a@x', 'ann'), (2, 2, 'b@x', 'bob'),"
                    + " (3, 2, 'c@x', 'cy')");
            statement.execute("INSERT INTO shop.orders (customer_id, note) VALUES (1, 'n'), (2, 'm')");
            statement.execute("CREATE USER 'outsider'@'%' IDENTIFIED BY 'pw'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect(String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(server.url("mysql",
                "sslMode=DISABLED&allowPublicKeyRetrieval=true"), user, password);
        if (user.equals("root")) {
            connection.setCatalog("shop");
        }
        return connection;
    }

    private static List<List<String>> explain(String statement) throws SQLException {
        try (Connection connection = connect("root", ""); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("EXPLAIN " + statement)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            assertThat(names).containsExactly("id", "select_type", "table", "partitions", "type", "possible_keys",
                    "key", "key_len", "ref", "rows", "filtered", "Extra");
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** The columns that describe the access: table, type, key, key_len, ref, Extra. */
    private static List<String> access(List<String> row) {
        return List.of(String.valueOf(row.get(2)), String.valueOf(row.get(4)), String.valueOf(row.get(6)),
                String.valueOf(row.get(7)), String.valueOf(row.get(8)), String.valueOf(row.get(11)));
    }

    @Test
    void lookupsByKeyNameMySqlsKeysAndLengths() throws Exception {
        assertThat(access(explain("SELECT * FROM customers WHERE id = 2").get(0)))
                .containsExactly("customers", "const", "PRIMARY", "4", "const", "null");
        assertThat(access(explain("SELECT * FROM customers WHERE region = 2").get(0)))
                .containsExactly("customers", "ref", "by_region", "4", "const", "null");
        assertThat(access(explain("SELECT * FROM customers WHERE email = 'b@x'").get(0)))
                .containsExactly("customers", "const", "by_email", "163", "const", "null");
        assertThat(access(explain("SELECT * FROM customers WHERE id > 1").get(0)))
                .containsExactly("customers", "range", "PRIMARY", "4", "null", "Using where");
        assertThat(access(explain("SELECT * FROM customers WHERE name = 'bob'").get(0)))
                .containsExactly("customers", "ALL", "null", "null", "null", "Using where");
        assertThat(access(explain("SELECT 1").get(0))).containsExactly("null", "null", "null", "null", "null",
                "No tables used");
    }

    @Test
    void joinsUnionsDerivedTablesAndChanges() throws Exception {
        List<List<String>> join = explain("SELECT o.note FROM orders o JOIN customers c ON c.id = o.customer_id");
        assertThat(join).hasSize(2);
        assertThat(access(join.get(0))).containsExactly("o", "ALL", "null", "null", "null", "null");
        assertThat(access(join.get(1))).containsExactly("c", "eq_ref", "PRIMARY", "4", "shop.o.customer_id", "null");
        List<List<String>> union = explain("SELECT id FROM customers UNION SELECT customer_id FROM orders");
        assertThat(union).extracting(row -> row.get(1)).containsExactly("PRIMARY", "UNION", "UNION RESULT");
        assertThat(union.get(2).get(2)).isEqualTo("<union1,2>");
        List<List<String>> derived = explain("SELECT * FROM (SELECT region, COUNT(*) n FROM customers GROUP BY region)"
                + " d");
        assertThat(derived).extracting(row -> row.get(1)).containsExactly("PRIMARY", "DERIVED");
        assertThat(derived.get(0).get(2)).isEqualTo("<derived2>");
        assertThat(explain("UPDATE customers SET region = 3 WHERE id = 1").get(0).get(1)).isEqualTo("UPDATE");
        assertThat(explain("DELETE FROM orders WHERE customer_id = 2").get(0).get(1)).isEqualTo("DELETE");
        assertThat(explain("INSERT INTO orders (customer_id) VALUES (3)").get(0).get(1)).isEqualTo("INSERT");
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            rows.next();
            assertThat(rows.getInt(1)).as("EXPLAIN runs nothing").isEqualTo(2);
        }
    }

    @Test
    void noEngineNamesLeave() throws Exception {
        for (String statement : List.of("SELECT * FROM customers WHERE id = 2",
                "SELECT o.note FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region = 2",
                "SELECT region, COUNT(*) FROM customers GROUP BY region ORDER BY 2")) {
            for (List<String> row : explain(statement)) {
                assertThat(String.join("|", row.stream().map(String::valueOf).toList()))
                        .doesNotContain("PRIMARY_KEY").doesNotContain("\"").doesNotContain("INDEX_")
                        .doesNotContain("/*");
            }
        }
    }

    @Test
    void errorsAndPrivileges() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("EXPLAIN FORMAT=BOGUS SELECT 1"))
                    .hasMessage("Unknown EXPLAIN format name: 'BOGUS'");
            assertThatThrownBy(() -> statement.executeQuery("EXPLAIN FORMAT=JSON SELECT 1"))
                    .hasMessage("This version of MySQL doesn't yet support 'EXPLAIN FORMAT=JSON'");
            assertThatThrownBy(() -> statement.executeQuery("EXPLAIN SELECT * FROM nowhere"))
                    .hasMessage("Table 'shop.nowhere' doesn't exist");
            // still DESCRIBE for a table name
            try (ResultSet rows = statement.executeQuery("EXPLAIN customers")) {
                assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("Field");
            }
        }
        try (Connection outsider = connect("outsider", "pw"); Statement statement = outsider.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("EXPLAIN SELECT * FROM shop.customers"))
                    .hasMessageContaining("SELECT command denied to user 'outsider'");
        }
    }
}
