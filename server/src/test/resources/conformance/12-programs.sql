-- Stored programs: procedures, functions, triggers (docs/stored-programs.md). Each definition is one line: the
-- semicolons inside a body are not at the end of a line. The prepared modes send CREATE/DROP of programs as text,
-- since MySQL does not prepare them (1295).
CREATE DATABASE programs;
USE programs;
CREATE TABLE stock (id INT PRIMARY KEY, name VARCHAR(20), qty INT);
INSERT INTO stock VALUES (1, 'apple', 5), (2, 'pear', 0), (3, 'plum', 12);
CREATE TABLE audit (n INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(60));

CREATE PROCEDURE low_stock(IN below INT, OUT how_many INT) BEGIN SELECT COUNT(*) INTO how_many FROM stock WHERE qty < below; SELECT name FROM stock WHERE qty < below ORDER BY id; END;
CALL low_stock(6, @n);
-> rows
apple
pear

SELECT @n;
-> rows
2

CREATE PROCEDURE loops(OUT s VARCHAR(50)) BEGIN DECLARE i INT DEFAULT 0; SET s = ''; outer_loop: LOOP SET i = i + 1; IF i > 6 THEN LEAVE outer_loop; END IF; IF i MOD 2 = 0 THEN ITERATE outer_loop; END IF; SET s = CONCAT(s, i, ','); END LOOP; WHILE i > 4 DO SET i = i - 1; END WHILE; REPEAT SET i = i - 2; UNTIL i < 0 END REPEAT; SET s = CONCAT(s, i); END;
CALL loops(@s);
SELECT @s;
-> rows
1,3,5,-2

CREATE PROCEDURE read_all(OUT names VARCHAR(100)) BEGIN DECLARE done INT DEFAULT 0; DECLARE n VARCHAR(20); DECLARE c CURSOR FOR SELECT name FROM stock ORDER BY id DESC; DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1; SET names = ''; OPEN c; r: LOOP FETCH c INTO n; IF done THEN LEAVE r; END IF; SET names = CONCAT(names, n, ';'); END LOOP; CLOSE c; END;
CALL read_all(@names);
SELECT @names;
-> rows
plum;pear;apple;

CREATE PROCEDURE guarded(IN k INT, OUT outcome VARCHAR(60)) BEGIN DECLARE EXIT HANDLER FOR 1062 BEGIN GET DIAGNOSTICS CONDITION 1 @st = RETURNED_SQLSTATE, @no = MYSQL_ERRNO; SET outcome = CONCAT('dup ', @st, ' ', @no); END; INSERT INTO stock VALUES (k, 'new', 1); SET outcome = 'added'; END;
CALL guarded(1, @o);
SELECT @o;
-> rows
dup 23000 1062

CREATE PROCEDURE checked(IN x INT) BEGIN IF x < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative', MYSQL_ERRNO = 3100; END IF; CASE x WHEN 0 THEN SET @c = 'zero'; WHEN 1 THEN SET @c = 'one'; END CASE; END;
CALL checked(-1);
-> error 3100 45000 negative
CALL checked(7);
-> error 1339 20000 Case not found for CASE statement
CALL checked(1);
SELECT @c;
-> rows
one

CALL checked();
-> error 1318 42000 Incorrect number of arguments for PROCEDURE programs.checked; expected 1, got 0
CALL nowhere();
-> error 1305 42000 PROCEDURE programs.nowhere does not exist
CREATE PROCEDURE checked(IN x INT) SELECT x;
-> error 1304 42000 PROCEDURE checked already exists

CREATE FUNCTION in_stock(k INT) RETURNS INT READS SQL DATA BEGIN DECLARE q INT; SELECT qty INTO q FROM stock WHERE id = k; RETURN IFNULL(q, 0) > 0; END;
CREATE FUNCTION label(n VARCHAR(20), q INT) RETURNS VARCHAR(40) DETERMINISTIC RETURN CONCAT(UPPER(n), ':', q);
SELECT label(name, qty), in_stock(id) FROM stock ORDER BY id;
-> rows
APPLE:5 | 1
PEAR:0 | 0
PLUM:12 | 1

SELECT name FROM stock WHERE in_stock(id) = 0;
-> rows
pear

SELECT label('x');
-> error 1318 42000 Incorrect number of arguments for FUNCTION programs.label; expected 2, got 1

CREATE TRIGGER stock_bi BEFORE INSERT ON stock FOR EACH ROW SET NEW.name = LOWER(NEW.name);
CREATE TRIGGER stock_au AFTER UPDATE ON stock FOR EACH ROW INSERT INTO audit (what) VALUES (CONCAT(OLD.name, ' ', OLD.qty, '>', NEW.qty));
CREATE TRIGGER stock_bd BEFORE DELETE ON stock FOR EACH ROW BEGIN IF OLD.qty > 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'still in stock'; END IF; END;
INSERT INTO stock VALUES (4, 'QUINCE', 3);
-> ok affected=1
UPDATE stock SET qty = qty + 1 WHERE id IN (2, 4);
-> ok affected=2
DELETE FROM stock WHERE id > 1;
-> error 1644 45000 still in stock
SELECT id, name, qty FROM stock ORDER BY id;
-> rows
1 | apple | 5
2 | pear | 1
3 | plum | 12
4 | quince | 4

SELECT what FROM audit ORDER BY n;
-> rows
pear 0>1
quince 3>4

CREATE TRIGGER bad AFTER INSERT ON stock FOR EACH ROW SET NEW.qty = 0;
-> error 1362 HY000 Updating of NEW row is not allowed in after trigger
DROP TRIGGER nowhere;
-> error 1360 HY000 Trigger does not exist
DROP PROCEDURE low_stock;
DROP PROCEDURE low_stock;
-> error 1305 42000 PROCEDURE programs.low_stock does not exist
DROP FUNCTION label;
SELECT label('a', 1);
-> error 1305 42000 FUNCTION programs.label does not exist
