-- SELECT: joins, GROUP BY / HAVING, ORDER BY, LIMIT/OFFSET, subqueries, UNION.

CREATE DATABASE conf;
USE conf;

CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), city VARCHAR(20));
CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT, amount DECIMAL(8,2), KEY (customer_id));

INSERT INTO customers VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', 'Rome'), (3, 'Cid', 'Oslo'), (4, 'Dee', NULL);
-> ok affected=4

INSERT INTO orders (customer_id, amount) VALUES (1, 10.50), (1, 20.00), (2, 5.25), (3, 100.00), (9, 1.00);
-> ok affected=5 insert_id=1

SELECT c.name, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id;
-> rows
Ann | 10.50
Ann | 20.00
Bob | 5.25
Cid | 100.00

SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;
-> rows
Dee | NULL

SELECT o.id, c.name FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id ORDER BY o.id DESC LIMIT 1;
-> rows
5 | NULL

SELECT COUNT(*) FROM customers CROSS JOIN orders;
-> rows
20

SELECT c.name, COUNT(o.id) AS n, SUM(o.amount) AS total FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id, c.name ORDER BY total DESC;
-> rows
Cid | 1 | 100.00
Ann | 2 | 30.50
Bob | 1 | 5.25
Dee | 0 | NULL

SELECT city, COUNT(*) FROM customers GROUP BY city HAVING COUNT(*) > 1;
-> rows
Oslo | 2

SELECT id, UPPER(name) AS shout, CONCAT(name, ', ', city) AS label FROM customers
  HAVING shout = 'BOB' OR label = 'Ann, Oslo' ORDER BY id;
-> rows
1 | ANN | Ann, Oslo
2 | BOB | Bob, Rome

SELECT city, COUNT(*) FROM customers GROUP BY city ORDER BY city;
-> rows
NULL | 1
Oslo | 2
Rome | 1

SELECT AVG(amount), MIN(amount), MAX(amount) FROM orders;
-> rows
27.350000 | 1.00 | 100.00
-> deviation AVG of DECIMAL has the engine's scale

SELECT id FROM orders ORDER BY id LIMIT 2;
-> rows
1
2

SELECT id FROM orders ORDER BY id LIMIT 2 OFFSET 3;
-> rows
4
5

SELECT id FROM orders ORDER BY id LIMIT 1, 2;
-> rows
2
3

SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE amount > 10) ORDER BY name;
-> rows
Ann
Cid

SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount < 10);
-> rows
Bob

SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c ORDER BY id;
-> rows
Ann | 2
Bob | 1
Cid | 1
Dee | 0

SELECT t.city, t.n FROM (SELECT city, COUNT(*) AS n FROM customers GROUP BY city) AS t WHERE t.city = 'Rome';
-> rows
Rome | 1

SELECT name FROM customers WHERE city = 'Oslo' UNION SELECT name FROM customers WHERE id = 1 ORDER BY name;
-> rows
Ann
Cid

SELECT name FROM customers WHERE city = 'Oslo' UNION ALL SELECT name FROM customers WHERE id = 1 ORDER BY name;
-> rows
Ann
Ann
Cid

SELECT DISTINCT city FROM customers WHERE city IS NOT NULL ORDER BY city DESC;
-> rows
Rome
Oslo

SELECT name FROM customers ORDER BY city, name DESC;
-> rows
Dee
Cid
Ann
Bob

SELECT GROUP_CONCAT(name ORDER BY name SEPARATOR ',') FROM customers WHERE city = 'Oslo';
-> rows
Ann,Cid

UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.amount = o.amount + 1 WHERE c.city = 'Rome';
-> ok affected=1

SELECT amount FROM orders WHERE customer_id = 2;
-> rows
6.25

DELETE o FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL;
-> ok affected=1

SELECT COUNT(*) FROM orders;
-> rows
4

UPDATE customers c, orders o SET c.name = UPPER(c.name), o.amount = 0 WHERE o.customer_id = c.id AND c.city = 'Oslo';
-> ok affected=5

SELECT c.name, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id;
-> rows
ANN | 0.00
ANN | 0.00
Bob | 6.25
CID | 0.00

-- a row matched twice is changed once; rows that keep their values are not counted
UPDATE customers c JOIN orders o ON o.customer_id = c.id SET c.city = 'Oslo' WHERE c.city = 'Oslo';
-> ok affected=0

UPDATE customers c JOIN orders o ON o.customer_id = c.id SET o.amount = 1, c.id = 3 WHERE c.id = 1;
-> error 1062 23000 Duplicate entry '3' for key 'customers.PRIMARY'

SELECT id, amount FROM orders ORDER BY id;
-> rows
1 | 0.00
2 | 0.00
3 | 6.25
4 | 0.00

UPDATE customers c JOIN orders o ON o.customer_id = c.id SET id = 1;
-> error 1052 23000 Column 'id' in field list is ambiguous

UPDATE customers c JOIN orders o ON o.customer_id = c.id SET c.nope = 1;
-> error 1054 42S22 Unknown column 'c.nope' in 'field list'

UPDATE customers c JOIN orders o ON o.customer_id = c.id SET c.name = 'x' LIMIT 1;
-> error 1221 HY000 Incorrect usage of UPDATE and LIMIT

DELETE x FROM orders o JOIN customers c ON c.id = o.customer_id;
-> error 1109 42S02 Unknown table 'x' in MULTI DELETE

DELETE o FROM orders o JOIN missing m ON m.id = o.id;
-> error 1146 42S02 Table 'conf.missing' doesn't exist

DELETE FROM o, c USING orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = 'Bob';
-> ok affected=2

SELECT id, name FROM customers ORDER BY id;
-> rows
1 | ANN
3 | CID
4 | Dee

DELETE c FROM customers c WHERE c.city IS NULL;
-> ok affected=1

UPDATE customers c JOIN orders o ON o.customer_id = c.id SET c.name = CONCAT(c.name, '!'), o.amount = DEFAULT
  WHERE c.id = 3;
-> ok affected=2

SELECT c.name, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = 3;
-> rows
CID! | NULL

-- SQL_CALC_FOUND_ROWS and FOUND_ROWS(): the rows without LIMIT, or the rows of the last SELECT; both deprecated (1287)
CREATE TABLE found (id INT PRIMARY KEY, g INT);
INSERT INTO found VALUES (1, 1), (2, 1), (3, 2), (4, 2), (5, 2);
-> ok affected=5

SELECT SQL_CALC_FOUND_ROWS id FROM found WHERE g = 2 ORDER BY id LIMIT 2;
-> rows
3
4
-> warnings
Warning | 1287 | SQL_CALC_FOUND_ROWS is deprecated and will be removed in a future release. Consider using two separate queries instead.

SELECT FOUND_ROWS();
-> rows
3
-> warnings
Warning | 1287 | FOUND_ROWS() is deprecated and will be removed in a future release. Consider using COUNT(*) instead.

SELECT id FROM found ORDER BY id LIMIT 4;
-> rows
1
2
3
4

SELECT FOUND_ROWS();
-> rows
4
-> warnings
Warning | 1287 | FOUND_ROWS() is deprecated and will be removed in a future release. Consider using COUNT(*) instead.

-- recursive common table expressions stop at cte_max_recursion_depth (3636), whatever their shape
WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT SUM(n), COUNT(*) FROM c;
-> rows
15 | 5

WITH RECURSIVE fib (n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib x WHERE x.n < 10) SELECT n, a, b FROM fib WHERE n = 10;
-> rows
10 | 34 | 55

WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT COUNT(*) FROM c;
-> error 3636 HY000 Recursive query aborted after 1001 iterations. Try increasing @@cte_max_recursion_depth to a larger value.

SET SESSION cte_max_recursion_depth = 10;
-> ok affected=0

WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT c.n + 1 FROM c WHERE c.n < 100) SELECT COUNT(*) FROM c;
-> error 3636 HY000 Recursive query aborted after 11 iterations. Try increasing @@cte_max_recursion_depth to a larger value.

WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT COUNT(*) FROM c;
-> rows
10

SET SESSION cte_max_recursion_depth = DEFAULT;
-> ok affected=0

-- DO evaluates its expressions and returns no rows
DO 1 + 1, SLEEP(0);
-> ok affected=0

-- GROUP BY a name that is both a select-list alias and a column groups by the column (MySQL looks in FROM first)
CREATE TABLE grouped (a INT, b INT);
INSERT INTO grouped VALUES (1, 10), (1, 20), (2, 10);
SELECT b * 10 AS b, COUNT(*) FROM grouped GROUP BY b ORDER BY 1;
-> rows
100 | 2
200 | 1

SELECT a + 1 AS x, COUNT(*) FROM grouped GROUP BY x ORDER BY 1;
-> rows
2 | 2
3 | 1

-- SELECT ... INTO user variables
SELECT COUNT(*), MAX(b) INTO @count, @max FROM grouped;
-> ok affected=1

SELECT @count, @max;
-> rows
3 | 20

SELECT a FROM grouped WHERE a > 5 INTO @none;
-> ok affected=0

SELECT a INTO @many FROM grouped;
-> error 1172 42000 Result consisted of more than one row
SELECT 1, 2 INTO @one;
-> error 1222 21000 The used SELECT statements have a different number of columns

-- SELECT's planner modifiers and STRAIGHT_JOIN between tables change nothing but the plan; DISTINCTROW is DISTINCT
CREATE TABLE pairs (a INT, b INT);
-> ok affected=0

INSERT INTO pairs VALUES (1, 1), (1, 1), (1, 2), (NULL, 1), (2, NULL), (2, 3);
-> ok affected=6

SELECT HIGH_PRIORITY SQL_SMALL_RESULT COUNT(*) FROM pairs;
-> rows
6

SELECT SQL_BIG_RESULT DISTINCTROW SQL_BUFFER_RESULT a FROM pairs WHERE a IS NOT NULL ORDER BY a;
-> rows
1
2

SELECT STRAIGHT_JOIN COUNT(*) FROM pairs p1 STRAIGHT_JOIN pairs p2 ON p1.a = p2.b;
-> rows
11

-- COUNT(DISTINCT a, b): the distinct combinations without a NULL
SELECT COUNT(DISTINCT a, b), COUNT(DISTINCT a), COUNT(DISTINCT a, b + 1) FROM pairs;
-> rows
3 | 2 | 3

SELECT a, COUNT(DISTINCT a, b) FROM pairs GROUP BY a ORDER BY a;
-> rows
NULL | 0
1 | 2
2 | 1

-- each table of a query block has a name of its own: 1066 for two
SELECT * FROM customers JOIN customers;
-> error 1066 42000 Not unique table/alias: 'customers'

SELECT * FROM customers c, orders c;
-> error 1066 42000 Not unique table/alias: 'c'

SELECT * FROM customers, (SELECT 1 AS one) customers;
-> error 1066 42000 Not unique table/alias: 'customers'

UPDATE customers JOIN customers SET customers.name = 'x';
-> error 1066 42000 Not unique table/alias: 'customers'

SELECT * FROM customers JOIN conf.customers;
-> error 1066 42000 Not unique table/alias: 'customers'

SELECT * FROM conf.customers, customers;
-> error 1066 42000 Not unique table/alias: 'customers'

SELECT COUNT(*) > 0 FROM customers JOIN mysql.user;
-> rows
1

SELECT c.x FROM (SELECT 1 AS x) c WHERE EXISTS (SELECT 1 FROM (SELECT 2 AS y) c);
-> rows
1
