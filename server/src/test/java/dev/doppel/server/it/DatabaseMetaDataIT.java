package dev.doppel.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * DatabaseMetaData of Connector/J, once reading information_schema (useInformationSchema=true) and once through
 * SHOW statements, and of MariaDB Connector/J (getTables, getColumns), against tables with MySQL types.
 */
class DatabaseMetaDataIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?allowPublicKeyRetrieval=true&useSSL=false", "root", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE meta");
            statement.execute("CREATE TABLE meta.typed (id INT NOT NULL AUTO_INCREMENT, tiny TINYINT UNSIGNED,"
                    + " flag TINYINT(1), big BIGINT UNSIGNED, label VARCHAR(40) NOT NULL, body MEDIUMTEXT,"
                    + " price DECIMAL(9,3), ratio DOUBLE, born DATE, at DATETIME(6), kind ENUM('x','yy'), doc JSON,"
                    + " raw VARBINARY(16), PRIMARY KEY (id), UNIQUE KEY label_uk (label), KEY born_at (born, at))");
            statement.execute("CREATE TABLE meta.pair (a INT NOT NULL, b VARCHAR(8) NOT NULL, PRIMARY KEY (a, b))");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/meta?allowPublicKeyRetrieval=true"
                + "&useSSL=false" + options, "root", "");
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        List<String> result = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                result.add(rows.getString(column));
            }
        }
        return result;
    }

    /** The JDBC types Connector/J reports for these columns against MySQL 8.4. */
    private static final Map<String, Integer> CONNECTOR_J_TYPES = new LinkedHashMap<>();

    static {
        CONNECTOR_J_TYPES.put("id", Types.INTEGER);
        CONNECTOR_J_TYPES.put("tiny", Types.TINYINT);
        CONNECTOR_J_TYPES.put("flag", Types.BIT);
        CONNECTOR_J_TYPES.put("big", Types.BIGINT);
        CONNECTOR_J_TYPES.put("label", Types.VARCHAR);
        CONNECTOR_J_TYPES.put("body", Types.LONGVARCHAR);
        CONNECTOR_J_TYPES.put("price", Types.DECIMAL);
        CONNECTOR_J_TYPES.put("ratio", Types.DOUBLE);
        CONNECTOR_J_TYPES.put("born", Types.DATE);
        CONNECTOR_J_TYPES.put("at", Types.TIMESTAMP);
        CONNECTOR_J_TYPES.put("kind", Types.CHAR);
        CONNECTOR_J_TYPES.put("doc", Types.LONGVARCHAR);
        CONNECTOR_J_TYPES.put("raw", Types.VARBINARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&useInformationSchema=true", "&useInformationSchema=false"})
    void assertConnectorJMetaData(String options) throws Exception {
        try (Connection connection = connect(options)) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(strings(meta.getCatalogs(), "TABLE_CAT")).contains("meta", "information_schema", "mysql",
                    "performance_schema");
            assertThat(strings(meta.getTables("meta", null, "%", new String[] {"TABLE"}), "TABLE_NAME"))
                    .containsExactly("pair", "typed");
            Map<String, Integer> types = new LinkedHashMap<>();
            List<String> typeNames = new ArrayList<>();
            try (ResultSet columns = meta.getColumns("meta", null, "typed", "%")) {
                while (columns.next()) {
                    types.put(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE"));
                    typeNames.add(columns.getString("TYPE_NAME"));
                    if (columns.getString("COLUMN_NAME").equals("id")) {
                        assertThat(columns.getString("IS_AUTOINCREMENT")).isEqualTo("YES");
                        assertThat(columns.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
                    }
                    if (columns.getString("COLUMN_NAME").equals("label")) {
                        assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(40);
                    }
                    if (columns.getString("COLUMN_NAME").equals("price")) {
                        assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(9);
                        assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(3);
                    }
                }
            }
            assertThat(types).containsExactlyEntriesOf(CONNECTOR_J_TYPES);
            assertThat(typeNames).contains("TINYINT UNSIGNED", "BIGINT UNSIGNED", "MEDIUMTEXT", "DATETIME", "ENUM", "JSON");
            List<String> primaryKey = new ArrayList<>();
            try (ResultSet keys = meta.getPrimaryKeys("meta", null, "pair")) {
                while (keys.next()) {
                    primaryKey.add(keys.getString("COLUMN_NAME") + ":" + keys.getInt("KEY_SEQ") + ":"
                            + keys.getString("PK_NAME"));
                }
            }
            assertThat(primaryKey).containsExactly("a:1:PRIMARY", "b:2:PRIMARY");
            List<String> indexes = new ArrayList<>();
            try (ResultSet index = meta.getIndexInfo("meta", null, "typed", false, false)) {
                while (index.next()) {
                    indexes.add(index.getString("INDEX_NAME") + ":" + index.getBoolean("NON_UNIQUE") + ":"
                            + index.getInt("ORDINAL_POSITION") + ":" + index.getString("COLUMN_NAME"));
                }
            }
            assertThat(indexes).containsExactlyInAnyOrder("PRIMARY:false:1:id", "label_uk:false:1:label",
                    "born_at:true:1:born", "born_at:true:2:at");
            try (ResultSet unique = meta.getIndexInfo("meta", null, "typed", true, false)) {
                assertThat(strings(unique, "INDEX_NAME")).containsExactlyInAnyOrder("PRIMARY", "label_uk");
            }
        }
    }

    /** Hibernate asks at startup; Connector/J reads information_schema.KEYWORDS for it (1109 before). */
    @Test
    void theReservedWordsComeFromInformationSchemaKeywords() throws Exception {
        try (Connection connection = connect("")) {
            List<String> keywords = List.of(connection.getMetaData().getSQLKeywords().split(","));
            // Connector/J leaves out the words SQL:2003 reserves itself
            assertThat(keywords).contains("ACCESSIBLE", "DATABASES", "MANUAL", "QUALIFY", "ZEROFILL")
                    .doesNotContain("ACCOUNT", "SELECT", "MASTER_BIND");
        }
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT WORD, RESERVED FROM information_schema.KEYWORDS"
                        + " WHERE WORD IN ('begin', 'select', 'qualify', 'json_value') ORDER BY WORD")) {
            Map<String, Integer> found = new LinkedHashMap<>();
            while (rows.next()) {
                found.put(rows.getString(1), rows.getInt(2));
            }
            assertThat(found).containsExactly(entry("BEGIN", 0), entry("JSON_VALUE", 0), entry("QUALIFY", 1),
                    entry("SELECT", 1));
        }
    }

    @Test
    void assertMariaDbConnectorMetaData() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/meta",
                "root", "")) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(strings(meta.getTables("meta", null, "%", null), "TABLE_NAME")).containsExactly("pair", "typed");
            Map<String, Integer> types = new LinkedHashMap<>();
            Map<String, Integer> nullable = new LinkedHashMap<>();
            try (ResultSet columns = meta.getColumns("meta", null, "typed", "%")) {
                while (columns.next()) {
                    types.put(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE"));
                    nullable.put(columns.getString("COLUMN_NAME"), columns.getInt("NULLABLE"));
                }
            }
            // MariaDB Connector/J's own mapping of MySQL's DATA_TYPE values (an enum is VARCHAR to it)
            assertThat(types).contains(entry("id", Types.INTEGER), entry("tiny", Types.TINYINT),
                    entry("flag", Types.BOOLEAN), entry("big", Types.BIGINT), entry("label", Types.VARCHAR),
                    entry("body", Types.LONGVARCHAR), entry("price", Types.DECIMAL), entry("born", Types.DATE),
                    entry("at", Types.TIMESTAMP), entry("kind", Types.VARCHAR), entry("raw", Types.VARBINARY));
            assertThat(nullable).contains(entry("id", DatabaseMetaData.columnNoNulls),
                    entry("label", DatabaseMetaData.columnNoNulls), entry("body", DatabaseMetaData.columnNullable));
        }
    }
}
