-- Grouped queries under ONLY_FULL_GROUP_BY (8.4's default): decided from the statement, before any row is read, with
-- the functional dependencies MySQL derives (grouped columns, keys, equalities in WHERE and inner joins' ON). Without
-- the mode, a column that is not one value per group takes any row's value.
CREATE DATABASE grouping_rules;
USE grouping_rules;
CREATE TABLE g (id INT PRIMARY KEY, a INT, b VARCHAR(10), u INT NOT NULL, UNIQUE KEY (u));
INSERT INTO g VALUES (1, 1, 'x', 10), (2, 1, 'x', 20), (3, 2, 'z', 30);
CREATE TABLE h (hid INT PRIMARY KEY, gid INT, c INT);
INSERT INTO h VALUES (1, 1, 5), (2, 1, 6), (3, 3, 7);

-- refused even though every group has one value of b
SELECT a, b FROM g GROUP BY a;
-> error 1055 42000 Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'grouping_rules.g.b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by

SELECT a, COUNT(*) FROM g GROUP BY a ORDER BY b;
-> error 1055 42000 Expression #1 of ORDER BY clause is not in GROUP BY clause and contains nonaggregated column 'grouping_rules.g.b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by

SELECT b, COUNT(*) FROM g;
-> error 1140 42000 In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column 'grouping_rules.g.b'; this is incompatible with sql_mode=only_full_group_by

SELECT x.a, UPPER(x.b) FROM g AS x GROUP BY x.a;
-> error 1055 42000 Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'grouping_rules.x.b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by

SELECT b FROM g GROUP BY LOWER(b);
-> error 1055 42000 Expression #1 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'grouping_rules.g.b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by

-- functionally dependent: on the primary key, on a unique NOT NULL key, through a join's equality, on a constant
SELECT id, b FROM g GROUP BY id ORDER BY id;
-> rows
1 | x
2 | x
3 | z

SELECT u, b, a FROM g GROUP BY u ORDER BY u;
-> rows
10 | x | 1
20 | x | 1
30 | z | 2

SELECT g.id, g.b, COUNT(h.hid) FROM g JOIN h ON h.gid = g.id GROUP BY g.id ORDER BY g.id;
-> rows
1 | x | 2
3 | z | 1

SELECT h.gid, g.b, SUM(h.c) FROM g JOIN h ON h.gid = g.id GROUP BY h.gid ORDER BY h.gid;
-> rows
1 | x | 11
3 | z | 7

SELECT a, b FROM g WHERE b = 'x' GROUP BY a;
-> rows
1 | x

SELECT a, COUNT(*) FROM g WHERE id = 1;
-> rows
1 | 1

-- grouped expressions, aliases and positions; columns inside aggregates and subqueries
SELECT a + 1, COUNT(*) FROM g GROUP BY a + 1 ORDER BY a + 1;
-> rows
2 | 2
3 | 1

SELECT a AS k, MAX(b) FROM g GROUP BY k ORDER BY k;
-> rows
1 | x
2 | z

SELECT a, COUNT(*) AS n FROM g GROUP BY 1 ORDER BY n DESC, a;
-> rows
1 | 2
2 | 1

SELECT a, (SELECT MAX(c) FROM h WHERE h.gid = g.a) AS top FROM g GROUP BY a ORDER BY a;
-> rows
1 | 6
2 | NULL

-- without the mode: any row's value of the group (here every group has one)
SET sql_mode = '';
-> ok affected=0

SELECT a, b FROM g GROUP BY a ORDER BY a;
-> rows
1 | x
2 | z

SELECT a, COUNT(*) FROM g GROUP BY a ORDER BY b, a;
-> rows
1 | 2
2 | 1

SELECT b, COUNT(*) FROM g WHERE a = 1;
-> rows
x | 2

SELECT CONCAT(b, '!') AS shout FROM g GROUP BY a ORDER BY shout;
-> rows
x!
z!

-- HAVING: a select-list alias before a column of the same name that GROUP BY does not group by
SELECT b, SUM(a) + COUNT(*) AS a FROM g GROUP BY b HAVING a > 3;
-> rows
x | 4

SELECT a + 1 AS k, COUNT(*) FROM g GROUP BY k HAVING k = 3;
-> rows
3 | 1

SELECT a AS k, COUNT(*) AS n FROM g GROUP BY k HAVING n > 1 AND k < 5;
-> rows
1 | 2

-- DISTINCT with ORDER BY: a column the select list does not have is 3065
CREATE TABLE dord (a INT, b INT);
-> ok affected=0

INSERT INTO dord VALUES (1, 3), (2, 1), (1, 2);
-> ok affected=3

SELECT DISTINCT a FROM dord ORDER BY b;
-> error 3065 HY000 Expression #1 of ORDER BY clause is not in SELECT list, references column 'grouping_rules.dord.b' which is not in SELECT list; this is incompatible with DISTINCT

SELECT DISTINCT a + 1 FROM dord ORDER BY a;
-> error 3065 HY000 Expression #1 of ORDER BY clause is not in SELECT list, references column 'grouping_rules.dord.a' which is not in SELECT list; this is incompatible with DISTINCT

SELECT DISTINCT a FROM dord d ORDER BY a DESC, d.b;
-> error 3065 HY000 Expression #2 of ORDER BY clause is not in SELECT list, references column 'grouping_rules.d.b' which is not in SELECT list; this is incompatible with DISTINCT

SELECT DISTINCT a FROM dord ORDER BY a DESC;
-> rows
2
1

SELECT DISTINCT a + 1 AS x FROM dord ORDER BY a + 1, x, 1;
-> rows
2
3

SELECT DISTINCT a, b FROM dord ORDER BY a * 10 + b;
-> rows
1 | 2
1 | 3
2 | 1
