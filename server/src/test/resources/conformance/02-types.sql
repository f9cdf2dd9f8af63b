-- CREATE TABLE with MySQL's types; values come back as MySQL prints them.

CREATE DATABASE conf;
USE conf;

CREATE TABLE ints (ti TINYINT, si SMALLINT, mi MEDIUMINT, i INT, bi BIGINT);
-> ok affected=0

INSERT INTO ints VALUES (-128, -32768, -8388608, -2147483648, -9223372036854775808),
  (127, 32767, 8388607, 2147483647, 9223372036854775807);
-> ok affected=2

SELECT * FROM ints ORDER BY ti;
-> rows
-128 | -32768 | -8388608 | -2147483648 | -9223372036854775808
127 | 32767 | 8388607 | 2147483647 | 9223372036854775807

CREATE TABLE unsigned_ints (ti TINYINT UNSIGNED, si SMALLINT UNSIGNED, i INT UNSIGNED, bi BIGINT UNSIGNED);

INSERT INTO unsigned_ints VALUES (255, 65535, 4294967295, 18446744073709551615);
-> ok affected=1

SELECT * FROM unsigned_ints;
-> rows
255 | 65535 | 4294967295 | 18446744073709551615

INSERT INTO unsigned_ints (ti) VALUES (-1);
-> error 1264 22003 Out of range value for column 'ti' at row 1

INSERT INTO unsigned_ints (ti) VALUES (256);
-> error 1264 22003 Out of range value for column 'ti' at row 1

INSERT INTO unsigned_ints (si, i) VALUES (1, 2), (3, 4294967296);
-> error 1264 22003 Out of range value for column 'i' at row 2

INSERT INTO unsigned_ints VALUES (0, 0, 0, 18446744073709551616);
-> error 1264 22003 Out of range value for column 'bi' at row 1

INSERT INTO unsigned_ints VALUES (0, 0, 0, -1);
-> error 1264 22003 Out of range value for column 'bi' at row 1

INSERT INTO unsigned_ints (si) VALUES ('-5');
-> error 1264 22003 Out of range value for column 'si' at row 1

INSERT INTO unsigned_ints (ti) VALUES ('abc');
-> error 1366 HY000 Incorrect integer value: 'abc' for column 'ti' at row 1

UPDATE unsigned_ints SET si = 65536;
-> error 1264 22003 Out of range value for column 'si' at row 1

INSERT INTO unsigned_ints VALUES (0, 0, 0, 0);
-> ok affected=1

SELECT ti, si, i, bi FROM unsigned_ints ORDER BY bi;
-> rows
0 | 0 | 0 | 0
255 | 65535 | 4294967295 | 18446744073709551615

CREATE TABLE unsigned_ids (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, m MEDIUMINT UNSIGNED,
  z INT(5) UNSIGNED ZEROFILL, big BIGINT UNSIGNED NOT NULL DEFAULT '0');

INSERT INTO unsigned_ids (m) VALUES (16777215), (0);
-> ok affected=2 insert_id=1

INSERT INTO unsigned_ids (m) VALUES (16777216);
-> error 1264 22003 Out of range value for column 'm' at row 1

INSERT INTO unsigned_ids (z) VALUES (-3);
-> error 1264 22003 Out of range value for column 'z' at row 1

SELECT id, m, big FROM unsigned_ids ORDER BY id;
-> rows
1 | 16777215 | 0
2 | 0 | 0

SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'unsigned_ids' ORDER BY ORDINAL_POSITION;
-> rows
id | int | int unsigned | 10
m | mediumint | mediumint unsigned | 8
z | int | int(5) unsigned zerofill | 10
big | bigint | bigint unsigned | 20

ALTER TABLE unsigned_ids MODIFY m SMALLINT UNSIGNED;
-> error 1264 22003 Out of range value for column 'm' at row 1

SELECT m FROM unsigned_ids ORDER BY id;
-> rows
16777215
0

ALTER TABLE unsigned_ids ADD COLUMN t TINYINT UNSIGNED NOT NULL DEFAULT 7;

INSERT INTO unsigned_ids (t) VALUES (300);
-> error 1264 22003 Out of range value for column 't' at row 1

SELECT id, t FROM unsigned_ids ORDER BY id;
-> rows
1 | 7
2 | 7

CREATE TABLE nums (d DECIMAL(7,2), f FLOAT, db DOUBLE);

INSERT INTO nums VALUES (12345.67, 1.5, 2.25), (-1, -0.5, 1e10), (0.1, 0, -2.5);
-> ok affected=3

SELECT d, f, db FROM nums ORDER BY d;
-> rows
-1.00 | -0.5 | 10000000000
0.10 | 0 | -2.5
12345.67 | 1.5 | 2.25

SELECT d * 2, d + 0.005 FROM nums WHERE d > 100;
-> rows
24691.34 | 12345.675

CREATE TABLE strs (c CHAR(4), v VARCHAR(10), t TEXT, tt TINYTEXT, mt MEDIUMTEXT, lt LONGTEXT, b BLOB, vb VARBINARY(8));

INSERT INTO strs VALUES ('ab', 'hello', 'some text', 'tiny', 'medium', 'long', 'bytes', 'vb');
-> ok affected=1

SELECT c, CHAR_LENGTH(c), v, t, tt, mt, lt, b, vb FROM strs;
-> rows
ab | 2 | hello | some text | tiny | medium | long | bytes | vb

CREATE TABLE times (d DATE, t TIME, dt DATETIME, dt3 DATETIME(3), ts6 TIMESTAMP(6) NULL, y YEAR);

INSERT INTO times VALUES ('2024-02-29', '12:34:56', '2024-01-02 03:04:05', '2024-01-02 03:04:05.678',
  '2024-01-02 03:04:05.123456', 2024);
-> ok affected=1

SELECT d, t, dt, dt3, ts6 FROM times;
-> rows
2024-02-29 | 12:34:56 | 2024-01-02 03:04:05 | 2024-01-02 03:04:05.678 | 2024-01-02 03:04:05.123456

SELECT y FROM times;
-> rows
2024

SELECT DATE_ADD(d, INTERVAL 1 DAY), DATE_SUB(dt, INTERVAL 1 HOUR) FROM times;
-> rows
2024-03-01 | 2024-01-02 02:04:05

SELECT DATE_FORMAT(dt, '%Y/%m/%d') FROM times;
-> rows
2024/01/02

SELECT DATE_FORMAT(dt3, '%d.%m.%y %H:%i:%s %p %W %M %j'), DATE_ADD(dt, INTERVAL 90 MINUTE),
  DATE_SUB(d, INTERVAL 1 YEAR), DATE_ADD(d, INTERVAL 2 WEEK) FROM times;
-> rows
02.01.24 03:04:05 AM Tuesday January 002 | 2024-01-02 04:34:05 | 2023-02-28 | 2024-03-14

SELECT DATE_ADD(d, INTERVAL 1 HOUR) FROM times;
-> rows
2024-02-29 01:00:00

SELECT DATE_SUB(d, INTERVAL 30 MINUTE), DATE_ADD(dt3, INTERVAL 2 SECOND), DATE_ADD(d, INTERVAL 1 MONTH) FROM times;
-> rows
2024-02-28 23:30:00 | 2024-01-02 03:04:07.678 | 2024-03-29

SELECT DATE_ADD(d, INTERVAL '1 2' DAY_HOUR), DATE_SUB(d, INTERVAL '1-2' YEAR_MONTH), dt + INTERVAL '1:30' HOUR_MINUTE FROM times;
-> rows
2024-03-01 02:00:00 | 2022-12-29 | 2024-01-02 04:34:05

SELECT d + INTERVAL 1 HOUR, d - INTERVAL '1:30' HOUR_MINUTE, d + INTERVAL 1 DAY, DATE '2024-01-31' - INTERVAL 2 HOUR FROM times;
-> rows
2024-02-29 01:00:00 | 2024-02-28 22:30:00 | 2024-03-01 | 2024-01-30 22:00:00

SELECT DATE_ADD(dt, INTERVAL '-1 1:1:1' DAY_SECOND), dt - INTERVAL '10' DAY, DATE_ADD(dt, INTERVAL '2' DAY) FROM times;
-> rows
2024-01-01 02:03:04 | 2023-12-23 03:04:05 | 2024-01-04 03:04:05

SELECT DATE_ADD('2020-01-01 00:00:00', INTERVAL '1.5' SECOND_MICROSECOND), DATE_ADD('2020-01-01', INTERVAL '1:10' DAY_SECOND);
-> rows
2020-01-01 00:00:01.500000 | 2020-01-01 00:01:10

SELECT DATE_ADD('2020-01-01', INTERVAL '1 2 3' DAY_HOUR);
-> rows
NULL

SELECT EXTRACT(YEAR_MONTH FROM d), EXTRACT(DAY_HOUR FROM dt), EXTRACT(HOUR_SECOND FROM dt), EXTRACT(DAY_MICROSECOND FROM dt3) FROM times;
-> rows
202402 | 203 | 30405 | 2030405678000

CREATE TABLE fractions (id INT PRIMARY KEY, dt3 DATETIME(3), ts6 TIMESTAMP(6) NULL, t2 TIME(2));

INSERT INTO fractions VALUES (1, '2024-01-02 03:04:05.5', '2024-01-02 03:04:05', '10:11:12.3'),
  (2, '2024-01-02 03:04:05', '2024-01-02 03:04:05.000001', '10:11:12');

SELECT dt3, ts6, t2 FROM fractions ORDER BY id;
-> rows
2024-01-02 03:04:05.500 | 2024-01-02 03:04:05.000000 | 10:11:12.30
2024-01-02 03:04:05.000 | 2024-01-02 03:04:05.000001 | 10:11:12.00

CREATE TABLE docs (id INT PRIMARY KEY, j JSON);

INSERT INTO docs VALUES (1, '{"a": 1, "b": [1, 2]}');
-> ok affected=1

SELECT j FROM docs;
-> rows
{"a": 1, "b": [1, 2]}

SELECT JSON_EXTRACT(j, '$.a') FROM docs;
-> rows
1

CREATE TABLE sizes (id INT PRIMARY KEY AUTO_INCREMENT, s ENUM('small', 'medium', 'large') NOT NULL DEFAULT 'medium');

INSERT INTO sizes (s) VALUES ('large'), ('small'), (DEFAULT);
-> ok affected=3 insert_id=1

SELECT id, s FROM sizes ORDER BY id;
-> rows
1 | large
2 | small
3 | medium

SELECT s FROM sizes ORDER BY s;
-> rows
small
medium
large

INSERT INTO sizes (s) VALUES ('huge');
-> error 1265 01000 Data truncated for column 's' at row 1

CREATE TABLE defaults (id INT PRIMARY KEY AUTO_INCREMENT, n INT DEFAULT 7, s VARCHAR(5) DEFAULT 'x', z INT);

INSERT INTO defaults () VALUES ();
-> ok affected=1 insert_id=1

INSERT INTO defaults (n) VALUES (DEFAULT), (NULL);
-> ok affected=2 insert_id=2

SELECT id, n, s, z FROM defaults ORDER BY id;
-> rows
1 | 7 | x | NULL
2 | 7 | x | NULL
3 | NULL | x | NULL

-- FLOAT(M,D), DOUBLE(M,D) and UNSIGNED on FLOAT, DOUBLE and DECIMAL: deprecated in 8.4 but read (old dumps have them)
CREATE TABLE fractional (a FLOAT(7,2), b DOUBLE(10,3) UNSIGNED, c REAL(5,1), d DECIMAL(5,2) UNSIGNED, e DECIMAL(6,2) ZEROFILL);
-> ok affected=0
-> parse-warnings
Warning | 1681 | Specifying number of digits for floating point data types is deprecated and will be removed in a future release.
Warning | 1681 | Specifying number of digits for floating point data types is deprecated and will be removed in a future release.
Warning | 1681 | UNSIGNED for decimal and floating point data types is deprecated and support for it will be removed in a future release.
Warning | 1681 | Specifying number of digits for floating point data types is deprecated and will be removed in a future release.
Warning | 1681 | UNSIGNED for decimal and floating point data types is deprecated and support for it will be removed in a future release.
Warning | 1681 | The ZEROFILL attribute is deprecated and will be removed in a future release. Use the LPAD function to zero-pad numbers, or store the formatted numbers in a CHAR column.

SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'fractional' ORDER BY ORDINAL_POSITION;
-> rows
a | float(7,2)
b | double(10,3) unsigned
c | double(5,1)
d | decimal(5,2) unsigned
e | decimal(6,2) unsigned zerofill

ALTER TABLE fractional MODIFY a DOUBLE PRECISION(9,3);
-> ok affected=0
-> parse-warnings
Warning | 1681 | Specifying number of digits for floating point data types is deprecated and will be removed in a future release.

INSERT INTO fractional (b, d) VALUES (2.5, 3.25);
-> ok affected=1

SELECT b, d FROM fractional;
-> rows
2.5 | 3.25

-- integer display widths and ZEROFILL: deprecated in 8.4, one 1681 each (ZEROFILL's first), TINYINT(1) too, BOOL none
CREATE TABLE widths (a INT(11), b TINYINT(1), c BOOL, d INT(5) ZEROFILL, e BIGINT UNSIGNED, f INT);
-> ok affected=0
-> parse-warnings
Warning | 1681 | Integer display width is deprecated and will be removed in a future release.
Warning | 1681 | Integer display width is deprecated and will be removed in a future release.
Warning | 1681 | The ZEROFILL attribute is deprecated and will be removed in a future release. Use the LPAD function to zero-pad numbers, or store the formatted numbers in a CHAR column.
Warning | 1681 | Integer display width is deprecated and will be removed in a future release.

CREATE TABLE widths_copy LIKE widths;
-> ok affected=0
-> warnings
