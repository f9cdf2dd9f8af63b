-- Index names per table, CREATE TABLE ... LIKE, ALTER TABLE with several changes, foreign key errors.

CREATE DATABASE conf;
USE conf;

CREATE TABLE a (id INT PRIMARY KEY, code VARCHAR(10), qty INT, UNIQUE KEY uk_code (code), KEY idx_qty (qty));
-> ok affected=0

CREATE TABLE b (id INT PRIMARY KEY, code VARCHAR(10), qty INT, UNIQUE KEY uk_code (code), KEY idx_qty (qty));
-> ok affected=0

CREATE TABLE c (id INT, KEY k (id), UNIQUE KEY k (id));
-> error 1061 42000 Duplicate key name 'k'

SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' ORDER BY TABLE_NAME, INDEX_NAME;
-> rows
a | idx_qty | 1 | qty
a | PRIMARY | 0 | id
a | uk_code | 0 | code
b | idx_qty | 1 | qty
b | PRIMARY | 0 | id
b | uk_code | 0 | code

SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS
  WHERE TABLE_SCHEMA = 'conf' ORDER BY TABLE_NAME, CONSTRAINT_NAME;
-> rows
a | PRIMARY | PRIMARY KEY
a | uk_code | UNIQUE
b | PRIMARY | PRIMARY KEY
b | uk_code | UNIQUE

INSERT INTO a VALUES (1, 'x', 1);
-> ok affected=1

INSERT INTO b VALUES (1, 'x', 1);
-> ok affected=1

INSERT INTO b VALUES (2, 'x', 2);
-> error 1062 23000 Duplicate entry 'x' for key 'b.uk_code'

ALTER TABLE a ADD INDEX idx_qty (code);
-> error 1061 42000 Duplicate key name 'idx_qty'

ALTER TABLE a ADD INDEX idx_code (code);
-> ok affected=0

ALTER TABLE b ADD INDEX idx_code (code);
-> ok affected=0

ALTER TABLE a DROP INDEX nope;
-> error 1091 42000 Can't DROP 'nope'; check that column/key exists

ALTER TABLE a RENAME INDEX nope TO other;
-> error 1176 42000 Key 'nope' doesn't exist in table 'a'

ALTER TABLE a RENAME INDEX idx_code TO idx_qty;
-> error 1061 42000 Duplicate key name 'idx_qty'

ALTER TABLE a RENAME INDEX idx_code TO idx_c, RENAME KEY uk_code TO uk_c;
-> ok affected=0

DROP INDEX idx_c ON a;
-> ok affected=0

DROP INDEX idx_c ON a;
-> error 1091 42000 Can't DROP 'idx_c'; check that column/key exists

CREATE UNIQUE INDEX uk_qty ON a (qty);
-> ok affected=0

INSERT INTO a VALUES (2, 'y', 1);
-> error 1062 23000 Duplicate entry '1' for key 'a.uk_qty'

INSERT INTO a VALUES (2, 'x', 2);
-> error 1062 23000 Duplicate entry 'x' for key 'a.uk_c'

SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' ORDER BY TABLE_NAME, INDEX_NAME;
-> rows
a | idx_qty | qty
a | PRIMARY | id
a | uk_c | code
a | uk_qty | qty
b | idx_code | code
b | idx_qty | qty
b | PRIMARY | id
b | uk_code | code

RENAME TABLE a TO a2;
-> ok affected=0

INSERT INTO a2 VALUES (2, 'x', 2);
-> error 1062 23000 Duplicate entry 'x' for key 'a2.uk_c'

ALTER TABLE a2 RENAME TO a3, ADD INDEX idx_id (id);
-> ok affected=0

ALTER TABLE a3 DROP INDEX uk_c, DROP KEY uk_qty;
-> ok affected=0

INSERT INTO a3 VALUES (2, 'x', 1);
-> ok affected=1

SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'a3' ORDER BY INDEX_NAME;
-> rows
idx_id | id
idx_qty | qty
PRIMARY | id

-- several changes in one ALTER TABLE: all or nothing
CREATE TABLE m (id INT PRIMARY KEY, b INT, c VARCHAR(10), d INT);
-> ok affected=0

INSERT INTO m VALUES (1, 10, 'one', 1), (2, 10, 'two', 2);
-> ok affected=2

ALTER TABLE m ADD COLUMN a INT, ADD INDEX i (a), DROP COLUMN d, MODIFY c VARCHAR(20);
-> ok affected=0

ALTER TABLE m ADD COLUMN e INT, ADD INDEX j (e), DROP COLUMN c, MODIFY nope INT;
-> error 1054 42S22 Unknown column 'nope' in 'm'

ALTER TABLE m ADD COLUMN e INT, DROP COLUMN a, ADD INDEX i (id);
-> error 1061 42000 Duplicate key name 'i'

ALTER TABLE m ADD COLUMN e INT, ADD COLUMN id INT;
-> error 1060 42S21 Duplicate column name 'id'

ALTER TABLE m MODIFY c VARCHAR(30), DROP COLUMN nope;
-> error 1091 42000 Can't DROP 'nope'; check that column/key exists

ALTER TABLE m ADD COLUMN e INT, CHANGE c cc VARCHAR(40), DROP INDEX i, ADD UNIQUE KEY uq (b);
-> error 1062 23000 Duplicate entry '10' for key 'm.uq'

SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'm' ORDER BY ORDINAL_POSITION;
-> rows
id | int
b | int
c | varchar(20)
a | int

SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'm' ORDER BY INDEX_NAME;
-> rows
i | a
PRIMARY | id

SELECT id, b, c, a FROM m ORDER BY id;
-> rows
1 | 10 | one | NULL
2 | 10 | two | NULL

ALTER TABLE m CHANGE c cc VARCHAR(40) NOT NULL, DROP INDEX i, ADD UNIQUE KEY uq (id, b);
-> ok affected=0

SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'm' ORDER BY ORDINAL_POSITION;
-> rows
id | int | NO
b | int | YES
cc | varchar(40) | NO
a | int | YES

-- foreign keys
CREATE TABLE p (id INT PRIMARY KEY);
-> ok affected=0

CREATE TABLE ch (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_ch FOREIGN KEY (pid) REFERENCES p (id));
-> ok affected=0

INSERT INTO ch VALUES (1, 5);
-> error 1452 23000 Cannot add or update a child row: a foreign key constraint fails (`conf`.`ch`, CONSTRAINT `fk_ch` FOREIGN KEY (`pid`) REFERENCES `p` (`id`))

INSERT INTO p VALUES (5);
-> ok affected=1

INSERT INTO ch VALUES (1, 5);
-> ok affected=1

UPDATE ch SET pid = 6;
-> error 1452 23000 Cannot add or update a child row: a foreign key constraint fails (`conf`.`ch`, CONSTRAINT `fk_ch` FOREIGN KEY (`pid`) REFERENCES `p` (`id`))

DELETE FROM p;
-> error 1451 23000 Cannot delete or update a parent row: a foreign key constraint fails (`conf`.`ch`, CONSTRAINT `fk_ch` FOREIGN KEY (`pid`) REFERENCES `p` (`id`))

UPDATE p SET id = 6;
-> error 1451 23000 Cannot delete or update a parent row: a foreign key constraint fails (`conf`.`ch`, CONSTRAINT `fk_ch` FOREIGN KEY (`pid`) REFERENCES `p` (`id`))

CREATE TABLE ch2 (pid INT, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE);
-> ok affected=0

INSERT INTO ch2 VALUES (9);
-> error 1452 23000 Cannot add or update a child row: a foreign key constraint fails (`conf`.`ch2`, CONSTRAINT `ch2_ibfk_1` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE)

ALTER TABLE ch DROP FOREIGN KEY fk_ch;
-> ok affected=0

ALTER TABLE ch DROP FOREIGN KEY fk_ch;
-> error 1091 42000 Can't DROP 'fk_ch'; check that column/key exists

SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'ch' ORDER BY INDEX_NAME;
-> rows
fk_ch | pid
PRIMARY | id

INSERT INTO ch VALUES (2, 99);
-> ok affected=1

-- CREATE TABLE ... LIKE: columns, defaults, indexes; no rows, no foreign keys
CREATE TABLE src (id INT UNSIGNED NOT NULL AUTO_INCREMENT, flag BOOL DEFAULT 1, name VARCHAR(10) NOT NULL DEFAULT 'n',
  pid INT, PRIMARY KEY (id), UNIQUE KEY uk_name (name), KEY (flag), CONSTRAINT fk_src FOREIGN KEY (pid) REFERENCES p (id));
-> ok affected=0

INSERT INTO src (name) VALUES ('a'), ('b');
-> ok affected=2 insert_id=1

CREATE TABLE dst LIKE src;
-> ok affected=0

SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'dst' ORDER BY ORDINAL_POSITION;
-> rows
id | int unsigned | NO | NULL | auto_increment
flag | tinyint(1) | YES | 1 | ''
name | varchar(10) | NO | n | ''
pid | int | YES | NULL | ''

SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'dst' ORDER BY INDEX_NAME;
-> rows
fk_src | 1 | pid
flag | 1 | flag
PRIMARY | 0 | id
uk_name | 0 | name

SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS
  WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'dst' AND CONSTRAINT_TYPE = 'FOREIGN KEY';
-> rows
0

SELECT COUNT(*) FROM dst;
-> rows
0

INSERT INTO dst (name, pid) VALUES ('a', 12345);
-> ok affected=1 insert_id=1

INSERT INTO dst (name) VALUES ('a');
-> error 1062 23000 Duplicate entry 'a' for key 'dst.uk_name'

CREATE TABLE dst LIKE src;
-> error 1050 42S01 Table 'dst' already exists

CREATE TABLE IF NOT EXISTS dst LIKE src;
-> ok affected=0
-> warnings
Note | 1050 | Table 'dst' already exists

CREATE TABLE dst2 (LIKE src);
-> ok affected=0

SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'dst2';
-> rows
4

CREATE TABLE dst3 LIKE nope;
-> error 1146 42S02 Table 'conf.nope' doesn't exist

DROP DATABASE conf;
