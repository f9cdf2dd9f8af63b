-- MySQL semantics where the engine differs: NULL in CONCAT, division, DIV, collation, '' vs NULL.

CREATE DATABASE conf;
USE conf;

SELECT CONCAT('a', NULL), CONCAT('a', 'b', 'c'), CONCAT_WS('-', 'a', NULL, 'b');
-> rows
NULL | abc | a-b

SELECT 'a' 'b', CONCAT('x' 'y', 'z'), 'p' 'q' 'r' = 'pqr', 'it''s' ' here';
-> rows
ab | xyz | 1 | it's here

SELECT 2147483647 * 3, 100000 * 100000, 2147483647 + 1, -2147483648 - 1, UNIX_TIMESTAMP() * 1000 > 0, 5 - -1, -1 + 0;
-> rows
6442450941 | 10000000000 | 2147483648 | -2147483649 | 1 | 6 | -1

SELECT 9223372036854775807 + 1;
-> error 1690 22003 BIGINT value is out of range in '(9223372036854775807 + 1)'

SELECT 2 * 9223372036854775807;
-> error 1690 22003 BIGINT value is out of range in '(2 * 9223372036854775807)'

CREATE TABLE wide (i INT, j INT, d DECIMAL(5,2), f DOUBLE);
-> ok affected=0

INSERT INTO wide VALUES (2147483647, 2147483647, 1.50, 0.5);
-> ok affected=1

SELECT d * 2, f * 2, d + 1, LENGTH('abc') * 2147483647, CURDATE() - 7 < CURDATE() FROM wide;
-> rows
3.00 | 1 | 2.50 | 6442450941 | 1

SELECT i * 2, i + 1, wide.i * wide.j, i - -1, -j - 1, i / 2 FROM wide;
-> rows
4294967294 | 2147483648 | 4611686014132420609 | 2147483648 | -2147483648 | 1073741823.5000

SELECT d % 1, i % d, f % 2, MOD(d, 2), i % 2 FROM wide;
-> rows
0.50 | 1.00 | 0.5 | 1.50 | 1

UPDATE wide SET i = i * 2;
-> error 1264 22003 Out of range value for column 'i' at row 1

SELECT DATE '2024-01-31' + INTERVAL 1 MONTH, '2024-01-31' + INTERVAL 1 WEEK, INTERVAL 1 DAY + DATE '2024-01-31', DATE '2024-03-31' - INTERVAL 1 MONTH, NOW() - INTERVAL 7 DAY < NOW();
-> rows
2024-02-29 | 2024-02-07 | 2024-02-01 | 2024-02-29 | 1

SELECT '3x' + 1, '5' + '6', 10 - '2.5', -'5', 7 DIV '2', 1 + '1e2', '2024-01-31' + INTERVAL 1 DAY;
-> rows
4 | 11 | 7.5 | -5 | 3 | 101 | 2024-02-01
-> warnings
Warning | 1292 | Truncated incorrect DOUBLE value: '3x'

SELECT 'x' * 2, CAST('1x' AS SIGNED), CAST('-7.9' AS SIGNED), CAST('12' AS SIGNED);
-> rows
0 | 1 | -7 | 12
-> warnings
Warning | 1292 | Truncated incorrect DOUBLE value: 'x'
Warning | 1292 | Truncated incorrect INTEGER value: '1x'
Warning | 1292 | Truncated incorrect INTEGER value: '-7.9'

SELECT NOT 'abc', NOT '1', NOT '0x', NOT 'a' = 'b';
-> rows
1 | 0 | 1 | 1
-> warnings
Warning | 1292 | Truncated incorrect DOUBLE value: 'abc'
Warning | 1292 | Truncated incorrect DOUBLE value: '0x'

SELECT ABS('-3'), ROUND('2.567', 2), FLOOR('3.9x'), 'abc' = 0, 1 < '2x', SUM('5');
-> rows
3 | 2.57 | 3 | 1 | 1 | 5
-> warnings
Warning | 1292 | Truncated incorrect DOUBLE value: '3.9x'
Warning | 1292 | Truncated incorrect DOUBLE value: 'abc'
Warning | 1292 | Truncated incorrect DOUBLE value: '2x'

SELECT CAST('12.5x' AS DECIMAL(5,2)), CAST('7e2' AS SIGNED), CAST('1e3' AS UNSIGNED), CONVERT('42abc', SIGNED), CAST('0.125' AS DECIMAL(4,3));
-> rows
12.50 | 7 | 1 | 42 | 0.125
-> warnings
Warning | 1292 | Truncated incorrect DECIMAL value: '12.5x'
Warning | 1292 | Truncated incorrect INTEGER value: '7e2'
Warning | 1292 | Truncated incorrect INTEGER value: '1e3'
Warning | 1292 | Truncated incorrect INTEGER value: '42abc'

CREATE TABLE textops (a INT);
-> ok affected=0

INSERT INTO textops VALUES ('3x' + 1);
-> error 1292 22007 Truncated incorrect DOUBLE value: '3x'

INSERT INTO textops VALUES ('3' + 1), (CAST('7' AS SIGNED));
-> ok affected=2

SELECT 1/2, 3/3, 7/2, 1.0/3;
-> rows
0.5000 | 1.0000 | 3.5000 | 0.33333

-- a quotient keeps MySQL's inner digits (whole groups of nine) until its select-list item rounds to its scale
SELECT 2 / 3 * 100, 68 * (47 / 68), ROUND(2 / 3, 6), TRUNCATE(2 / 3, 6), 1.50 / 7, 1.5 / 0.7, SUM(1 / 3) * 3;
-> rows
66.6667 | 47.0000 | 0.666667 | 0.666666 | 0.214286 | 2.14286 | 1.0000

CREATE TABLE shares (part DECIMAL(10,2), whole INT, g INT);

INSERT INTO shares VALUES (1.00, 3, 1), (2.00, 3, 1), (1.50, 7, 2);
-> ok affected=3

SELECT part / whole * 100 AS pct, IFNULL(part / whole, 0) * whole FROM shares ORDER BY pct;
-> rows
21.428571 | 1.500000
33.333333 | 1.000000
66.666667 | 2.000000

SELECT g, SUM(part / whole) * 3 AS s FROM shares GROUP BY g ORDER BY s DESC;
-> rows
1 | 3.000000
2 | 0.642857

SELECT part / whole, COUNT(*) FROM shares GROUP BY part / whole ORDER BY part / whole;
-> rows
0.214286 | 1
0.333333 | 1
0.666667 | 1

SELECT 2 / 3 = 0.6667, 2 / 3 * 3 = 2;
-> rows
0 | 0
-> deviation a quotient outside a select-list item of its own (here inside a comparison) is rounded to its scale at once

SELECT 7 DIV 2, -7 DIV 2, 7.5 DIV 2, 7 MOD 3, 7 % 3;
-> rows
3 | -3 | 3 | 1 | 1

SELECT (1 + 6) DIV 2;
-> rows
3

SELECT 10.5 % 3, MOD(10.5, 3), 7.5 MOD 2, -10.5 % 3, 3 % 10.25, 10.25 % 3.1, 1.05e1 % 3;
-> rows
1.5 | 1.5 | 1.5 | -1.5 | 3.00 | 0.95 | 1.5

SELECT 10 % 0, MOD(10, 0), 10.5 MOD 0.0;
-> rows
NULL | NULL | NULL
-> warnings
Warning | 1365 | Division by 0
Warning | 1365 | Division by 0
Warning | 1365 | Division by 0

SELECT 2 * 3 / 4, 1 + 6 / 4, -7 / 2, 10 / 4 / 2, ABS(-9) DIV 2 * 2, CASE WHEN 1 THEN 9 END / 3;
-> rows
1.5000 | 2.5000 | -3.5000 | 1.25000000 | 8 | 3.0000

SELECT CASE WHEN 1 = 1 THEN 2 END + 4 / 5, CASE 1 WHEN 1 THEN 10 END - 9 DIV 2;
-> rows
2.8000 | 6

SELECT 1/0;
-> rows
NULL
-> warnings
Warning | 1365 | Division by 0

SELECT 5 DIV 0;
-> rows
NULL
-> warnings
Warning | 1365 | Division by 0

SELECT 1/0, 2/0, 3 DIV 0;
-> rows
NULL | NULL | NULL
-> warnings
Warning | 1365 | Division by 0
Warning | 1365 | Division by 0
Warning | 1365 | Division by 0

SHOW WARNINGS WHERE Code = 1365;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'WHERE Code = 1365' at line 1

SELECT 'a' = 'A', 'abc' < 'ABD', 'a ' = 'a';
-> rows
1 | 1 | 0

-- two literals compare in utf8mb4_0900_ai_ci: no case, no accents, trailing spaces count (NO PAD)
SELECT 'é' = 'e', 'abc' LIKE 'A%', 'a' IN ('B', 'A'), 'b' BETWEEN 'A' AND 'C', 'Straße' = 'STRASSE', 'a b' = 'ab', 'x' NOT LIKE 'X';
-> rows
1 | 1 | 1 | 1 | 1 | 0 | 0

-- a literal with a text character set's introducer compares in the collation too
SELECT _utf8mb4 'a' = 'A', 'B' = _utf8mb4 'b', _utf8mb4 'é' LIKE 'E', _utf8mb4 'x' IN ('X', 'y');
-> rows
1 | 1 | 1 | 1

-- beside a binary literal the comparison is of bytes
SELECT _binary 'a' = 'A', 'a' = _binary 'a', 'a' IN (_binary 'A', 'b'), 'B' BETWEEN _binary 'a' AND 'c', _binary 'a' < 'b';
-> rows
0 | 1 | 0 | 0 | 1

-- a table's binary default collation is its VARCHAR columns' own: 'a' and 'A' are two keys
CREATE TABLE cased (v VARCHAR(10), w VARCHAR(10) COLLATE utf8mb4_0900_ai_ci, UNIQUE KEY (v)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO cased VALUES ('a', 'x'), ('A', 'X');
-> ok affected=2

SELECT COUNT(*), SUM(w = 'x') FROM cased WHERE v = 'a';
-> rows
1 | 1

SELECT COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 'cased' ORDER BY COLUMN_NAME;
-> rows
v | utf8mb4_bin
w | utf8mb4_0900_ai_ci

-- the TEXT types compare without case as VARCHAR does; a column named text is no type
CREATE TABLE notes_ci (text TEXT, tiny TINYTEXT, exact TEXT COLLATE utf8mb4_bin, big MEDIUMTEXT, huge LONGTEXT);

INSERT INTO notes_ci VALUES ('Hello World', 'ABC', 'Hello', 'Big', 'Huge');
-> ok affected=1

SELECT text = 'hello world', text LIKE '%WORLD', tiny = 'abc', exact = 'hello', exact = 'Hello', big = 'BIG', huge LIKE 'h%' FROM notes_ci;
-> rows
1 | 1 | 1 | 0 | 1 | 1 | 1

ALTER TABLE notes_ci CHANGE text text TEXT, ADD COLUMN more TEXT;

SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 'notes_ci' ORDER BY ORDINAL_POSITION;
-> rows
text | text | utf8mb4_0900_ai_ci
tiny | tinytext | utf8mb4_0900_ai_ci
exact | text | utf8mb4_bin
big | mediumtext | utf8mb4_0900_ai_ci
huge | longtext | utf8mb4_0900_ai_ci
more | text | utf8mb4_0900_ai_ci

-- a column's binary collation is kept, so that a dump of the table loads back as it was
CREATE TABLE cased_column (v VARCHAR(10) COLLATE utf8mb4_bin NOT NULL, w VARCHAR(10));

SHOW FULL COLUMNS FROM cased_column;
-> rows
v | varchar(10) | utf8mb4_bin | NO | '' | NULL | '' | select,insert,update,references | ''
w | varchar(10) | utf8mb4_0900_ai_ci | YES | '' | NULL | '' | select,insert,update,references | ''

-- CHAR compares as VARCHAR does, without case or accents; its trailing spaces are not kept, and a value with
-- them is a different string for the collation (NO PAD); a binary collation keeps case
CREATE TABLE fixed_ci (c CHAR(5) PRIMARY KEY, b CHAR(5) COLLATE utf8mb4_bin, d CHAR);

INSERT INTO fixed_ci VALUES ('ab', 'ab', 'x'), ('Cd ', 'Cd ', 'y');
-> ok affected=2

SELECT c, LENGTH(c), CONCAT('[', c, ']'), c = 'AB', c = 'ab ', c = 'áb', b = 'AB', b = 'ab', d FROM fixed_ci ORDER BY c;
-> rows
ab | 2 | [ab] | 1 | 0 | 1 | 0 | 1 | x
Cd | 2 | [Cd] | 0 | 0 | 0 | 0 | 0 | y

INSERT INTO fixed_ci VALUES ('AB', 'x', 'z');
-> error 1062 23000 Duplicate entry 'AB' for key 'fixed_ci.PRIMARY'
-> deviation 1062 names the key the index already holds ('ab'), which the collation finds equal to the new one

UPDATE fixed_ci SET c = 'Zz  ' WHERE c = 'CD';
-> ok affected=1

SELECT CONCAT('[', c, ']'), c LIKE 'z%' FROM fixed_ci ORDER BY c DESC;
-> rows
[Zz] | 1
[ab] | 0

SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 'fixed_ci' ORDER BY ORDINAL_POSITION;
-> rows
c | char(5) | utf8mb4_0900_ai_ci
b | char(5) | utf8mb4_bin
d | char(1) | utf8mb4_0900_ai_ci

-- CHARSET(), COLLATION() and COERCIBILITY() of literals, NULL, numbers, system constants, COLLATE and columns
SELECT CHARSET('a'), COLLATION('a'), COERCIBILITY('a'), CHARSET(1), COLLATION(NULL), COERCIBILITY(NULL), COERCIBILITY(1), CHARSET(USER()), COERCIBILITY(USER()), COLLATION('a' COLLATE utf8mb4_bin), COERCIBILITY('a' COLLATE utf8mb4_bin);
-> rows
utf8mb4 | utf8mb4_0900_ai_ci | 4 | binary | binary | 6 | 5 | utf8mb3 | 3 | utf8mb4_bin | 0

CREATE TABLE collations_of (t VARCHAR(5), b VARCHAR(5) COLLATE utf8mb4_bin, n INT, y VARBINARY(4));

INSERT INTO collations_of VALUES ('x', 'y', 1, 'z');
-> ok affected=1

SELECT CHARSET(t), COLLATION(t), COERCIBILITY(t), COLLATION(b), COERCIBILITY(b), CHARSET(n), COERCIBILITY(n), COLLATION(y), COERCIBILITY(y) FROM collations_of;
-> rows
utf8mb4 | utf8mb4_0900_ai_ci | 2 | utf8mb4_bin | 2 | binary | 5 | binary | 2

-- COLLATE with a binary or case-sensitive collation on an operand of a comparison or an ORDER BY item compares bytes
CREATE TABLE collated_names (name VARCHAR(10));

INSERT INTO collated_names VALUES ('Bob'), ('bob'), ('BOB');
-> ok affected=3

SELECT name FROM collated_names WHERE name COLLATE utf8mb4_bin = 'Bob';
-> rows
Bob

SELECT COUNT(*), SUM('bob' = name COLLATE utf8mb4_0900_as_cs), SUM(name COLLATE utf8mb4_bin < 'a') FROM collated_names;
-> rows
3 | 1 | 2

SELECT name FROM collated_names ORDER BY name COLLATE utf8mb4_bin DESC;
-> rows
bob
Bob
BOB

SELECT 'a' COLLATE utf8mb4_bin = 'A', 'a' COLLATE utf8mb4_0900_ai_ci = 'A';
-> rows
0 | 1

-- the default collation ignores accents in columns too: in comparisons, unique keys, GROUP BY, DISTINCT and ORDER BY
CREATE TABLE accents (w VARCHAR(10), UNIQUE KEY (w));

INSERT INTO accents VALUES ('resume'), ('zebra'), ('Eclair');
-> ok affected=3

INSERT INTO accents VALUES ('résumé');
-> error 1062 23000 Duplicate entry 'résumé' for key 'accents.w'
-> deviation 1062 names the key the index already holds ('resume'), which the collation finds equal to the new one

SELECT w FROM accents WHERE w = 'RÉSUMÉ' OR w LIKE 'éc%' ORDER BY w;
-> rows
Eclair
resume

-- LIKE with a leading wildcard matches under the column's collation too (the server's MYSQL_LIKE)
SELECT w FROM accents WHERE w LIKE '%SUMÉ' OR w LIKE '%RA' ORDER BY w;
-> rows
resume
zebra

SELECT COUNT(*) FROM accents WHERE w NOT LIKE '%É%';
-> rows
0

SELECT COUNT(*) FROM accents WHERE w LIKE '_cl%' OR w LIKE '%!%' ESCAPE '!';
-> rows
1

CREATE TABLE accent_groups (w VARCHAR(10), t TEXT);

INSERT INTO accent_groups VALUES ('e', 'Straße'), ('é', 'STRASSE'), ('E', 'strasse'), ('f', 'b'), ('_', '1'), ('A', '~');
-> ok affected=6

SELECT COUNT(DISTINCT w), COUNT(DISTINCT t) FROM accent_groups;
-> rows
4 | 4

SELECT GROUP_CONCAT(w ORDER BY w SEPARATOR ''), GROUP_CONCAT(DISTINCT t ORDER BY t SEPARATOR ',') FROM accent_groups WHERE w <> 'e' AND w <> 'é';
-> rows
_Af | ~,1,b

SELECT '' IS NULL, '' = NULL, NULL IS NULL, COALESCE(NULL, ''), IFNULL(NULL, 'x');
-> rows
0 | NULL | 1 | '' | x

SELECT IF(1 > 0, 'yes', 'no'), CASE WHEN 1 = 2 THEN 'a' ELSE 'b' END;
-> rows
yes | b

SELECT UPPER('abc'), LOWER('ABC'), LENGTH('héllo'), CHAR_LENGTH('héllo'), SUBSTRING('hello', 2, 3), TRIM('  x  ');
-> rows
ABC | abc | 6 | 5 | ell | x

SELECT 1 + '1', '10' + 5, 5 = '5';
-> rows
2 | 15 | 1

CREATE TABLE words (w VARCHAR(10));

INSERT INTO words VALUES ('apple'), ('Apple'), ('APPLE'), ('banana'), (''), (NULL);

SELECT COUNT(*) FROM words WHERE w = 'apple';
-> rows
3

SELECT COUNT(*) FROM words WHERE w LIKE 'APP%';
-> rows
3

SELECT COUNT(DISTINCT w) FROM words;
-> rows
3

SELECT COUNT(*), COUNT(w) FROM words WHERE w = '' OR w IS NULL;
-> rows
2 | 1

SELECT w FROM words WHERE w > 'b' ORDER BY w;
-> rows
banana

SELECT GREATEST(1, 5, 3), LEAST('b', 'a'), ABS(-2), ROUND(2.5), ROUND(-2.5), TRUNCATE(1.999, 1);
-> rows
5 | a | 2 | 3 | -3 | 1.9

-- in a strict INSERT or UPDATE a division by zero is an error; a column divided is a DECIMAL too
CREATE TABLE ratios (a INT, b INT, r DECIMAL(10,4));

INSERT INTO ratios VALUES (7, 0, 1);

INSERT INTO ratios VALUES (1, 2, 1/0);
-> error 1365 22012 Division by 0

UPDATE ratios SET r = a / b;
-> error 1365 22012 Division by 0

UPDATE ratios SET b = 2;

UPDATE ratios SET r = a / b;
-> ok affected=1

SELECT a / b, a DIV b, r, a / 0 FROM ratios;
-> rows
3.5000 | 3 | 3.5000 | NULL
-> warnings
Warning | 1365 | Division by 0

-- SLEEP(seconds) waits and returns 0; NULL or a negative duration is 1210 in strict mode, a warning otherwise
SELECT SLEEP(0), SLEEP(0.05);
-> rows
0 | 0

SELECT SLEEP(-1);
-> error 1210 HY000 Incorrect arguments to sleep.

SELECT SLEEP(NULL);
-> error 1210 HY000 Incorrect arguments to sleep.

SET SESSION sql_mode = '';

SELECT SLEEP(-1);
-> rows
0
-> warnings
Warning | 1210 | Incorrect arguments to sleep.

SET SESSION sql_mode = DEFAULT;

-- STD, STDDEV and VARIANCE are MySQL's population forms (STDDEV_POP, VAR_POP), not the sample ones
SELECT STD(x), STDDEV(x), STDDEV_POP(x), STDDEV_SAMP(x), VARIANCE(x), VAR_POP(x), VAR_SAMP(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS t;
-> rows
1.118033988749895 | 1.118033988749895 | 1.118033988749895 | 1.2909944487358056 | 1.25 | 1.25 | 1.6666666666666667

SELECT STD(x), VARIANCE(x), STDDEV_SAMP(x) FROM (SELECT 5 AS x) AS t;
-> rows
0 | 0 | NULL

-- GROUP_CONCAT is the server's own (engine.aggregate): several values per row, ORDER BY a value's position,
-- DISTINCT and ORDER BY without case as the default collation, numbers as MySQL writes them, bytes kept, a 0x
-- separator
CREATE TABLE gc (id INT PRIMARY KEY, grp INT, s VARCHAR(10), d DOUBLE, b VARBINARY(4));

INSERT INTO gc VALUES (1, 1, 'b', 1.5, X'FF41'), (2, 1, 'a', 2e10, X'42'), (3, 2, NULL, NULL, NULL), (4, 2, 'B', 0.1, X''), (5, 1, 'a', 3, X'00');

SELECT grp, GROUP_CONCAT(id, s ORDER BY id DESC), GROUP_CONCAT(id, '-', s SEPARATOR ''), GROUP_CONCAT(s, id ORDER BY 2 DESC) FROM gc GROUP BY grp ORDER BY grp;
-> rows
1 | 5a,2a,1b | 1-b2-a5-a | a5,a2,b1
2 | 4B | 4-B | B4

SELECT GROUP_CONCAT(DISTINCT s ORDER BY s DESC SEPARATOR '|'), GROUP_CONCAT(s ORDER BY s, id), GROUP_CONCAT(d ORDER BY id), HEX(GROUP_CONCAT(b ORDER BY id)), GROUP_CONCAT(id SEPARATOR 0x2D2D), GROUP_CONCAT(id > 2 ORDER BY id) FROM gc;
-> rows
b|a | a,a,b,B | 1.5,20000000000,0.1,3 | FF412C422C2C00 | 1--2--3--4--5 | 0,0,1,1,1

SELECT GROUP_CONCAT(s) FROM gc WHERE id = 3;
-> rows
NULL

-- REPLACE, INSERT, CONCAT_WS and REGEXP_REPLACE are the server's own (bounded by max_allowed_packet), with MySQL's
-- rules for positions past the string, NULLs and an empty search string; REGEXP_REPLACE reads $n as a group
SELECT REPLACE('aAa', 'a', 'b'), REPLACE('abc', '', 'x'), REPLACE(NULL, 'a', 'b'), INSERT('abc', 1, 0, 'zz'), INSERT('abc', 0, 1, 'zz'), INSERT('abc', 2, 100, 'zz'), INSERT('abc', 4, 1, 'zz'), INSERT('abc', 3, -1, 'zz');
-> rows
bAb | abc | NULL | zzabc | abc | azz | abc | abzz

SELECT CONCAT_WS(NULL, 'a'), CONCAT_WS(',', NULL, 'a', NULL, 'b'), CONCAT_WS('-', 'x');
-> rows
NULL | a,b | x

SELECT REGEXP_REPLACE('abc', '(b)', '[$1]'), REGEXP_REPLACE('abcabc', 'b', 'x', 3), REGEXP_REPLACE('abcabc', 'b', 'x', 1, 2), REGEXP_REPLACE('abcaBc', 'B', 'x', 1, 0, 'i'), REGEXP_REPLACE('a.b', '[.]', '\\.');
-> rows
a[b]c | abcaxc | abcaxc | axcaxc | a.b

SELECT REGEXP_REPLACE('abc', 'b', 'x', 0);
-> error 3686 HY000 Index out of bounds in regular expression search.

SELECT REGEXP_REPLACE('abc', '(', 'x');
-> error 3691 HY000 Mismatched parenthesis in regular expression.

SET SESSION max_allowed_packet = 1024;
-> error 1621 HY000 SESSION variable 'max_allowed_packet' is read-only. Use SET GLOBAL to assign the value

-- switching explicit_defaults_for_timestamp off is deprecated in 8.4; switching it off again, or on, is not warned
SET SESSION explicit_defaults_for_timestamp = OFF;
-> ok affected=0
-> warnings
Warning | 1287 | 'explicit_defaults_for_timestamp' is deprecated and will be removed in a future release.

SET SESSION explicit_defaults_for_timestamp = 0;
-> ok affected=0

SET SESSION explicit_defaults_for_timestamp = DEFAULT;
-> ok affected=0

SELECT @@session.explicit_defaults_for_timestamp;
-> rows
1

-- a column's CHARACTER SET and COLLATE before its DEFAULT, as dumps write them (the engine's parser refused it)
CREATE TABLE dump_cols (name varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'x' NOT NULL, t TEXT CHARSET latin1 DEFAULT NULL, c CHAR(2) COLLATE utf8mb4_general_ci DEFAULT 'ab') DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

INSERT INTO dump_cols (t) VALUES ('a');
-> ok affected=1

SELECT name, t, c FROM dump_cols;
-> rows
x | a | ab

ALTER TABLE dump_cols ADD COLUMN z varchar(5) CHARACTER SET utf8mb4 DEFAULT 'q', MODIFY t TEXT COLLATE utf8mb4_bin DEFAULT NULL;

SELECT z FROM dump_cols;
-> rows
q

-- GROUP_CONCAT is no window function in MySQL
SELECT GROUP_CONCAT(name) OVER () FROM dump_cols;
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'OVER () FROM dump_cols' at line 1

-- ALTER TABLE's table options: COMMENT and AUTO_INCREMENT change the table (the counter never below the largest
-- value plus one, as InnoDB), the others change nothing here; a failing change undoes the others
CREATE TABLE opts (id INT AUTO_INCREMENT PRIMARY KEY, v INT) COMMENT='first';

INSERT INTO opts (v) VALUES (1), (2);
-> ok affected=2

ALTER TABLE opts COMMENT = 'second', AUTO_INCREMENT = 100, ROW_FORMAT = DYNAMIC, DEFAULT CHARSET = utf8mb4 COLLATE utf8mb4_bin, FORCE;

INSERT INTO opts (v) VALUES (3);
-> ok affected=1

ALTER TABLE opts AUTO_INCREMENT = 5;

INSERT INTO opts (v) VALUES (4);
-> ok affected=1

SELECT id, v FROM opts ORDER BY id;
-> rows
1 | 1
2 | 2
100 | 3
101 | 4

ALTER TABLE opts COMMENT 'third', ADD COLUMN v INT;
-> error 1060 42S21 Duplicate column name 'v'

SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'opts';
-> rows
second

-- CHARACTER SET binary makes a text type binary, as in MySQL: the bytes stay (before, the column was text)
CREATE TABLE charset_binary (a varchar(5) CHARACTER SET binary, b char(2) CHARSET binary, c text CHARACTER SET binary, d varchar(5) BINARY);

INSERT INTO charset_binary VALUES (X'FF00', X'FE', X'FD', 'Ab');
-> ok affected=1

SELECT HEX(a), HEX(b), HEX(c), d = 'ab' FROM charset_binary;
-> rows
FF00 | FE00 | FD | 0

SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'conf' AND TABLE_NAME = 'charset_binary' ORDER BY ORDINAL_POSITION;
-> rows
a | varbinary(5)
b | binary(2)
c | blob
d | varchar(5)

-- bit operators, with MySQL's precedence, over unsigned 64-bit integers
SELECT 5 & 3, 5 | 3, 5 ^ 3, 1 << 3, 8 >> 1, ~0;
-> rows
1 | 7 | 6 | 8 | 4 | 18446744073709551615

SELECT 1 | 2 & 3, 2 * 3 ^ 2, 1 + 2 << 1, -1 & 255, ~~5, (5 & 3) + 1, 3 & -1, 1&~1;
-> rows
3 | 2 | 6 | 255 | 5 | 2 | 3 | 0

SELECT 1 << 64, NULL & 1, 5.6 & 7, '6' | 1, X'FF' & 15, 0x10 >> 4, ABS(-6) & 3, CASE WHEN 1 THEN 12 END & 4;
-> rows
0 | NULL | 6 | 7 | 15 | 1 | 2 | 4

CREATE TABLE flags (id INT PRIMARY KEY, f INT);
INSERT INTO flags VALUES (1, 5), (2, 2), (3, 7);
-> ok affected=3

UPDATE flags SET f = f | 8 WHERE id = 2;
-> ok affected=1

SELECT id, f, f & 4, f >> 1 FROM flags WHERE f & 4 <> 0 OR f ^ 10 = 0 ORDER BY id;
-> rows
1 | 5 | 4 | 2
2 | 10 | 0 | 5
3 | 7 | 4 | 3

-- a text column compared with a number: compared as numbers, the text's numeric prefix with warning 1292
CREATE TABLE txtnum (id INT PRIMARY KEY, s VARCHAR(10), x INT);
INSERT INTO txtnum VALUES (1, 'abc', 1), (2, '5', 2), (3, '5x', 3), (4, ' 75 ', 4);
-> ok affected=4

SELECT id, s = 5 FROM txtnum WHERE s IN (5, 75) ORDER BY id;
-> rows
2 | 1
3 | 1
4 | 0

SELECT id FROM txtnum WHERE 5 = s;
-> rows
2
3

SELECT id FROM txtnum WHERE txtnum.s BETWEEN 70 AND 80 AND x > 0;
-> rows
4

UPDATE txtnum SET x = 9 WHERE s = 5;
-> error 1292 22007 Truncated incorrect DOUBLE value: 'abc'

SELECT COUNT(*) FROM txtnum WHERE x = 9;
-> rows
0

-- aggregates of a bare NULL, and the bit aggregates over unsigned 64-bit integers
SELECT SUM(NULL), AVG(-NULL), MAX(NULL), SUM(DISTINCT (NULL)), STDDEV(NULL);
-> rows
NULL | NULL | NULL | NULL | NULL

SELECT BIT_AND(x), BIT_OR(x), BIT_XOR(x) FROM txtnum;
-> rows
0 | 7 | 4

SELECT BIT_AND(x), BIT_OR(x), BIT_XOR(x) FROM txtnum WHERE id > 10;
-> rows
18446744073709551615 | 0 | 0

SELECT id % 2, BIT_OR(x), BIT_AND(-x) FROM txtnum GROUP BY id % 2 ORDER BY 1;
-> rows
0 | 6 | 18446744073709551612
1 | 3 | 18446744073709551613

-- hexadecimal and bit-value literals are numbers in numeric context, binary strings elsewhere
SELECT X'41' + 1, 0x41 = 65, 0x10 * 2, -0x10, b'101' + 0, HEX(b'101'), 0b101 + 0, HEX(X'41');
-> rows
66 | 1 | 32 | -16 | 5 | 05 | 5 | 41

-- a binary column compared with a string compares the string's bytes (case matters), in either order, in IN and BETWEEN
CREATE TABLE bincmp (id INT PRIMARY KEY, v VARBINARY(10), b BINARY(3), bl BLOB);
-> ok affected=0

INSERT INTO bincmp VALUES (1, 'abc', 'abc', 'abc'), (2, 'ABC', 'ABC', 'ABC');
-> ok affected=2

SELECT id FROM bincmp WHERE v = 'abc' AND b = 'abc' AND bl = 'abc';
-> rows
1

SELECT 'ABC' = v, v IN ('abc', 'x'), v NOT IN ('abc'), v BETWEEN 'abc' AND 'abd', v < 'abc', bl <=> 'ABC' FROM bincmp ORDER BY id;
-> rows
0 | 1 | 0 | 1 | 0 | 0
1 | 0 | 1 | 0 | 1 | 1

UPDATE bincmp SET v = 'abd' WHERE bl = 'abc';
-> ok affected=1

SELECT id FROM bincmp WHERE v = _utf8mb4'abd' OR v = 'A' 'BC' ORDER BY id;
-> rows
1
2

SELECT id FROM bincmp WHERE 'ABC' = b;
-> rows
2

SET @bytes = 'abd';
-> ok affected=0

SELECT id FROM bincmp WHERE v = @bytes OR @bytes = b;
-> rows
1

-- the NULL-safe equality
SELECT 1 <=> 1, NULL <=> NULL, 1 <=> NULL, NULL <=> 1, 1 + 1 <=> 2, NOT 1 <=> 2, (1 <=> 1) + 1;
-> rows
1 | 1 | 0 | 0 | 1 | 1 | 2

SELECT id FROM bincmp WHERE v <=> NULL OR id <=> 2;
-> rows
2

-- the operator BINARY x: the operand as a binary string (deprecated in 8.4: 1287 for each use)
SELECT BINARY 'a' = 'A', HEX(BINARY 'é'), BINARY 'abc' LIKE 'a%', 'A' = BINARY 'a';
-> rows
0 | C3A9 | 1 | 0
-> parse-warnings
Warning | 1287 | 'BINARY expr' is deprecated and will be removed in a future release. Please use CAST instead
Warning | 1287 | 'BINARY expr' is deprecated and will be removed in a future release. Please use CAST instead
Warning | 1287 | 'BINARY expr' is deprecated and will be removed in a future release. Please use CAST instead
Warning | 1287 | 'BINARY expr' is deprecated and will be removed in a future release. Please use CAST instead

CREATE TABLE names (id INT PRIMARY KEY, name VARCHAR(10));
-> ok affected=0

INSERT INTO names VALUES (1, 'Bob'), (2, 'bob'), (3, 'BOB');
-> ok affected=3

SELECT COUNT(*) FROM names WHERE name = 'bob';
-> rows
3

SELECT id FROM names WHERE BINARY name = 'bob';
-> rows
2

SELECT id FROM names WHERE BINARY name IN ('Bob', 'BOB') ORDER BY id;
-> rows
1
3

-- user variables assigned inside a statement, row by row (deprecated in 8.4: 1287 for each assignment)
SET @n = 0;
-> ok affected=0

SELECT @n := @n + 1 AS rn, name FROM names ORDER BY id;
-> rows
1 | Bob
2 | bob
3 | BOB
-> parse-warnings
Warning | 1287 | Setting user variables within expressions is deprecated and will be removed in a future release. Consider alternatives: 'SET variable=expression, ...', or 'SELECT expression(s) INTO variables(s)'.

SELECT @n;
-> rows
3

SELECT id, @total := @total + id AS running FROM names, (SELECT @total := 10) init ORDER BY id;
-> rows
1 | 11
2 | 13
3 | 16
-> parse-warnings
Warning | 1287 | Setting user variables within expressions is deprecated and will be removed in a future release. Consider alternatives: 'SET variable=expression, ...', or 'SELECT expression(s) INTO variables(s)'.
Warning | 1287 | Setting user variables within expressions is deprecated and will be removed in a future release. Consider alternatives: 'SET variable=expression, ...', or 'SELECT expression(s) INTO variables(s)'.

SELECT @total;
-> rows
16

-- &&, || and ! are AND, OR and NOT (! binding as tightly as a sign), deprecated in 8.4
SELECT 1 || 0, 1 && 0, !0, !1 + 1, !(1 = 2);
-> rows
1 | 0 | 1 | 1 | 1
-> parse-warnings
Warning | 1287 | '|| as a synonym for OR' is deprecated and will be removed in a future release. Please use OR instead
Warning | 1287 | '&&' is deprecated and will be removed in a future release. Please use AND instead
Warning | 1287 | '!' is deprecated and will be removed in a future release. Please use NOT instead
Warning | 1287 | '!' is deprecated and will be removed in a future release. Please use NOT instead
Warning | 1287 | '!' is deprecated and will be removed in a future release. Please use NOT instead

SELECT id FROM names WHERE id = 1 || id = 3 && name = 'BOB' ORDER BY id;
-> rows
1
3

-- hexadecimal and _binary literals compared with a string compare as binary strings
SELECT X'616263' = 'abc', 0x616263 = 'abc', 'abc' = X'616263', _binary'abc' = 'abc', X'616263' = 'ABC';
-> rows
1 | 1 | 1 | 1 | 0
