-- ALTER SCHEMA ... READ ONLY: every change to the schema's tables, views and programs fails with 3989, reads and
-- temporary tables go on; the option shows in SHOW CREATE DATABASE and information_schema.SCHEMATA_EXTENSIONS.
CREATE DATABASE frozen;
USE frozen;
CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO t VALUES (1, 'a');
CREATE PROCEDURE p() SELECT 1;
CREATE DATABASE thawed;
CREATE TABLE thawed.copy (id INT PRIMARY KEY, v VARCHAR(10));

ALTER SCHEMA frozen READ ONLY = 1;
-> ok affected=1

SHOW CREATE DATABASE frozen;
-> rows
frozen | CREATE DATABASE `frozen` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */ /* READ ONLY = 1 */

SELECT SCHEMA_NAME, OPTIONS FROM information_schema.SCHEMATA_EXTENSIONS WHERE SCHEMA_NAME IN ('frozen', 'thawed') ORDER BY 1;
-> rows
frozen | READ ONLY=1
thawed | ''

SELECT v FROM t;
-> rows
a

INSERT INTO t VALUES (2, 'b');
-> error 3989 HY000 Schema 'frozen' is in read only mode.

UPDATE t SET v = 'x';
-> error 3989 HY000 Schema 'frozen' is in read only mode.

DELETE FROM t;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

REPLACE INTO t VALUES (1, 'z');
-> error 3989 HY000 Schema 'frozen' is in read only mode.

TRUNCATE TABLE t;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

CREATE TABLE u (id INT);
-> error 3989 HY000 Schema 'frozen' is in read only mode.

ALTER TABLE t ADD COLUMN w INT;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

CREATE INDEX iv ON t (v);
-> error 3989 HY000 Schema 'frozen' is in read only mode.

CREATE VIEW vv AS SELECT 1;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

RENAME TABLE t TO t2;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

DROP TABLE t;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

CREATE PROCEDURE q() SELECT 2;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

DROP PROCEDURE p;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

DROP DATABASE frozen;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

ALTER SCHEMA frozen DEFAULT CHARACTER SET utf8mb4;
-> error 3989 HY000 Schema 'frozen' is in read only mode.

-- from another schema: writes into it fail, reads from it feed writes elsewhere
USE thawed;
-> ok affected=0

INSERT INTO frozen.t VALUES (3, 'c');
-> error 3989 HY000 Schema 'frozen' is in read only mode.

INSERT INTO copy SELECT * FROM frozen.t;
-> ok affected=1

CALL frozen.p();
-> rows
1

-- temporary tables stay writable
CREATE TEMPORARY TABLE frozen.scratch (id INT);
-> ok affected=0

INSERT INTO frozen.scratch VALUES (1);
-> ok affected=1

DROP TEMPORARY TABLE frozen.scratch;
-> ok affected=0

-- the checks of ALTER SCHEMA itself
ALTER SCHEMA mysql READ ONLY = 1;
-> error 3552 HY000 Access to system schema 'mysql' is rejected.

ALTER SCHEMA nosuch READ ONLY = 1;
-> error 1049 42000 Unknown database 'nosuch'

ALTER SCHEMA frozen READ ONLY = 0;
-> ok affected=1

INSERT INTO frozen.t VALUES (2, 'b');
-> ok affected=1

SHOW CREATE DATABASE frozen;
-> rows
frozen | CREATE DATABASE `frozen` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */

ALTER SCHEMA frozen READ ONLY DEFAULT;
-> ok affected=1

DROP DATABASE frozen;
-> ok affected=1

DROP DATABASE thawed;
-> ok affected=1
