-- Databases: CREATE/DROP DATABASE, USE, No database selected, unknown database.

SELECT 1 FROM t;
-> error 1046 3D000 No database selected

CREATE TABLE t (id INT);
-> error 1046 3D000 No database selected

CREATE DATABASE conf1;
-> ok affected=1

CREATE DATABASE conf1;
-> error 1007 HY000 Can't create database 'conf1'; database exists

CREATE DATABASE IF NOT EXISTS conf1;
-> ok affected=1
-> warnings
Note | 1007 | Can't create database 'conf1'; database exists

CREATE DATABASE conf2 CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-> ok affected=1

USE conf1;
-> ok

SELECT DATABASE();
-> rows
conf1

USE nodb;
-> error 1049 42000 Unknown database 'nodb'

SELECT * FROM nodb.t;
-> error 1146 42S02 Table 'nodb.t' doesn't exist

DROP DATABASE conf2;
-> ok affected=0

DROP DATABASE conf2;
-> error 1008 HY000 Can't drop database 'conf2'; database doesn't exist

DROP DATABASE IF EXISTS conf2;
-> ok affected=0
-> warnings
Note | 1008 | Can't drop database 'conf2'; database doesn't exist

CREATE TABLE conf1.t (id INT);

DROP DATABASE conf1;
-> ok affected=1

SELECT DATABASE();
-> rows
NULL

SHOW DATABASES;
-> rows
information_schema
mysql
performance_schema

-- information_schema is read without a database too (after the current one was dropped: 1049 before)
-- MySQL 8.4's keywords: 8.4 reserved MANUAL, PARALLEL, QUALIFY and TABLESAMPLE, and dropped MASTER_BIND
SELECT WORD, RESERVED FROM information_schema.KEYWORDS WHERE WORD IN ('account', 'begin', 'manual', 'master_bind', 'tablesample', 'zerofill') ORDER BY WORD;
-> rows
ACCOUNT | 0
BEGIN | 0
MANUAL | 1
TABLESAMPLE | 1
ZEROFILL | 1

CREATE TEMPORARY TABLE keywords_as_names (manual INT);
-> error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'manual INT)' at line 1

-- the current database was dropped above: there is none
CREATE TEMPORARY TABLE keywords_as_names (`manual` INT, master_bind INT, account INT);
-> error 1046 3D000 No database selected

CREATE DATABASE conf_keywords;
-> ok affected=1

CREATE TABLE conf_keywords.names (`manual` INT, master_bind INT, account INT);
-> ok affected=0

DROP DATABASE conf_keywords;
-> ok affected=1
