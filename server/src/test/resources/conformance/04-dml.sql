-- DML: multi-row INSERT, INSERT IGNORE, ON DUPLICATE KEY UPDATE, REPLACE, UPDATE, DELETE, LAST_INSERT_ID().
-- Affected rows are MySQL's without CLIENT_FOUND_ROWS (the drivers run with useAffectedRows=true).

CREATE DATABASE conf;
USE conf;

CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(10) NOT NULL, n INT NOT NULL DEFAULT 0);

INSERT INTO t (name) VALUES ('a'), ('b'), ('c');
-> ok affected=3 insert_id=1

SELECT LAST_INSERT_ID();
-> rows
1

SET @after_insert = 1;
-> ok affected=0 insert_id=0

INSERT INTO t (name) VALUES ('d');
-> ok affected=1 insert_id=4

SELECT LAST_INSERT_ID();
-> rows
4

INSERT INTO t (id, name) VALUES (10, 'j');
-> ok affected=1 insert_id=0

SELECT LAST_INSERT_ID();
-> rows
4

INSERT INTO t (name) VALUES ('k');
-> ok affected=1 insert_id=11

INSERT INTO t VALUES (12, 'l', 0);
-> ok affected=1 insert_id=0

INSERT INTO t VALUES (NULL, 'm', 0);
-> ok affected=1 insert_id=13

DELETE FROM t WHERE id IN (12, 13);
-> ok affected=2

INSERT INTO t (id, name) VALUES (1, 'x');
-> error 1062 23000 Duplicate entry '1' for key 't.PRIMARY'

INSERT IGNORE INTO t (id, name) VALUES (1, 'x'), (20, 't');
-> ok affected=1
-> warnings
Warning | 1062 | Duplicate entry '1' for key 't.PRIMARY'

INSERT IGNORE INTO t (id, name) VALUES (1, 'x'), (10, 'y'), (20, 'z');
-> ok affected=0
-> warnings
Warning | 1062 | Duplicate entry '1' for key 't.PRIMARY'
Warning | 1062 | Duplicate entry '10' for key 't.PRIMARY'
Warning | 1062 | Duplicate entry '20' for key 't.PRIMARY'

INSERT IGNORE INTO t (name) VALUES ('ig');
-> ok affected=1 insert_id=21

DELETE FROM t WHERE id = 21;
-> ok affected=1

INSERT INTO t (id, name) VALUES (30, 'new') ON DUPLICATE KEY UPDATE n = n + 1;
-> ok affected=1

INSERT INTO t (id, name) VALUES (30, 'new') ON DUPLICATE KEY UPDATE n = n + 1;
-> ok affected=2

INSERT INTO t (id, name) VALUES (30, 'new') ON DUPLICATE KEY UPDATE n = n;
-> ok affected=0

SELECT id, name, n FROM t WHERE id = 30;
-> rows
30 | new | 1

REPLACE INTO t (id, name) VALUES (40, 'r');
-> ok affected=1

REPLACE INTO t (id, name) VALUES (40, 's');
-> ok affected=2

SELECT name, n FROM t WHERE id = 40;
-> rows
s | 0

-- REPLACE deletes the old row: a column it does not name gets its default, not the old value
CREATE TABLE replaced (id INT PRIMARY KEY, name VARCHAR(10), n INT NOT NULL DEFAULT 0);
INSERT INTO replaced VALUES (1, 'a', 7);
REPLACE INTO replaced (id, name) VALUES (1, 'u');
-> ok affected=2

SELECT name, n FROM replaced;
-> rows
u | 0

REPLACE replaced SET id = 1, n = 3, name = 'v';
-> ok affected=2

REPLACE replaced VALUES (2, 'w', 4);
-> ok affected=1

SELECT id, name, n FROM replaced ORDER BY id;
-> rows
1 | v | 3
2 | w | 4

UPDATE t SET n = 5 WHERE id <= 3;
-> ok affected=3 insert_id=0

UPDATE t SET n = 5 WHERE id <= 4;
-> ok affected=1

-- rows already holding the new values are matched but not changed
UPDATE t SET n = 5, name = name WHERE id <= 4;
-> ok affected=0

-- a change of case is a change, though the column compares case-insensitively
UPDATE t SET name = 'A' WHERE id = 1;
-> ok affected=1

UPDATE t SET name = 'a' WHERE id = 1;
-> ok affected=1

UPDATE t SET n = n + 1 WHERE id > 1000;
-> ok affected=0

DELETE FROM t WHERE id IN (2, 3);
-> ok affected=2

DELETE FROM t WHERE name = 'nobody';
-> ok affected=0

SELECT id, name, n FROM t ORDER BY id;
-> rows
1 | a | 5
4 | d | 5
10 | j | 0
11 | k | 0
20 | t | 0
30 | new | 1
40 | s | 0

INSERT INTO t (name) VALUES ('after');
-> ok affected=1 insert_id=41

DELETE FROM t;
-> ok affected=8

INSERT INTO t (name) VALUES ('again');
-> ok affected=1 insert_id=42

SELECT LAST_INSERT_ID(100);
-> rows
100

SELECT LAST_INSERT_ID();
-> rows
100

SELECT LAST_INSERT_ID(NULL), LAST_INSERT_ID();
-> rows
NULL | 100

CREATE TABLE queue (id INT PRIMARY KEY, n INT NOT NULL);

INSERT INTO queue VALUES (1, 0), (2, 0), (3, 0), (4, 0);

UPDATE queue SET n = n + 1 ORDER BY id DESC LIMIT 2;
-> ok affected=2

SELECT id, n FROM queue ORDER BY id;
-> rows
1 | 0
2 | 0
3 | 1
4 | 1

DELETE FROM queue ORDER BY id LIMIT 1;
-> ok affected=1

SELECT id FROM queue ORDER BY id;
-> rows
2
3
4

-- LAST_INSERT_ID(expr) in an UPDATE: the OK carries the value, and LAST_INSERT_ID() returns it
UPDATE queue SET n = LAST_INSERT_ID(n + 10) WHERE id = 4;
-> ok affected=1 insert_id=11

SELECT LAST_INSERT_ID();
-> rows
11

UPDATE queue AS q SET n = 0 WHERE q.id > 1 ORDER BY q.id DESC LIMIT 1;
-> ok affected=1

DELETE FROM queue WHERE n > 0 ORDER BY id DESC LIMIT 5;
-> ok affected=1

SELECT id, n FROM queue ORDER BY id;
-> rows
2 | 0
4 | 0

DELETE FROM queue ORDER BY nope LIMIT 1;
-> error 1054 42S22 Unknown column 'nope' in 'order clause'

-- a table without AUTO_INCREMENT whose key is not a number: the INSERT succeeds and generates no id
CREATE TABLE keyed (code CHAR(10) PRIMARY KEY, v INT);

INSERT INTO keyed VALUES ('a', 1);
-> ok affected=1 insert_id=0

INSERT IGNORE INTO keyed VALUES ('a', 2), ('b', 3);
-> ok affected=1 insert_id=0

SELECT code, v FROM keyed ORDER BY code;
-> rows
a | 1
b | 3

-- MySQL 8's row alias instead of VALUES(col) in ON DUPLICATE KEY UPDATE, with and without column aliases
CREATE TABLE upserts (k VARCHAR(10) PRIMARY KEY, n INT);

INSERT INTO upserts (k, n) VALUES ('a', 1), ('b', 2) AS new ON DUPLICATE KEY UPDATE n = new.n;
-> ok affected=2

INSERT INTO upserts (k, n) VALUES ('a', 10), ('c', 3) AS new ON DUPLICATE KEY UPDATE n = upserts.n + new.n;
-> ok affected=3

INSERT INTO upserts (k, n) VALUES ('b', 7) AS r (kk, nn) ON DUPLICATE KEY UPDATE n = r.nn * 2;
-> ok affected=2

SELECT k, n FROM upserts ORDER BY k;
-> rows
a | 11
b | 14
c | 3

-- ROW_COUNT(): the affected rows of the statement before; -1 after a result set or an error, 0 after DDL
CREATE TABLE counted (id INT PRIMARY KEY, v INT);

INSERT INTO counted VALUES (1, 1), (2, 2), (3, 3);
-> ok affected=3

SELECT ROW_COUNT();
-> rows
3

SELECT ROW_COUNT();
-> rows
-1

UPDATE counted SET v = v + 10 WHERE id <= 2;
-> ok affected=2

SELECT ROW_COUNT(), v FROM counted WHERE id = 1;
-> rows
2 | 11

INSERT INTO counted VALUES (1, 1);
-> error 1062 23000 Duplicate entry '1' for key 'counted.PRIMARY'

SELECT ROW_COUNT();
-> rows
-1

DELETE FROM counted WHERE id > 9;
-> ok affected=0

SELECT ROW_COUNT();
-> rows
0

-- UPDATE applies its assignments from left to right
CREATE TABLE lr (id INT PRIMARY KEY, a INT, b INT);
INSERT INTO lr VALUES (1, 1, 10), (2, 2, 20);
-> ok affected=2

UPDATE lr SET a = a + 1, b = a * 100 WHERE id = 1;
-> ok affected=1

UPDATE lr SET a = 7, a = a + 1 WHERE id = 2;
-> ok affected=1

SELECT id, a, b FROM lr ORDER BY id;
-> rows
1 | 2 | 200
2 | 8 | 20

-- UPDATE IGNORE leaves a row that would duplicate a key as it was (1146 before: IGNORE was read as the table)
CREATE TABLE upd_ignore (id INT PRIMARY KEY, u INT, UNIQUE KEY uu (u));
-> ok affected=0

INSERT INTO upd_ignore VALUES (1, 1), (2, 2), (3, 3), (4, 4);
-> ok affected=4

UPDATE IGNORE upd_ignore SET u = u + 1 ORDER BY id;
-> ok affected=1
-> warnings
Warning | 1062 | Duplicate entry '2' for key 'upd_ignore.uu'
Warning | 1062 | Duplicate entry '3' for key 'upd_ignore.uu'
Warning | 1062 | Duplicate entry '4' for key 'upd_ignore.uu'

UPDATE LOW_PRIORITY IGNORE upd_ignore x SET x.u = 10 WHERE x.id > 2;
-> ok affected=1
-> warnings
Warning | 1062 | Duplicate entry '10' for key 'upd_ignore.uu'

SELECT id, u FROM upd_ignore ORDER BY id;
-> rows
1 | 1
2 | 2
3 | 10
4 | 5

-- the scheduling modifiers InnoDB ignores (1064 or 1146 before); DELAYED is converted with warning 3005
INSERT LOW_PRIORITY INTO upd_ignore VALUES (5, 50);
-> ok affected=1

INSERT HIGH_PRIORITY IGNORE INTO upd_ignore VALUES (5, 51);
-> ok affected=0
-> warnings
Warning | 1062 | Duplicate entry '5' for key 'upd_ignore.PRIMARY'

INSERT DELAYED INTO upd_ignore VALUES (6, 60);
-> ok affected=1
-> warnings
Warning | 3005 | INSERT DELAYED is no longer supported. The statement was converted to INSERT.

REPLACE LOW_PRIORITY INTO upd_ignore VALUES (6, 61);
-> ok affected=2

UPDATE LOW_PRIORITY upd_ignore SET u = 62 WHERE id = 6;
-> ok affected=1

DELETE LOW_PRIORITY QUICK IGNORE FROM upd_ignore WHERE id >= 5;
-> ok affected=2

-- VALUES(col) in ON DUPLICATE KEY UPDATE: deprecated in 8.4, 1287 for each use (the row alias form has none)
CREATE TABLE values_upserts (id INT PRIMARY KEY, n INT, m INT);
-> ok affected=0

INSERT INTO values_upserts VALUES (1, 1, 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n), m = VALUES(m);
-> ok affected=1
-> parse-warnings
Warning | 1287 | 'VALUES function' is deprecated and will be removed in a future release. Please use an alias (INSERT INTO ... VALUES (...) AS alias) and replace VALUES(col) in the ON DUPLICATE KEY UPDATE clause with alias.col instead
Warning | 1287 | 'VALUES function' is deprecated and will be removed in a future release. Please use an alias (INSERT INTO ... VALUES (...) AS alias) and replace VALUES(col) in the ON DUPLICATE KEY UPDATE clause with alias.col instead

INSERT INTO values_upserts VALUES (1, 5, 5) AS new ON DUPLICATE KEY UPDATE n = values_upserts.n + new.n;
-> ok affected=2
-> warnings

SELECT n, m FROM values_upserts;
-> rows
6 | 1
