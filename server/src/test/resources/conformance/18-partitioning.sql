-- Partitioning: PARTITION BY RANGE, LIST, HASH and KEY [COLUMNS] with subpartitions, MySQL's checks of a definition,
-- 1526 for a row no partition takes, PARTITION (...) in SELECT, INSERT, UPDATE and DELETE, information_schema.PARTITIONS,
-- and ALTER TABLE's partition operations. The rows stay in one engine table (docs/architecture.md).
CREATE DATABASE parts;
USE parts;
CREATE TABLE sales (id INT NOT NULL, sold DATE NOT NULL, amount INT, PRIMARY KEY (id, sold))
  PARTITION BY RANGE (YEAR(sold)) (PARTITION p2022 VALUES LESS THAN (2023), PARTITION p2023 VALUES LESS THAN (2024),
  PARTITION p2024 VALUES LESS THAN (2025));
-> ok affected=0

INSERT INTO sales VALUES (1, '2022-05-01', 10), (2, '2023-01-31', 20), (3, '2023-12-31', 30), (4, '2024-07-04', 40);
-> ok affected=4

INSERT INTO sales VALUES (5, '2030-01-01', 50);
-> error 1526 HY000 Table has no partition for value 2030

SELECT id FROM sales PARTITION (p2023) ORDER BY id;
-> rows
2
3

SELECT s.id, s.amount FROM sales PARTITION (p2022, p2024) AS s ORDER BY s.id;
-> rows
1 | 10
4 | 40

SELECT PARTITION_NAME, PARTITION_ORDINAL_POSITION, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION, TABLE_ROWS
  FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'parts' AND TABLE_NAME = 'sales' ORDER BY 2;
-> rows
p2022 | 1 | RANGE | year(`sold`) | 2023 | 1
p2023 | 2 | RANGE | year(`sold`) | 2024 | 2
p2024 | 3 | RANGE | year(`sold`) | 2025 | 1

INSERT INTO sales PARTITION (p2022) VALUES (6, '2023-03-03', 60);
-> error 1748 HY000 Found a row not matching the given partition set

INSERT INTO sales PARTITION (p2022, p2023) VALUES (6, '2023-03-03', 60);
-> ok affected=1

UPDATE sales PARTITION (p2023) SET amount = amount + 1 WHERE amount > 25 OR id = 2;
-> ok affected=3

DELETE FROM sales PARTITION (p2024);
-> ok affected=1

SELECT id, amount FROM sales ORDER BY id;
-> rows
1 | 10
2 | 21
3 | 31
6 | 61

SELECT * FROM sales PARTITION (p1999);
-> error 1735 HY000 Unknown partition 'p1999' in table 'sales'

ALTER TABLE sales ADD PARTITION (PARTITION p2025 VALUES LESS THAN (2026));
-> ok affected=0

ALTER TABLE sales ADD PARTITION (PARTITION pold VALUES LESS THAN (2000));
-> error 1493 HY000 VALUES LESS THAN value must be strictly increasing for each partition

ALTER TABLE sales REORGANIZE PARTITION p2025 INTO (PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE);
-> ok affected=0

INSERT INTO sales VALUES (7, '2030-01-01', 70);
-> ok affected=1

ALTER TABLE sales TRUNCATE PARTITION pmax;
-> ok affected=0

ALTER TABLE sales DROP PARTITION p2022, p2023;
-> ok affected=0

SELECT COUNT(*) FROM sales;
-> rows
0

ALTER TABLE sales DROP PARTITION p2024, p2025, pmax;
-> error 1508 HY000 Cannot remove all partitions, use DROP TABLE instead

ALTER TABLE sales DROP PARTITION nope;
-> error 1507 HY000 Error in list of partitions to DROP

ALTER TABLE sales COALESCE PARTITION 1;
-> error 1509 HY000 COALESCE PARTITION can only be used on HASH/KEY partitions

ALTER TABLE sales DROP COLUMN sold;
-> error 3855 HY000 Column 'sold' has a partitioning function dependency and cannot be dropped or renamed.

ALTER TABLE sales REMOVE PARTITIONING;
-> ok affected=0

ALTER TABLE sales REMOVE PARTITIONING;
-> error 1505 HY000 Partition management on a not partitioned table is not possible

SELECT * FROM sales PARTITION (p2024);
-> error 1747 HY000 PARTITION () clause on non partitioned table

CREATE TABLE codes (c INT, label VARCHAR(10)) PARTITION BY LIST (c) (PARTITION odd VALUES IN (1, 3, 5),
  PARTITION even VALUES IN (2, 4, NULL));
-> ok affected=0

INSERT INTO codes VALUES (1, 'one'), (2, 'two'), (NULL, 'none');
-> ok affected=3

INSERT INTO codes VALUES (7, 'seven');
-> error 1526 HY000 Table has no partition for value 7

SELECT label FROM codes PARTITION (even) ORDER BY label;
-> rows
none
two

CREATE TABLE regions (r CHAR(2), n INT) PARTITION BY LIST COLUMNS (r) (PARTITION eu VALUES IN ('de', 'fr'), PARTITION us VALUES IN ('us'));
-> ok affected=0

INSERT INTO regions VALUES ('jp', 1);
-> error 1526 HY000 Table has no partition for value from column_list

-- a text value is kept as written; a binary column's values are bytes
CREATE TABLE cities (city VARCHAR(10), code VARBINARY(4)) PARTITION BY LIST COLUMNS (city, code) (PARTITION asia VALUES IN (('Tokyo', X'FF00'), ('Tianjin', 'a')));
-> ok affected=0

INSERT INTO cities VALUES ('Tokyo', X'FF00'), ('Tianjin', 'a');
-> ok affected=2

INSERT INTO cities VALUES ('Tokyo', X'FF01');
-> error 1526 HY000 Table has no partition for value from column_list

SELECT PARTITION_DESCRIPTION, TABLE_ROWS FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'parts' AND TABLE_NAME = 'cities';
-> rows
('Tokyo',X'FF00'),('Tianjin',X'61') | 2

CREATE TABLE hashed (a INT NOT NULL, b INT, PRIMARY KEY (a)) PARTITION BY HASH (a) PARTITIONS 4;
-> ok affected=0

INSERT INTO hashed VALUES (1, 1), (2, 2), (5, 5), (-7, 7), (8, 8);
-> ok affected=5

SELECT PARTITION_NAME, TABLE_ROWS FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'parts' AND TABLE_NAME = 'hashed' ORDER BY 1;
-> rows
p0 | 1
p1 | 2
p2 | 1
p3 | 1

ALTER TABLE hashed COALESCE PARTITION 2;
-> ok affected=0

SELECT a FROM hashed PARTITION (p1) ORDER BY a;
-> rows
-7
1
5

ALTER TABLE hashed COALESCE PARTITION 2;
-> error 1508 HY000 Cannot remove all partitions, use DROP TABLE instead

ALTER TABLE hashed DROP PARTITION p0;
-> error 1512 HY000 DROP PARTITION can only be used on RANGE/LIST partitions

SELECT TABLE_NAME, PARTITION_NAME, TABLE_ROWS FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'parts' AND TABLE_NAME = 'sales';
-> rows
sales | NULL | 0

CREATE TABLE bad (a INT, b INT, PRIMARY KEY (a)) PARTITION BY HASH (b);
-> error 1503 HY000 A PRIMARY KEY must include all columns in the table's partitioning function (prefixed columns are not considered).

CREATE TABLE bad (a INT, b INT, UNIQUE KEY (a)) PARTITION BY KEY (b);
-> error 1503 HY000 A UNIQUE INDEX must include all columns in the table's partitioning function (prefixed columns are not considered).

CREATE TABLE bad (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (5));
-> error 1493 HY000 VALUES LESS THAN value must be strictly increasing for each partition

CREATE TABLE bad (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN MAXVALUE, PARTITION p1 VALUES LESS THAN (5));
-> error 1481 HY000 MAXVALUE can only be used in last partition definition

CREATE TABLE bad (a INT) PARTITION BY LIST (a) (PARTITION p0 VALUES IN (1, 2), PARTITION p1 VALUES IN (2));
-> error 1495 HY000 Multiple definition of same constant in list partitioning

CREATE TABLE bad (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES IN (1));
-> error 1480 HY000 Only LIST PARTITIONING can use VALUES IN in partition definition

CREATE TABLE bad (a INT) PARTITION BY LIST (a) (PARTITION p0);
-> error 1479 HY000 Syntax error: LIST PARTITIONING requires definition of VALUES IN for each partition

CREATE TABLE bad (a INT) PARTITION BY RANGE (a);
-> error 1492 HY000 For RANGE partitions each partition must be defined

CREATE TABLE bad (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (1), PARTITION P0 VALUES LESS THAN (2));
-> error 1517 HY000 Duplicate partition name P0

CREATE TABLE bad (a VARCHAR(10)) PARTITION BY HASH (a);
-> error 1659 HY000 Field 'a' is of a not allowed type for this type of partitioning

CREATE TABLE bad (a INT) PARTITION BY HASH (a / 2);
-> error 1564 HY000 This partition function is not allowed

CREATE TABLE bad (a INT) PARTITION BY HASH (nope);
-> error 1054 42S22 Unknown column 'nope' in 'partition function'

CREATE TABLE bad (a INT) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (1.5));
-> error 1697 HY000 VALUES value for partition 'p0' must have type INT

CREATE TABLE bad (a INT) PARTITION BY HASH (a) PARTITIONS 0;
-> error 1504 HY000 Number of partitions = 0 is not an allowed value

CREATE TEMPORARY TABLE bad (a INT) PARTITION BY HASH (a);
-> error 1562 HY000 Cannot create temporary table with partitions

CREATE TABLE bad (a INT) PARTITION BY HASH (a) SUBPARTITION BY HASH (a) SUBPARTITIONS 2;
-> error 1500 HY000 It is only possible to mix RANGE/LIST partitioning with HASH/KEY partitioning for subpartitioning

SHOW TABLES LIKE 'bad';
-> rows

DROP DATABASE parts;
-> ok affected=5
