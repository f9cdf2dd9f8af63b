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

INSERT INTO t (id, name) VALUES (1, 'x');
-> error 1062 23000 Duplicate entry '1' for key 't.PRIMARY'

INSERT IGNORE INTO t (id, name) VALUES (1, 'x'), (20, 't');
-> ok affected=1
-> warnings
Warning | 1062 | Duplicate entry '1' for key 't.PRIMARY'

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

UPDATE t SET n = 5 WHERE id <= 3;
-> ok affected=3

UPDATE t SET n = 5 WHERE id <= 4;
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

UPDATE t SET n = n + 1 ORDER BY id DESC LIMIT 2;
-> ok affected=2

DELETE FROM t ORDER BY id LIMIT 1;
-> ok affected=1

SELECT id, n FROM t ORDER BY id;
-> rows
4 | 5
10 | 0
11 | 0
20 | 0
30 | 2
40 | 1

INSERT INTO t (name) VALUES ('after');
-> ok affected=1 insert_id=41

DELETE FROM t;
-> ok affected=7

INSERT INTO t (name) VALUES ('again');
-> ok affected=1 insert_id=42

SELECT LAST_INSERT_ID(100);
-> rows
100

SELECT LAST_INSERT_ID();
-> rows
100
