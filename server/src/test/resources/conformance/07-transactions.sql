-- Transactions: BEGIN/START TRANSACTION, COMMIT, ROLLBACK, autocommit, SAVEPOINT / ROLLBACK TO / RELEASE.

CREATE DATABASE conf;
USE conf;

CREATE TABLE tx (id INT PRIMARY KEY);

BEGIN;
-> ok

INSERT INTO tx VALUES (1);

SAVEPOINT s1;
-> ok

INSERT INTO tx VALUES (2);

SAVEPOINT s2;

INSERT INTO tx VALUES (3);

ROLLBACK TO SAVEPOINT s2;
-> ok

SELECT id FROM tx ORDER BY id;
-> rows
1
2

ROLLBACK TO s1;
-> ok

RELEASE SAVEPOINT s1;
-> ok

ROLLBACK TO SAVEPOINT s1;
-> error 1305 42000 SAVEPOINT s1 does not exist

RELEASE SAVEPOINT s1;
-> error 1305 42000 SAVEPOINT s1 does not exist

SAVEPOINT a;
SAVEPOINT b;

-- releasing a savepoint releases those set after it
RELEASE SAVEPOINT a;
-> ok

ROLLBACK TO SAVEPOINT b;
-> error 1305 42000 SAVEPOINT b does not exist

ROLLBACK TO SAVEPOINT never_set;
-> error 1305 42000 SAVEPOINT never_set does not exist

INSERT INTO tx VALUES (4);

COMMIT;
-> ok

SELECT id FROM tx ORDER BY id;
-> rows
1
4

START TRANSACTION;
-> ok

DELETE FROM tx;
-> ok affected=2

SELECT COUNT(*) FROM tx;
-> rows
0

ROLLBACK;
-> ok

SELECT COUNT(*) FROM tx;
-> rows
2

SET autocommit = 0;
-> ok

INSERT INTO tx VALUES (5);

ROLLBACK;

SELECT COUNT(*) FROM tx;
-> rows
2

INSERT INTO tx VALUES (6);

COMMIT;

SET autocommit = 1;

SELECT id FROM tx ORDER BY id;
-> rows
1
4
6

BEGIN;

INSERT INTO tx VALUES (7);

INSERT INTO tx VALUES (1);
-> error 1062 23000 Duplicate entry '1' for key 'tx.PRIMARY'

COMMIT;

SELECT id FROM tx ORDER BY id;
-> rows
1
4
6
7

BEGIN;

INSERT INTO tx VALUES (8);

CREATE TABLE implicit_commit (id INT);

ROLLBACK;

SELECT id FROM tx WHERE id = 8;
-> rows
8

SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
-> ok

SELECT @@autocommit;
-> rows
1
