package dev.doppel.server.sql.parse;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class TableStatementsTest {
    private static ParsedStatement parse(String sql) {
        return StatementParser.parseTableStatement(sql, Lexer.tokenize(sql));
    }

    @Test
    void readsMySqlTableDefinitionsAsDumpsAndMigrationsWriteThem() {
        for (String sql : List.of(
                "CREATE TABLE t1 (id INT(11) NOT NULL AUTO_INCREMENT, name varchar(20) CHARACTER SET utf8mb4 COLLATE"
                        + " utf8mb4_bin DEFAULT 'x' COMMENT 'c', ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON"
                        + " UPDATE current_timestamp(), d DECIMAL(10,2) UNSIGNED ZEROFILL, e ENUM('a','b') DEFAULT NULL,"
                        + " j JSON, g INT AS (id + 1) STORED, PRIMARY KEY (id), UNIQUE KEY u (name(5)), KEY k (d DESC)"
                        + " USING BTREE COMMENT 'k', CONSTRAINT ch CHECK (id > 0) NOT ENFORCED) ENGINE=InnoDB"
                        + " AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC"
                        + " COMMENT='tbl'",
                "CREATE TABLE `t2` (`a` int NOT NULL, `b` int DEFAULT NULL, KEY `fk` (`a`), CONSTRAINT `fk` FOREIGN KEY"
                        + " (`a`) REFERENCES `t1` (`id`) ON DELETE CASCADE ON UPDATE SET NULL)",
                "CREATE TEMPORARY TABLE IF NOT EXISTS db.t (a INT, INDEX (a), FULLTEXT KEY ft (a), SPATIAL INDEX (a))",
                "CREATE TABLE t (`key` INT, bb BIT(1) DEFAULT b'0', y YEAR(4), f FLOAT(7,2), dd DOUBLE PRECISION,"
                        + " nb NATIONAL VARCHAR(3), ch CHAR, tx TEXT CHARACTER SET latin1, bl BLOB(100),"
                        + " u BIGINT UNSIGNED NOT NULL, dt DATETIME(6) DEFAULT NOW(6), s SET('x','y'),"
                        + " p POINT NOT NULL SRID 4326, v VARCHAR(3) INVISIBLE, x INT GENERATED ALWAYS AS (u * 2) VIRTUAL,"
                        + " lv LONG VARCHAR, z SERIAL, m MEDIUMINT DEFAULT -1, n NUMERIC(5), h CHAR(2) BINARY,"
                        + " dflt INT DEFAULT (u + 1), uu CHAR(36) DEFAULT (UUID()))",
                "CREATE TABLE t (x INT) SELECT 1 AS y",
                "CREATE TABLE t (SELECT 1 AS y)",
                "CREATE TABLE t AS SELECT * FROM u WHERE a > 1",
                "CREATE TABLE t IGNORE SELECT 1",
                "CREATE TABLE t LIKE u",
                "CREATE TABLE t (LIKE u)",
                "ALTER TABLE t1 ADD COLUMN z INT NOT NULL DEFAULT 0 AFTER id, ADD INDEX iz (z), ALGORITHM=INPLACE,"
                        + " LOCK=NONE",
                "ALTER TABLE t1 MODIFY z BIGINT, CHANGE COLUMN z zz BIGINT FIRST, RENAME COLUMN zz TO z3,"
                        + " RENAME INDEX iz TO iz2",
                "ALTER TABLE t1 DROP INDEX iz2, DROP COLUMN z3, DROP z4, DROP PRIMARY KEY, DROP FOREIGN KEY f,"
                        + " DROP CHECK c, ENGINE=InnoDB",
                "ALTER TABLE t1 ADD CONSTRAINT c CHECK (a > 0), ADD UNIQUE (a), ADD PRIMARY KEY (a),"
                        + " ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (b), ADD (c INT, d INT)",
                "ALTER TABLE t1 DEFAULT CHARSET = latin1",
                "ALTER TABLE t1 CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                "ALTER TABLE t1 ALTER COLUMN name SET DEFAULT 'q', ALTER name DROP DEFAULT, ALTER INDEX i INVISIBLE",
                "ALTER TABLE t1 ORDER BY name",
                "ALTER TABLE t1 RENAME TO t2",
                "ALTER TABLE t1 AUTO_INCREMENT = 10, COMMENT 'x'",
                "ALTER TABLE t1",
                "CREATE INDEX i ON t1 (name(10), (a + 1) DESC)",
                "CREATE UNIQUE INDEX ui USING BTREE ON t1 (d, e) ALGORITHM DEFAULT LOCK = SHARED",
                "DROP INDEX ui ON db.t1 ALGORITHM = INPLACE",
                "DROP TEMPORARY TABLE IF EXISTS a, db.b CASCADE",
                "RENAME TABLE a TO b, db.c TO db.d",
                "TRUNCATE TABLE t",
                "TRUNCATE t",
                "CREATE VIEW v AS SELECT 1",
                "CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `db`.`v`"
                        + " (a, b) AS SELECT x, y FROM t WITH CASCADED CHECK OPTION",
                "CREATE DEFINER = 'u'@'%' VIEW v AS (SELECT 1) UNION SELECT 2",
                "CREATE DEFINER = CURRENT_USER() SQL SECURITY INVOKER VIEW v AS WITH c AS (SELECT 1) SELECT * FROM c",
                "ALTER VIEW v AS SELECT 2 WITH CHECK OPTION",
                "DROP VIEW IF EXISTS v, db.w",
                // forms that running the grammar over MariaDB's test suite found missing
                "CREATE TABLE time_zone_name (Name char(64) NOT NULL, PRIMARY KEY Name (Name)) CHARACTER SET utf8",
                "CREATE TABLE t (a INT REFERENCES u, b ENUM('a', 0x0061), c VARCHAR(10) CHARACTER SET ascii BINARY,"
                        + " d TEXT(15) CHAR SET binary, UNIQUE KEY k USING RTREE (a))",
                "ALTER TABLE t CHARACTER SET latin1 COLLATE latin1_bin",
                "ALTER TABLE t row_format=dynamic checksum=0, STORAGE DISK",
                "DROP TABLES t1, t2")) {
            assertThatCode(() -> parse(sql)).as(sql).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesTheEnginesOwnTypesAttributesAndOptionsWith1064() {
        for (String sql : List.of(
                "CREATE TABLE t (a INT SELECTIVITY 5)",
                "CREATE TABLE t (a JAVA_OBJECT)",
                "CREATE TABLE t (a INT ARRAY)",
                "CREATE TABLE t (a UUID)",
                "CREATE TABLE t (a VARCHAR_IGNORECASE(5))",
                "CREATE TABLE t (a CLOB)",
                "CREATE TABLE t (a INTERVAL DAY)",
                "CREATE TABLE t (a INT, CONSTRAINT c CHECK (a > 0) NOCHECK)",
                "CREATE TABLE t (a INT GENERATED ALWAYS AS IDENTITY (START WITH 5))",
                "CREATE MEMORY TABLE t (a INT)",
                "CREATE TABLE t (a INT) NOT PERSISTENT",
                "CREATE TABLE t (a INT) PARTITION BY LINEAR RANGE (a) (PARTITION p0 VALUES LESS THAN (1))",
                "CREATE TABLE t (a INT) PARTITION BY HASH(a) PARTITIONS two",
                "CREATE TABLE t (a INT) PARTITION BY KEY ALGORITHM = 3 (a)",
                "CREATE TABLE t (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN 5)",
                "ALTER TABLE t ADD COLUMN z INT SELECTIVITY 3",
                "ALTER TABLE t SET REFERENTIAL_INTEGRITY FALSE",
                "ALTER TABLE t ALTER COLUMN a SELECTIVITY 7",
                "ALTER TABLE t RENAME CONSTRAINT x TO y",
                "ALTER TABLE t DROP PARTITION",
                "ALTER TABLE t EXCHANGE PARTITION p0 WITH t2",
                "CREATE HASH INDEX h ON t (a)",
                "TRUNCATE TABLE t RESTART IDENTITY",
                "CREATE FORCE VIEW v AS SELECT 1",
                "CREATE VIEW v AS SELECT 1 WITH READ ONLY",
                "CREATE OR REPLACE VIEW v (a INT) AS SELECT 1",
                "DROP TABLE t1 t2")) {
            assertThatThrownBy(() -> parse(sql)).as(sql).isInstanceOf(MySqlException.class)
                    .satisfies(e -> assertThat(((MySqlException) e).number()).isEqualTo(1064));
        }
    }

    @Test
    void readsPartitioningAndThePartitionOperations() {
        for (String sql : List.of(
                "CREATE TABLE t (a INT) PARTITION BY HASH(a) PARTITIONS 2",
                "CREATE TABLE t (a INT) PARTITION BY LINEAR KEY ALGORITHM = 2 (a) PARTITIONS 4",
                "CREATE TABLE t (a INT, d DATE) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (a) SUBPARTITIONS 2"
                        + " (PARTITION p0 VALUES LESS THAN (1990) COMMENT = 'old' ENGINE = InnoDB,"
                        + " PARTITION p1 VALUES LESS THAN MAXVALUE)",
                "CREATE TABLE t (a INT, b CHAR(2)) PARTITION BY LIST COLUMNS (a, b) (PARTITION p0 VALUES IN ((1, 'x'),"
                        + " (2, 'y')) (SUBPARTITION s0, SUBPARTITION s1))",
                "CREATE TABLE t (a INT) ENGINE=InnoDB /*!50100 PARTITION BY KEY () PARTITIONS 2 */",
                "ALTER TABLE t PARTITION BY HASH (a) PARTITIONS 3",
                "ALTER TABLE t ALGORITHM = INPLACE, LOCK = SHARED, ADD PARTITION (PARTITION p4 VALUES LESS THAN (2010))",
                "ALTER TABLE t ADD PARTITION PARTITIONS 2",
                "ALTER TABLE t DROP PARTITION p0, p1",
                "ALTER TABLE t REORGANIZE PARTITION p0, p1 INTO (PARTITION p2 VALUES IN (1, 2))",
                "ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE t2 WITHOUT VALIDATION",
                "ALTER TABLE t TRUNCATE PARTITION ALL",
                "ALTER TABLE t ANALYZE PARTITION p0, p1",
                "ALTER TABLE t COALESCE PARTITION 2",
                "ALTER TABLE t REMOVE PARTITIONING")) {
            parse(sql);
        }
    }

    @Test
    void findsTheCallsOfStoredExpressions() {
        assertThat(parse("CREATE TABLE t (a INT DEFAULT (FILE_READ('/etc/passwd')), b INT AS (DATABASE_PATH()))")
                .calls()).extracting(ParsedStatement.FunctionCall::name).containsExactly("FILE_READ", "DATABASE_PATH");
    }
}
