-- GROUP BY ... WITH ROLLUP: super-aggregate rows after the rows they sum up, GROUPING(), HAVING, ORDER BY, LIMIT.
CREATE DATABASE rollups;
USE rollups;
CREATE TABLE sales (y INT, c VARCHAR(5), p VARCHAR(5), amt INT);

INSERT INTO sales VALUES (2000, 'FI', 'Phone', 100), (2000, 'FI', 'PC', 1500), (2000, 'IN', 'PC', 1200), (2001, 'US', 'PC', 1500), (2001, 'FI', 'Phone', 10), (2001, 'US', 'TV', 150);
-> ok affected=6

SELECT y, c, SUM(amt) FROM sales GROUP BY y, c WITH ROLLUP;
-> rows
2000 | FI | 1600
2000 | IN | 1200
2000 | NULL | 2800
2001 | FI | 10
2001 | US | 1650
2001 | NULL | 1660
NULL | NULL | 4460

SELECT y, sales.c, SUM(amt) AS s, GROUPING(y), GROUPING(c), GROUPING(y, c) FROM sales GROUP BY y, c WITH ROLLUP;
-> rows
2000 | FI | 1600 | 0 | 0 | 0
2000 | IN | 1200 | 0 | 0 | 0
2000 | NULL | 2800 | 0 | 1 | 1
2001 | FI | 10 | 0 | 0 | 0
2001 | US | 1650 | 0 | 0 | 0
2001 | NULL | 1660 | 0 | 1 | 1
NULL | NULL | 4460 | 1 | 1 | 3

SELECT y, c, SUM(amt) s FROM sales GROUP BY y, c WITH ROLLUP HAVING s > 1000 ORDER BY s DESC LIMIT 4;
-> rows
NULL | NULL | 4460
2000 | NULL | 2800
2001 | NULL | 1660
2001 | US | 1650

SELECT y AS yr, COUNT(*) FROM sales WHERE amt > 50 GROUP BY yr WITH ROLLUP;
-> rows
2000 | 3
2001 | 2
NULL | 5

-- no rows, no super-aggregate row either
SELECT SUM(amt) FROM sales WHERE amt < 0 GROUP BY y WITH ROLLUP;
-> rows

-- an expression of a rolled-up column is NULL in its super-aggregate row; inside an aggregate the column is the rows'
SELECT CONCAT(c, '!'), SUM(amt), MAX(c) FROM sales GROUP BY c WITH ROLLUP;
-> rows
FI! | 1610 | FI
IN! | 1200 | IN
US! | 1650 | US
NULL | 4460 | US

SELECT y, SUM(amt) FROM sales GROUP BY y WITH ROLLUP ORDER BY y DESC;
-> rows
2001 | 1660
2000 | 2800
NULL | 4460

SELECT y, p, COUNT(*) FROM sales GROUP BY 1, 2 WITH ROLLUP LIMIT 3;
-> rows
2000 | PC | 2
2000 | Phone | 1
2000 | NULL | 3
