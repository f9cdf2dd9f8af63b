package dev.doppel.server.it;

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
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog as MySQL 8.4 shows it, through Connector/J and the mysql CLI: SHOW CREATE TABLE/DATABASE,
 * SHOW COLUMNS/INDEX/TABLE STATUS/FULL TABLES/ENGINES, DESCRIBE, the ENGINE option, declared types across
 * ALTER/RENAME/DROP, and the information_schema tables in MySQL's shapes.
 */
class CatalogIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = connect("root", "", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE cat");
            statement.execute("CREATE DATABASE hidden");
            statement.execute("CREATE TABLE hidden.secret (id INT PRIMARY KEY)");
            statement.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'r-pass'");
            statement.execute("GRANT SELECT ON cat.* TO 'reader'@'%'");
            statement.execute("CREATE TABLE hidden.granted (id INT PRIMARY KEY)");
            statement.execute("CREATE USER 'one'@'%' IDENTIFIED BY 'o-pass'");
            statement.execute("GRANT SELECT ON hidden.granted TO 'one'@'%'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Connection connect(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/" + database
                + "?allowPublicKeyRetrieval=true&useSSL=false", user, password);
    }

    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    private static List<String> labels(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> result = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                result.add(meta.getColumnLabel(i));
            }
            return result;
        }
    }

    private static String showCreate(Statement statement, String table) throws SQLException {
        return rows(statement, "SHOW CREATE TABLE " + table).get(0).get(1);
    }

    @Test
    void assertShowCreateTableInMySqlFormat() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE shapes (id INT NOT NULL AUTO_INCREMENT, tiny TINYINT UNSIGNED,"
                    + " flag BOOLEAN NOT NULL DEFAULT TRUE, big BIGINT UNSIGNED NOT NULL DEFAULT 0, body MEDIUMTEXT,"
                    + " kind ENUM('a','b') DEFAULT 'a', doc JSON, at DATETIME(6), name VARCHAR(20) COMMENT 'the name',"
                    + " price DECIMAL(10,2) NOT NULL DEFAULT 1.5, changed TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP"
                    + " ON UPDATE CURRENT_TIMESTAMP, code CHAR(3), PRIMARY KEY (id), UNIQUE KEY name_uk (name),"
                    + " KEY price_at (price, at), KEY (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='shapes'");
            statement.execute("INSERT INTO shapes (name) VALUES ('one'), ('two')");
            assertThat(showCreate(statement, "shapes")).isEqualTo("""
                    CREATE TABLE `shapes` (
                      `id` int NOT NULL AUTO_INCREMENT,
                      `tiny` tinyint unsigned DEFAULT NULL,
                      `flag` tinyint(1) NOT NULL DEFAULT '1',
                      `big` bigint unsigned NOT NULL DEFAULT '0',
                      `body` mediumtext,
                      `kind` enum('a','b') DEFAULT 'a',
                      `doc` json,
                      `at` datetime(6) DEFAULT NULL,
                      `name` varchar(20) DEFAULT NULL COMMENT 'the name',
                      `price` decimal(10,2) NOT NULL DEFAULT '1.50',
                      `changed` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                      `code` char(3) DEFAULT NULL,
                      PRIMARY KEY (`id`),
                      UNIQUE KEY `name_uk` (`name`),
                      KEY `price_at` (`price`,`at`),
                      KEY `code` (`code`)
                    ) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='shapes'""");
            assertThat(rows(statement, "SHOW CREATE TABLE shapes").get(0).get(0)).isEqualTo("shapes");
            assertThat(labels(statement, "SHOW CREATE TABLE shapes")).containsExactly("Table", "Create Table");
        }
    }

    @Test
    void assertDeclaredTypesFollowAlterRenameAndDrop() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE evolving (id INT PRIMARY KEY, a TINYINT UNSIGNED, b MEDIUMTEXT)");
            statement.execute("ALTER TABLE evolving ADD COLUMN c DATETIME(3) NOT NULL");
            statement.execute("ALTER TABLE evolving MODIFY b LONGTEXT");
            statement.execute("ALTER TABLE evolving CHANGE COLUMN a a2 SMALLINT UNSIGNED");
            statement.execute("ALTER TABLE evolving RENAME COLUMN c TO c2");
            statement.execute("RENAME TABLE evolving TO evolved");
            assertThat(showCreate(statement, "evolved")).isEqualTo("""
                    CREATE TABLE `evolved` (
                      `id` int NOT NULL,
                      `a2` smallint unsigned DEFAULT NULL,
                      `b` longtext,
                      `c2` datetime(3) NOT NULL,
                      PRIMARY KEY (`id`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""");
            assertThatThrownBy(() -> statement.executeQuery("SHOW CREATE TABLE evolving"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.getMessage()).isEqualTo("Table 'cat.evolving' doesn't exist");
                    });
            // a dropped table's types do not come back with a new table of the same name
            statement.execute("DROP TABLE evolved");
            statement.execute("CREATE TABLE evolved (id INT PRIMARY KEY, a2 SMALLINT, b TEXT)");
            assertThat(rows(statement, "SHOW COLUMNS FROM evolved").stream().map(r -> r.get(1)).toList())
                    .containsExactly("int", "smallint", "text");
        }
    }

    @Test
    void assertForeignKeys() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE fk_parent (id INT PRIMARY KEY, code INT, UNIQUE KEY code_uk (code))");
            statement.execute("CREATE TABLE fk_child (id INT PRIMARY KEY, parent_id INT, parent_code INT,"
                    + " CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES fk_parent (id) ON DELETE CASCADE,"
                    + " FOREIGN KEY (parent_code) REFERENCES fk_parent (code) ON UPDATE SET NULL)");
            assertThat(showCreate(statement, "fk_child")).isEqualTo("""
                    CREATE TABLE `fk_child` (
                      `id` int NOT NULL,
                      `parent_id` int DEFAULT NULL,
                      `parent_code` int DEFAULT NULL,
                      PRIMARY KEY (`id`),
                      KEY `child_parent` (`parent_id`),
                      KEY `parent_code` (`parent_code`),
                      CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `fk_parent` (`id`) ON DELETE CASCADE,
                      CONSTRAINT `fk_child_ibfk_1` FOREIGN KEY (`parent_code`) REFERENCES `fk_parent` (`code`) ON UPDATE SET NULL
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""");
            assertThat(rows(statement, "SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                    + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_NAME = 'fk_child'"
                    + " AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY 1")).containsExactly(
                    List.of("child_parent", "parent_id", "fk_parent", "id"),
                    List.of("fk_child_ibfk_1", "parent_code", "fk_parent", "code"));
            assertThat(rows(statement, "SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME FROM"
                    + " information_schema.REFERENTIAL_CONSTRAINTS WHERE TABLE_NAME = 'fk_child' ORDER BY 1"))
                    .containsExactly(List.of("child_parent", "NO ACTION", "CASCADE", "fk_parent"),
                            List.of("fk_child_ibfk_1", "SET NULL", "NO ACTION", "fk_parent"));
        }
    }

    @Test
    void assertShowColumnsDescribeAndIndex() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE described (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " email VARCHAR(64) NOT NULL, score INT DEFAULT 7, made DATETIME DEFAULT CURRENT_TIMESTAMP,"
                    + " UNIQUE KEY email_uk (email), KEY score_made (score, made))");
            assertThat(labels(statement, "SHOW FULL COLUMNS FROM described")).containsExactly("Field", "Type",
                    "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment");
            assertThat(rows(statement, "SHOW FULL COLUMNS FROM described FROM cat")).containsExactly(
                    java.util.Arrays.asList("id", "bigint unsigned", null, "NO", "PRI", null, "auto_increment",
                            "select,insert,update,references", ""),
                    java.util.Arrays.asList("email", "varchar(64)", "utf8mb4_0900_ai_ci", "NO", "UNI", null, "",
                            "select,insert,update,references", ""),
                    java.util.Arrays.asList("score", "int", null, "YES", "MUL", "7", "", "select,insert,update,references", ""),
                    java.util.Arrays.asList("made", "datetime", null, "YES", "", "CURRENT_TIMESTAMP",
                            "DEFAULT_GENERATED", "select,insert,update,references", ""));
            List<List<String>> describe = rows(statement, "DESCRIBE described");
            assertThat(rows(statement, "SHOW COLUMNS FROM cat.described")).isEqualTo(describe);
            assertThat(rows(statement, "SHOW FIELDS IN described")).isEqualTo(describe);
            assertThat(rows(statement, "EXPLAIN described")).isEqualTo(describe);
            assertThat(rows(statement, "DESC described email")).hasSize(1);
            assertThat(rows(statement, "SHOW COLUMNS FROM described LIKE 's%'")).extracting(r -> r.get(0))
                    .containsExactly("score");
            assertThat(rows(statement, "SHOW COLUMNS FROM described WHERE `Key` = 'PRI' OR Type LIKE 'date%'"))
                    .extracting(r -> r.get(0)).containsExactly("id", "made");
            assertThat(labels(statement, "SHOW INDEX FROM described")).containsExactly("Table", "Non_unique",
                    "Key_name", "Seq_in_index", "Column_name", "Collation", "Cardinality", "Sub_part", "Packed", "Null",
                    "Index_type", "Comment", "Index_comment", "Visible", "Expression");
            assertThat(rows(statement, "SHOW KEYS FROM described")).extracting(r -> r.get(1) + " " + r.get(2) + " "
                    + r.get(3) + " " + r.get(4) + " " + r.get(9)).containsExactly("0 PRIMARY 1 id ", "0 email_uk 1 email ",
                    "1 score_made 1 score YES", "1 score_made 2 made YES");
            assertThat(rows(statement, "SHOW INDEXES FROM described WHERE Key_name = 'PRIMARY'")).hasSize(1);
        }
    }

    @Test
    void assertShowTablesTableStatusAndCreateDatabase() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE listed (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) COMMENT='listed here'");
            statement.execute("INSERT INTO listed VALUES (), (), ()");
            statement.execute("CREATE VIEW listed_view AS SELECT id FROM listed");
            assertThat(rows(statement, "SHOW FULL TABLES LIKE 'listed%'")).containsExactly(
                    List.of("listed", "BASE TABLE"), List.of("listed_view", "VIEW"));
            assertThat(labels(statement, "SHOW TABLE STATUS")).containsExactly("Name", "Engine", "Version",
                    "Row_format", "Rows", "Avg_row_length", "Data_length", "Max_data_length", "Index_length",
                    "Data_free", "Auto_increment", "Create_time", "Update_time", "Check_time", "Collation", "Checksum",
                    "Create_options", "Comment");
            List<String> status = rows(statement, "SHOW TABLE STATUS FROM cat LIKE 'listed'").get(0);
            assertThat(status.get(0)).isEqualTo("listed");
            assertThat(status.get(1)).isEqualTo("InnoDB");
            assertThat(status.get(4)).isEqualTo("3");
            assertThat(status.get(10)).isEqualTo("4");
            assertThat(status.get(14)).isEqualTo("utf8mb4_0900_ai_ci");
            assertThat(status.get(17)).isEqualTo("listed here");
            List<String> view = rows(statement, "SHOW TABLE STATUS WHERE Name = 'listed_view'").get(0);
            assertThat(view.get(1)).isNull();
            assertThat(view.get(17)).isEqualTo("VIEW");
            assertThat(rows(statement, "SHOW CREATE DATABASE cat")).containsExactly(List.of("cat",
                    "CREATE DATABASE `cat` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */"
                            + " /*!80016 DEFAULT ENCRYPTION='N' */"));
            assertThat(rows(statement, "SHOW CREATE SCHEMA IF NOT EXISTS cat").get(0).get(1))
                    .startsWith("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `cat` ");
            assertThatThrownBy(() -> statement.executeQuery("SHOW CREATE DATABASE nowhere"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
            assertThatThrownBy(() -> statement.executeQuery("SHOW COLUMNS FROM missing"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                    });
        }
    }

    @Test
    void assertEnginesAndTheEngineOption() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            List<List<String>> engines = rows(statement, "SHOW ENGINES");
            assertThat(labels(statement, "SHOW ENGINES")).containsExactly("Engine", "Support", "Comment",
                    "Transactions", "XA", "Savepoints");
            assertThat(engines.get(0)).element(0).isEqualTo("InnoDB");
            assertThat(engines.get(0).subList(3, 6)).containsExactly("YES", "NO", "YES");
            assertThat(engines.get(0).get(1)).isEqualTo("DEFAULT");
            assertThat(engines).filteredOn(r -> !r.get(0).equals("InnoDB")).allMatch(r -> r.get(1).equals("NO"));
            assertThat(rows(statement, "SHOW STORAGE ENGINES")).isEqualTo(engines);

            statement.execute("CREATE TABLE inno (id INT) ENGINE = innodb");
            assertThat(showCreate(statement, "inno")).contains(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            statement.execute("ALTER TABLE inno ENGINE=InnoDB");
            // 8.4's default sql_mode has NO_ENGINE_SUBSTITUTION: an engine that is not available is an error
            assertThatThrownBy(() -> statement.execute("CREATE TABLE mine (id INT) ENGINE=MyISAM"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1286);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).isEqualTo("Unknown storage engine 'MyISAM'");
                    });
            assertThat(rows(statement, "SHOW TABLES LIKE 'mine'")).isEmpty();
            statement.execute("SET SESSION sql_mode = ''");
            statement.execute("CREATE TABLE mine (id INT) ENGINE=MyISAM");
            SQLWarning warning = statement.getWarnings();
            assertThat(warning.getErrorCode()).isEqualTo(1286);
            assertThat(warning.getMessage()).isEqualTo("Unknown storage engine 'MyISAM'");
            assertThat(warning.getNextWarning().getErrorCode()).isEqualTo(1266);
            assertThat(warning.getNextWarning().getMessage()).isEqualTo("Using storage engine InnoDB for table 'mine'");
            assertThat(showCreate(statement, "mine")).contains(") ENGINE=InnoDB ");
            statement.execute("SET SESSION sql_mode = DEFAULT");
        }
    }

    @Test
    void assertInformationSchemaShapes() throws Exception {
        try (Connection connection = connect("root", "", "cat"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE info_parent (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " label VARCHAR(10) NOT NULL, n SMALLINT UNSIGNED DEFAULT 3, UNIQUE KEY label_uk (label))");
            // Flyway's clean() names its columns with strings (1064 before)
            assertThat(labels(statement, "SELECT routine_name AS 'N', routine_type \"T\" FROM information_schema.routines"
                    + " WHERE routine_schema = 'cat'")).containsExactly("N", "T");
            assertThat(labels(statement, "SELECT label 'Label', COUNT(*) AS 'how many' FROM info_parent GROUP BY label"))
                    .containsExactly("Label", "how many");
            assertThat(labels(statement, "SELECT * FROM information_schema.SCHEMATA")).containsExactly("CATALOG_NAME",
                    "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME", "SQL_PATH",
                    "DEFAULT_ENCRYPTION");
            assertThat(labels(statement, "SELECT * FROM information_schema.TABLES")).startsWith("TABLE_CATALOG",
                    "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "VERSION", "ROW_FORMAT", "TABLE_ROWS")
                    .endsWith("TABLE_COLLATION", "CHECKSUM", "CREATE_OPTIONS", "TABLE_COMMENT").hasSize(21);
            assertThat(labels(statement, "SELECT * FROM information_schema.COLUMNS")).containsExactly("TABLE_CATALOG",
                    "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT", "IS_NULLABLE",
                    "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION",
                    "NUMERIC_SCALE", "DATETIME_PRECISION", "CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_TYPE",
                    "COLUMN_KEY", "EXTRA", "PRIVILEGES", "COLUMN_COMMENT", "GENERATION_EXPRESSION", "SRS_ID");
            assertThat(labels(statement, "SELECT * FROM information_schema.STATISTICS")).hasSize(18);
            assertThat(labels(statement, "SELECT * FROM information_schema.KEY_COLUMN_USAGE")).hasSize(12);
            assertThat(labels(statement, "SELECT * FROM information_schema.TABLE_CONSTRAINTS")).containsExactly(
                    "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME",
                    "CONSTRAINT_TYPE", "ENFORCED");
            assertThat(labels(statement, "SELECT * FROM information_schema.ENGINES")).containsExactly("ENGINE",
                    "SUPPORT", "COMMENT", "TRANSACTIONS", "XA", "SAVEPOINTS");
            assertThat(labels(statement, "SELECT * FROM information_schema.PROCESSLIST")).containsExactly("ID", "USER",
                    "HOST", "DB", "COMMAND", "TIME", "STATE", "INFO");
            assertThat(labels(statement, "SELECT * FROM information_schema.USER_PRIVILEGES")).containsExactly(
                    "GRANTEE", "TABLE_CATALOG", "PRIVILEGE_TYPE", "IS_GRANTABLE");
            assertThat(labels(statement, "SELECT * FROM information_schema.SCHEMA_PRIVILEGES")).containsExactly(
                    "GRANTEE", "TABLE_CATALOG", "TABLE_SCHEMA", "PRIVILEGE_TYPE", "IS_GRANTABLE");

            assertThat(rows(statement, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME"))
                    .extracting(r -> r.get(0)).contains("cat", "information_schema", "mysql", "performance_schema");
            assertThat(rows(statement, "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
                    + " COLUMN_KEY, EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'cat' AND TABLE_NAME = 'info_parent' ORDER BY ORDINAL_POSITION"))
                    .containsExactly(
                            java.util.Arrays.asList("id", "int", "int", "NO", null, "PRI", "auto_increment", null, "10"),
                            java.util.Arrays.asList("label", "varchar", "varchar(10)", "NO", null, "UNI", "", "10", null),
                            java.util.Arrays.asList("n", "smallint", "smallint unsigned", "YES", "3", "", "", null, "5"));
            // a join, a filter that ignores case like MySQL's information_schema collation, and a count
            assertThat(rows(statement, "SELECT t.TABLE_NAME, t.ENGINE, COUNT(*) FROM information_schema.TABLES t"
                    + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA"
                    + " AND c.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_SCHEMA = 'CAT' AND t.TABLE_NAME = 'info_parent'"
                    + " GROUP BY t.TABLE_NAME, t.ENGINE")).containsExactly(List.of("info_parent", "InnoDB", "3"));
            assertThat(rows(statement, "SELECT INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM"
                    + " information_schema.STATISTICS WHERE TABLE_SCHEMA = 'cat' AND TABLE_NAME = 'info_parent'"
                    + " ORDER BY INDEX_NAME")).containsExactly(List.of("label_uk", "1", "label", "0"),
                    List.of("PRIMARY", "1", "id", "0"));
            assertThat(rows(statement, "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_NAME = 'info_parent' ORDER BY CONSTRAINT_TYPE")).containsExactly(
                    List.of("PRIMARY", "PRIMARY KEY"), List.of("label_uk", "UNIQUE"));
            assertThat(rows(statement, "SELECT CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION FROM"
                    + " information_schema.KEY_COLUMN_USAGE WHERE TABLE_NAME = 'info_parent' ORDER BY 1"))
                    .containsExactly(List.of("label_uk", "label", "1"), List.of("PRIMARY", "id", "1"));
            assertThat(rows(statement, "SELECT ENGINE, SUPPORT FROM information_schema.ENGINES WHERE SUPPORT = 'DEFAULT'"))
                    .containsExactly(List.of("InnoDB", "DEFAULT"));
            assertThat(rows(statement, "SELECT USER, COMMAND FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()"))
                    .containsExactly(List.of("root", "Query"));
            assertThat(rows(statement, "SELECT GRANTEE FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE ="
                    + " 'SELECT'")).containsExactly(List.of("'root'@'localhost'"));
            assertThat(rows(statement, "SHOW DATABASES LIKE 'performance_schema'")).hasSize(1);
        }
    }

    @Test
    void assertAnAccountSeesOnlyItsDatabases() throws Exception {
        try (Connection connection = connect("reader", "r-pass", "cat");
             Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1"))
                    .extracting(r -> r.get(0)).containsExactly("cat", "information_schema", "performance_schema");
            assertThat(rows(statement, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'hidden'"))
                    .containsExactly(List.of("0"));
            assertThat(rows(statement, "SELECT TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES"))
                    .containsExactly(List.of("cat", "SELECT"));
            assertThat(rows(statement, "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES"))
                    .containsExactly(List.of("USAGE"));
            assertThatThrownBy(() -> statement.executeQuery("SHOW CREATE TABLE hidden.secret"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1142);
                        assertThat(e.getMessage()).isEqualTo(
                                "SHOW command denied to user 'reader'@'localhost' for table 'secret'");
                    });
        }
    }

    @Test
    void assertATableGrantShowsThatTableOnly() throws Exception {
        try (Connection connection = connect("one", "o-pass", "hidden");
             Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'hidden'"))
                    .containsExactly(List.of("granted"));
            assertThat(rows(statement, "SELECT DISTINCT TABLE_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'hidden'")).containsExactly(List.of("granted"));
            assertThat(rows(statement, "SHOW TABLE STATUS")).extracting(r -> r.get(0)).containsExactly("granted");
            assertThat(rows(statement, "SHOW CREATE TABLE granted")).hasSize(1);
            assertThatThrownBy(() -> statement.executeQuery("SHOW COLUMNS FROM secret"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1142));
        }
    }

    @Test
    void assertTheCliShowsTheCatalog() throws Exception {
        MysqlCli.Result result = MysqlCli.run("""
                CREATE TABLE cat.cli_t (id INT NOT NULL, v VARCHAR(5) DEFAULT 'x', PRIMARY KEY (id));
                DESCRIBE cat.cli_t;
                SHOW CREATE TABLE cat.cli_t\\G
                """, "-h127.0.0.1", "-P" + server.port(), "-uroot");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("""
                Field\tType\tNull\tKey\tDefault\tExtra
                id\tint\tNO\tPRI\tNULL\t
                v\tvarchar(5)\tYES\t\tx\t
                *************************** 1. row ***************************
                       Table: cli_t
                Create Table: CREATE TABLE `cli_t` (
                  `id` int NOT NULL,
                  `v` varchar(5) DEFAULT 'x',
                  PRIMARY KEY (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
                """);
    }
}
