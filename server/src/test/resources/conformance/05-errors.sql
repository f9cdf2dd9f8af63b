-- sql_mode of 8.4 (strict): MySQL's error numbers, SQLSTATEs and texts; unknown objects; syntax errors.

CREATE DATABASE conf;
USE conf;

CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(3) NOT NULL, n INT, u TINYINT, d DECIMAL(5,2), dt DATETIME,
  UNIQUE KEY uk (c));

INSERT INTO t (id, c) VALUES (1, 'a');
-> ok affected=1

INSERT INTO t (id, c) VALUES (1, 'b');
-> error 1062 23000 Duplicate entry '1' for key 't.PRIMARY'

INSERT INTO t (id, c) VALUES (2, 'a');
-> error 1062 23000 Duplicate entry 'a' for key 't.uk'

INSERT INTO t (id, c) VALUES (2, NULL);
-> error 1048 23000 Column 'c' cannot be null

UPDATE t SET c = NULL WHERE id = 1;
-> error 1048 23000 Column 'c' cannot be null

INSERT INTO t (id, c) VALUES (2, 'abcd');
-> error 1406 22001 Data too long for column 'c' at row 1

INSERT INTO t (id, c, n) VALUES (2, 'b', 'abc');
-> error 1366 HY000 Incorrect integer value: 'abc' for column 'n' at row 1

INSERT INTO t (id, c, d) VALUES (2, 'b', 'abc');
-> error 1366 HY000 Incorrect decimal value: 'abc' for column 'd' at row 1

INSERT INTO t (id, c, u) VALUES (2, 'b', 128);
-> error 1264 22003 Out of range value for column 'u' at row 1

INSERT INTO t (id, c, d) VALUES (2, 'b', 12345);
-> error 1264 22003 Out of range value for column 'd' at row 1

INSERT INTO t (id, c, dt) VALUES (2, 'b', 'abc');
-> error 1292 22007 Incorrect datetime value: 'abc' for column 'dt' at row 1

INSERT INTO t (id, c) VALUES (2, 'b'), (3, 'abcd');
-> error 1406 22001 Data too long for column 'c' at row 2

SELECT id, c FROM t;
-> rows
1 | a

SELECT x FROM t;
-> error 1054 42S22 Unknown column 'x' in 'field list'

SELECT t.x FROM t;
-> error 1054 42S22 Unknown column 't.x' in 'field list'

SELECT id FROM t WHERE x = 1;
-> error 1054 42S22 Unknown column 'x' in 'where clause'

SELECT id FROM t ORDER BY x;
-> error 1054 42S22 Unknown column 'x' in 'order clause'

UPDATE t SET x = 1;
-> error 1054 42S22 Unknown column 'x' in 'field list'

INSERT INTO t (x) VALUES (1);
-> error 1054 42S22 Unknown column 'x' in 'field list'

SELECT * FROM nope;
-> error 1146 42S02 Table 'conf.nope' doesn't exist

INSERT INTO nope VALUES (1);
-> error 1146 42S02 Table 'conf.nope' doesn't exist

SELECT * FROM nodb.nope;
-> error 1146 42S02 Table 'nodb.nope' doesn't exist

USE nodb;
-> error 1049 42000 Unknown database 'nodb'

SELEC 1;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1

SELECT 1 FROM t WHERE;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

SELECT id,
  c FROM t
  WHERE id = = 1;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '= 1' at line 3

SELECT nofunc(1);
-> error 1305 42000 FUNCTION conf.nofunc does not exist

SELECT id FROM t AS a JOIN t AS b ON a.id = b.id;
-> error 1052 23000 Column 'id' in field list is ambiguous

-- a SELECT with nothing to select is a syntax error (the engine returned a result of no columns)
SELECT ;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

SELECT FROM t;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'FROM t' at line 1

-- removed in MySQL 8.3 (1235 "not yet supported" before)
FLUSH HOSTS;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'HOSTS' at line 1

-- errors the engine words its own way
USE conf;
-> ok affected=0

INSERT INTO t VALUES (1, 'a');
-> error 1136 21S01 Column count doesn't match value count at row 1

INSERT INTO t (id, c) VALUES (1, 'a'), (2, 'b', 3);
-> error 1136 21S01 Column count doesn't match value count at row 2

SELECT 1 UNION SELECT 1, 2;
-> error 1222 21000 The used SELECT statements have a different number of columns

SELECT (SELECT id FROM t UNION SELECT 2);
-> error 1242 21000 Subquery returns more than 1 row

SELECT SUM(SUM(id)) FROM t;
-> error 1111 HY000 Invalid use of group function

INSERT INTO t (id) VALUES (7);
-> error 1364 HY000 Field 'c' doesn't have a default value

INSERT INTO t (id, c) VALUES (7, NULL);
-> error 1048 23000 Column 'c' cannot be null

CREATE INDEX nope ON t (nosuch);
-> error 1072 42000 Key column 'nosuch' doesn't exist in table

ALTER TABLE t ADD PRIMARY KEY (n);
-> error 1068 42000 Multiple primary key defined

SELECT id FROM t ORDER BY 5;
-> error 1054 42S22 Unknown column '5' in 'order clause'

SELECT id FROM t GROUP BY 7;
-> error 1054 42S22 Unknown column '7' in 'group statement'
