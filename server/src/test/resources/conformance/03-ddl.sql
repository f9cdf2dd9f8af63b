-- Tables: keys, ALTER/DROP/TRUNCATE/RENAME TABLE, CREATE TABLE LIKE / AS SELECT.

CREATE DATABASE conf;
USE conf;

CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, code VARCHAR(10) NOT NULL, qty INT DEFAULT 0,
  PRIMARY KEY (id), UNIQUE KEY uk_code (code), KEY idx_qty (qty)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-> ok affected=0

CREATE TABLE t (id INT);
-> error 1050 42S01 Table 't' already exists

CREATE TABLE IF NOT EXISTS t (id INT);
-> ok affected=0
-> warnings
Note | 1050 | Table 't' already exists

INSERT INTO t (code, qty) VALUES ('a', 1), ('b', 2), ('c', 3);
-> ok affected=3 insert_id=1

CREATE TABLE copy LIKE t;
-> ok affected=0

INSERT INTO copy (code) VALUES ('a');
-> ok affected=1 insert_id=1

INSERT INTO copy (code) VALUES ('a');
-> error 1062 23000 Duplicate entry 'a' for key 'copy.uk_code'

CREATE TABLE summary AS SELECT code, qty * 10 AS big FROM t WHERE qty > 1;
-> ok affected=2

CREATE TABLE extra (id INT);

CREATE TABLE twin (id INT PRIMARY KEY, code VARCHAR(10), qty INT, UNIQUE KEY uk_code (code), KEY idx_qty (qty));
-> ok affected=0

DROP TABLE IF EXISTS twin;

SELECT code, big FROM summary ORDER BY code;
-> rows
b | 20
c | 30

ALTER TABLE summary ADD COLUMN note VARCHAR(20) DEFAULT 'none';
-> ok affected=0

ALTER TABLE summary ADD INDEX idx_big (big);
-> ok affected=0

ALTER TABLE summary DROP COLUMN big;
-> ok affected=0

ALTER TABLE summary RENAME COLUMN note TO remark;
-> ok affected=0

ALTER TABLE summary MODIFY remark VARCHAR(30) NOT NULL DEFAULT 'n/a';
-> ok affected=0

SELECT code, remark FROM summary ORDER BY code;
-> rows
b | none
c | none

RENAME TABLE summary TO recap;
-> ok affected=0

SELECT COUNT(*) FROM recap;
-> rows
2

SELECT * FROM summary;
-> error 1146 42S02 Table 'conf.summary' doesn't exist

ALTER TABLE recap RENAME TO recap2;
-> ok affected=0

TRUNCATE TABLE recap2;
-> ok affected=0

SELECT COUNT(*) FROM recap2;
-> rows
0

TRUNCATE TABLE t;
-> ok affected=0

INSERT INTO t (code) VALUES ('z');
-> ok affected=1 insert_id=1

DROP TABLE recap2, extra;
-> ok affected=0

DROP TABLE IF EXISTS copy;

DROP TABLE recap2;
-> error 1051 42S02 Unknown table 'conf.recap2'

DROP TABLE IF EXISTS recap2;
-> ok affected=0
-> warnings
Note | 1051 | Unknown table 'conf.recap2'

ALTER TABLE nope ADD COLUMN x INT;
-> error 1146 42S02 Table 'conf.nope' doesn't exist

ALTER TABLE t ADD COLUMN qty INT;
-> error 1060 42S21 Duplicate column name 'qty'

ALTER TABLE t DROP COLUMN nope;
-> error 1091 42000 Can't DROP 'nope'; check that column/key exists

-- a dropped column leaves the keys it is part of; a key left without columns goes (1105 before)
CREATE TABLE drop_keys (a INT, b INT, c INT, d INT, PRIMARY KEY (a, b), KEY bc (b, c), UNIQUE KEY ud (d));
-> ok affected=0

INSERT INTO drop_keys VALUES (1, 1, 1, 1), (1, 2, 2, 2);
-> ok affected=2

INSERT INTO drop_keys VALUES (1, 1, 5, 5);
-> error 1062 23000 Duplicate entry '1-1' for key 'drop_keys.PRIMARY'

ALTER TABLE drop_keys DROP COLUMN b;
-> error 1062 23000 Duplicate entry '1' for key 'drop_keys.PRIMARY'

DELETE FROM drop_keys WHERE b = 2;
-> ok affected=1

ALTER TABLE drop_keys DROP COLUMN b, DROP COLUMN d;
-> ok affected=0

SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'drop_keys' ORDER BY 1, SEQ_IN_INDEX;
-> rows
bc | c | 1
PRIMARY | a | 0

CREATE TABLE drop_parent (id INT PRIMARY KEY);
-> ok affected=0

CREATE TABLE drop_child (id INT, pid INT, x INT, KEY px (pid, x), CONSTRAINT drop_fk FOREIGN KEY (pid) REFERENCES drop_parent (id));
-> ok affected=0

ALTER TABLE drop_child DROP COLUMN pid;
-> error 1828 HY000 Cannot drop column 'pid': needed in a foreign key constraint 'drop_fk'

ALTER TABLE drop_child DROP COLUMN x;
-> ok affected=0

-- dropping a referenced table: 3730 with the checks on; with them off it goes and the key waits for it
DROP TABLE drop_parent;
-> error 3730 HY000 Cannot drop table 'drop_parent' referenced by a foreign key constraint 'drop_fk' on table 'drop_child'.

SET foreign_key_checks = 0;
-> ok affected=0

DROP TABLE drop_parent;
-> ok affected=0

SET foreign_key_checks = 1;
-> ok affected=0

CREATE TABLE drop_parent (id INT PRIMARY KEY);
-> ok affected=0

INSERT INTO drop_child VALUES (1, 99);
-> error 1452 23000 Cannot add or update a child row: a foreign key constraint fails (`conf`.`drop_child`, CONSTRAINT `drop_fk` FOREIGN KEY (`pid`) REFERENCES `drop_parent` (`id`))

-- prefix key parts (a TEXT column needs one in MySQL; dumps are full of them)
CREATE TABLE prefixed (id INT PRIMARY KEY, title VARCHAR(200), body TEXT, KEY by_title (title(20)), KEY by_body (body(100), id));
-> ok affected=0

CREATE INDEX by_title_again ON prefixed (title(10));
-> ok affected=0

ALTER TABLE prefixed ADD UNIQUE KEY unique_title (title(191));
-> ok affected=0

INSERT INTO prefixed VALUES (1, 'a long title', 'text');
-> ok affected=1

SELECT id FROM prefixed WHERE title = 'a long title';
-> rows
1

-- temporary tables: DROP TEMPORARY TABLE drops only the session's own, and names the others
CREATE TEMPORARY TABLE scratch (id INT);
-> ok affected=0

INSERT INTO scratch VALUES (1), (2);
-> ok affected=2

DROP TEMPORARY TABLE scratch, prefixed;
-> error 1051 42S02 Unknown table 'conf.prefixed'

SELECT COUNT(*) FROM scratch;
-> rows
2

DROP TEMPORARY TABLE IF EXISTS scratch, nothing_here;
-> warnings
Note | 1051 | Unknown table 'conf.nothing_here'

SELECT COUNT(*) FROM scratch;
-> error 1146 42S02 Table 'conf.scratch' doesn't exist

SELECT COUNT(*) FROM prefixed;
-> rows
1

-- AUTO_INCREMENT: one column at most, and it starts a key
CREATE TABLE ai_none (a INT AUTO_INCREMENT, b INT);
-> error 1075 42000 Incorrect table definition; there can be only one auto column and it must be defined as a key

CREATE TABLE ai_second (a INT AUTO_INCREMENT, b INT, PRIMARY KEY (b, a));
-> error 1075 42000 Incorrect table definition; there can be only one auto column and it must be defined as a key

CREATE TABLE ai_two (a INT AUTO_INCREMENT, b INT AUTO_INCREMENT, PRIMARY KEY (a));
-> error 1075 42000 Incorrect table definition; there can be only one auto column and it must be defined as a key

CREATE TABLE ai_keyed (a INT AUTO_INCREMENT, b INT, KEY (a));
-> ok affected=0

CREATE TABLE ai_unique (a INT AUTO_INCREMENT UNIQUE, b VARCHAR(10) DEFAULT 'key');
-> ok affected=0

-- SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE, SERIAL DEFAULT VALUE an integer's NOT NULL AUTO_INCREMENT UNIQUE
CREATE TABLE serials (id SERIAL, v VARCHAR(3));

INSERT INTO serials (v) VALUES ('a'), ('b');
-> ok affected=2 insert_id=1

CREATE TABLE serial_values (n INT SERIAL DEFAULT VALUE, v INT);

SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_NAME IN ('serials', 'serial_values') AND COLUMN_NAME IN ('id', 'n') ORDER BY TABLE_NAME;
-> rows
serial_values | n | int | NO | auto_increment
serials | id | bigint unsigned | NO | auto_increment

SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_NAME IN ('serials', 'serial_values') ORDER BY TABLE_NAME;
-> rows
serial_values | n | 0
serials | id | 0

-- a BIGINT UNSIGNED AUTO_INCREMENT column's values are insert ids (were 0)
CREATE TABLE unsigned_ids (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, v INT);

INSERT INTO unsigned_ids (v) VALUES (1), (2);
-> ok affected=2 insert_id=1

SELECT LAST_INSERT_ID();
-> rows
1
