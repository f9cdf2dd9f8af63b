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
