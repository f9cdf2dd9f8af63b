-- EXPLAIN answers with MySQL's table of accesses (the engine's plan read in MySQL's terms), never with the engine's
-- plan text. The rows estimates are the engine's, so only the accesses whose estimate MySQL also fixes are here.
CREATE DATABASE conf_explain;
USE conf_explain;
CREATE TABLE items (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL, qty SMALLINT, UNIQUE KEY by_code (code));

INSERT INTO items VALUES (1, 'a', 5), (2, 'b', 7);
-> ok affected=2

EXPLAIN SELECT * FROM items WHERE id = 1;
-> rows
1 | SIMPLE | items | NULL | const | PRIMARY | PRIMARY | 4 | const | 1 | 100.00 | NULL

EXPLAIN SELECT qty FROM items WHERE code = 'b';
-> rows
1 | SIMPLE | items | NULL | const | by_code | by_code | 42 | const | 1 | 100.00 | NULL

EXPLAIN SELECT 1 + 1;
-> rows
1 | SIMPLE | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | No tables used

EXPLAIN FORMAT = TRADITIONAL UPDATE items SET qty = 0 WHERE id = 2;
-> rows
1 | UPDATE | items | NULL | const | PRIMARY | PRIMARY | 4 | const | 1 | 100.00 | NULL

EXPLAIN FORMAT = XML SELECT 1;
-> error 1791 HY000 Unknown EXPLAIN format name: 'XML'

EXPLAIN SELECT * FROM missing;
-> error 1146 42S02 Table 'conf_explain.missing' doesn't exist

-- EXPLAIN runs nothing
SELECT qty FROM items WHERE id = 2;
-> rows
7

EXPLAIN CREATE TABLE t2 (a INT);
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'CREATE TABLE t2 (a INT)' at line 1
