-- FULLTEXT indexes and MATCH ... AGAINST: InnoDB's relevance (the values of MySQL's manual, "Relevancy Ranking for
-- InnoDB Boolean Mode Search"), boolean operators, stopwords and short words, and MySQL's errors.
CREATE DATABASE search;
USE search;
CREATE TABLE articles (id INT UNSIGNED AUTO_INCREMENT NOT NULL PRIMARY KEY, title VARCHAR(200), body TEXT, FULLTEXT (title, body)) ENGINE=InnoDB;

INSERT INTO articles (title, body) VALUES ('MySQL Tutorial', 'This database tutorial ...'), ('How To Use MySQL', 'After you went through a ...'), ('Optimizing Your Database', 'In this database tutorial ...'), ('MySQL vs. YourSQL', 'When comparing databases ...'), ('MySQL Security', 'When configured properly, MySQL ...'), ('Database, Database, Database', 'database database database'), ('1001 MySQL Tricks', '1. Never run mysqld as root. 2. ...'), ('MySQL Full-Text Indexes', 'MySQL fulltext indexes use a ..');
-> ok affected=8

SELECT id, MATCH (title, body) AGAINST ('database' IN BOOLEAN MODE) AS score FROM articles ORDER BY score DESC, id;
-> rows
6 | 1.0886961221694946
3 | 0.36289870738983154
1 | 0.18144935369491577
2 | 0
4 | 0
5 | 0
7 | 0
8 | 0

SELECT id, MATCH (title, body) AGAINST ('mysql tutorial' IN BOOLEAN MODE) AS score FROM articles ORDER BY score DESC, id;
-> rows
1 | 0.7405621409416199
3 | 0.3624762296676636
5 | 0.031219376251101494
8 | 0.031219376251101494
2 | 0.015609688125550747
4 | 0.015609688125550747
7 | 0.015609688125550747
6 | 0

-- natural language mode in WHERE: the most relevant rows first
SELECT id, title FROM articles WHERE MATCH (title, body) AGAINST ('database');
-> rows
6 | Database, Database, Database
3 | Optimizing Your Database
1 | MySQL Tutorial

SELECT id FROM articles WHERE MATCH (body, title) AGAINST ('+mysql -tutorial' IN BOOLEAN MODE) ORDER BY id;
-> rows
2
4
5
7
8

SELECT id FROM articles WHERE MATCH (title, body) AGAINST ('"database tutorial"' IN BOOLEAN MODE) ORDER BY id;
-> rows
1
3

SELECT id FROM articles WHERE MATCH (title, body) AGAINST ('data*' IN BOOLEAN MODE) ORDER BY id;
-> rows
1
3
4
6

-- stopwords and words shorter than innodb_ft_min_token_size are not indexed
SELECT COUNT(*) FROM articles WHERE MATCH (title, body) AGAINST ('the is a to');
-> rows
0

SELECT INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'search' AND TABLE_NAME = 'articles' ORDER BY INDEX_NAME, SEQ_IN_INDEX;
-> rows
PRIMARY | 1 | id | 0 | BTREE
title | 1 | title | 1 | FULLTEXT
title | 2 | body | 1 | FULLTEXT

SELECT id FROM articles WHERE MATCH (title) AGAINST ('security');
-> error 1191 HY000 Can't find FULLTEXT index matching the column list

SELECT MATCH (title, body) AGAINST (title) FROM articles;
-> error 1210 HY000 Incorrect arguments to AGAINST

ALTER TABLE articles ADD FULLTEXT INDEX title_only (title);

SELECT id FROM articles WHERE MATCH (title) AGAINST ('security');
-> rows
5

DROP INDEX title_only ON articles;

SELECT id FROM articles WHERE MATCH (title) AGAINST ('security');
-> error 1191 HY000 Can't find FULLTEXT index matching the column list

ALTER TABLE articles ADD FULLTEXT (missing);
-> error 1072 42000 Key column 'missing' doesn't exist in table

CREATE TABLE numbers (n INT, FULLTEXT (n));
-> error 1283 HY000 Column 'n' cannot be part of FULLTEXT index

CREATE TEMPORARY TABLE scratch (t TEXT, FULLTEXT (t));
-> error 1214 HY000 The used table type doesn't support FULLTEXT indexes
