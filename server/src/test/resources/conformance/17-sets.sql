-- The SET type: members stored once each in the definition's order, numbers as the members' bits, 1265 for a member
-- the column does not have (an error in strict mode, a warning otherwise).
CREATE DATABASE sets;
USE sets;
CREATE TABLE flags (id INT PRIMARY KEY, s SET('a', 'b', 'c') NOT NULL DEFAULT 'a', t SET('x', 'it''s'));

INSERT INTO flags (id, s) VALUES (1, 'c,A,a'), (2, 5), (3, ''), (4, 'B'), (5, '6');
-> ok affected=5

INSERT INTO flags (id) VALUES (6);
-> ok affected=1

INSERT INTO flags (id, t) VALUES (7, 'IT''S,x');
-> ok affected=1

SELECT id, s, t FROM flags ORDER BY id;
-> rows
1 | a,c | NULL
2 | a,c | NULL
3 | '' | NULL
4 | b | NULL
5 | b,c | NULL
6 | a | NULL
7 | a | x,it's

SELECT id FROM flags WHERE s = 'A,C' ORDER BY id;
-> rows
1
2

SELECT FIND_IN_SET('c', s) FROM flags WHERE id = 5;
-> rows
2

UPDATE flags SET s = 'b,a' WHERE id = 3;
-> ok affected=1

SELECT s FROM flags WHERE id = 3;
-> rows
a,b

-- written longer than the members at once: repeated members are stored once
UPDATE flags SET s = 'c,b,a,b,c,A' WHERE id = 3;
-> ok affected=1

SELECT s FROM flags WHERE id = 3;
-> rows
a,b,c

SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_NAME = 'flags' AND COLUMN_NAME = 't';
-> rows
set('x','it''s')

INSERT INTO flags (id, s) VALUES (8, 'a,z');
-> error 1265 01000 Data truncated for column 's' at row 1

INSERT INTO flags (id, s) VALUES (8, 8);
-> error 1265 01000 Data truncated for column 's' at row 1

INSERT IGNORE INTO flags (id, s) VALUES (8, 'a,z');
-> ok affected=1
-> warnings
Warning | 1265 | Data truncated for column 's' at row 1

SELECT s FROM flags WHERE id = 8;
-> rows
a
