-- Text SELECTs of one shape share an engine statement (literals compared with a column become typed parameters):
-- each run must see its own values, the current database, and the table as it is now.

CREATE DATABASE conf;
USE conf;

CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(10), big BIGINT, note CHAR(5));

INSERT INTO t VALUES (1, 'a', 5000000000, 'x'), (2, 'B', 7, 'y'), (3, '05', 3000000000, NULL);
-> ok affected=3

SELECT id FROM t WHERE id = 1;
-> rows
1

SELECT id FROM t WHERE id = 2;
-> rows
2

SELECT id FROM t WHERE id = 4;
-> rows

SELECT id, code FROM t WHERE code = 'b';
-> rows
2 | B

SELECT id FROM t WHERE code = 'A' AND id >= 1 ORDER BY id;
-> rows
1

SELECT id FROM t WHERE big > 4000000000 ORDER BY id;
-> rows
1

SELECT id FROM t WHERE big > 4 ORDER BY id;
-> rows
1
2
3

SELECT id FROM t WHERE code = 5;
-> rows
3

SELECT id FROM t WHERE id = '2';
-> rows
2

SELECT id FROM t WHERE note = 'y';
-> rows
2

SELECT id FROM t WHERE t.id <> 1 ORDER BY id LIMIT 1;
-> rows
2

ALTER TABLE t ADD COLUMN extra INT DEFAULT 9;
-> ok affected=0

SELECT * FROM t WHERE id = 1;
-> rows
1 | a | 5000000000 | x | 9

CREATE DATABASE conf_other;
CREATE TABLE conf_other.t (id INT PRIMARY KEY, code VARCHAR(10), big BIGINT, note CHAR(5), extra INT);
INSERT INTO conf_other.t VALUES (1, 'other', 0, 'o', 0);
-> ok affected=1

USE conf_other;

SELECT * FROM t WHERE id = 1;
-> rows
1 | other | 0 | o | 0

USE conf;

SELECT * FROM t WHERE id = 1;
-> rows
1 | a | 5000000000 | x | 9

DROP TABLE t;

SELECT * FROM t WHERE id = 1;
-> error 1146 42S02 Table 'conf.t' doesn't exist

DROP DATABASE conf_other;
