-- JSON columns and functions: text given for a JSON column is parsed, values come back in MySQL's normalized text.

CREATE DATABASE conf;
USE conf;

CREATE TABLE docs (id INT PRIMARY KEY, j JSON);
-> ok affected=0

INSERT INTO docs VALUES (1, '{"b":[1,2],"a":1}'), (2, '[3, {"x": "y"}, null]'), (3, '"text"'), (4, '12.5');
-> ok affected=4

SELECT id, j FROM docs ORDER BY id;
-> rows
1 | {"a": 1, "b": [1, 2]}
2 | [3, {"x": "y"}, null]
3 | "text"
4 | 12.5

-- invalid JSON text for a column: nothing is stored
INSERT INTO docs VALUES (5, '{"a": 1');
-> error 3140 22032 Invalid JSON text: "Missing a comma or '}' after an object member." at position 7 in value for column 'docs.j'.

INSERT INTO docs VALUES (5, '[5]'), (6, 'abc');
-> error 3140 22032 Invalid JSON text: "Invalid value." at position 0 in value for column 'docs.j'.

UPDATE docs SET j = '[1' WHERE id = 1;
-> error 3140 22032 Invalid JSON text: "Missing a comma or ']' after an array element." at position 2 in value for column 'docs.j'.

SELECT COUNT(*) FROM docs;
-> rows
4

SELECT j FROM docs WHERE id = 1;
-> rows
{"a": 1, "b": [1, 2]}

-- extraction: JSON_EXTRACT, -> and ->>
SELECT JSON_EXTRACT(j, '$.a'), j->'$.b[1]', JSON_EXTRACT(j, '$.b[*]'), JSON_EXTRACT(j, '$.a', '$.b[0]') FROM docs WHERE id = 1;
-> rows
1 | 2 | [1, 2] | [1, 1]

SELECT j->'$[1].x', j->>'$[1].x', docs.j->'$[2]', JSON_EXTRACT(j, '$[9]') FROM docs WHERE id = 2;
-> rows
"y" | y | null | NULL

SELECT id FROM docs WHERE j->>'$.a' = '1';
-> rows
1

SELECT id, JSON_TYPE(j), JSON_LENGTH(j), JSON_KEYS(j) FROM docs ORDER BY id;
-> rows
1 | OBJECT | 2 | ["a", "b"]
2 | ARRAY | 3 | NULL
3 | STRING | 1 | NULL
4 | DOUBLE | 1 | NULL

SELECT JSON_LENGTH(j, '$.b'), JSON_DEPTH(j) FROM docs WHERE id = 1;
-> rows
2 | 3

-- constructors: strings become JSON strings, JSON values nest
SELECT JSON_OBJECT('name', 'x', 'n', 1, 'list', JSON_ARRAY(1, 'two', NULL, 2.5));
-> rows
{"n": 1, "list": [1, "two", null, 2.5], "name": "x"}

SELECT JSON_OBJECT('doc', j) FROM docs WHERE id = 2;
-> rows
{"doc": [3, {"x": "y"}, null]}

SELECT JSON_ARRAY(), JSON_OBJECT(), JSON_QUOTE('a"b'), JSON_UNQUOTE('"abc"'), JSON_UNQUOTE(JSON_EXTRACT('{"a": "x"}', '$.a'));
-> rows
[] | {} | "a\"b" | abc | x

SELECT CAST('{"b":1,"a":2}' AS JSON), JSON_VALID('{"a": 1}'), JSON_VALID('{a}'), JSON_VALID(NULL);
-> rows
{"a": 2, "b": 1} | 1 | 0 | NULL

-- search
SELECT JSON_CONTAINS('{"a": 1, "b": [1, 2]}', '1', '$.a'), JSON_CONTAINS('{"a": 1, "b": [1, 2]}', '{"b": [2]}'),
  JSON_CONTAINS('[1, 2]', '3');
-> rows
1 | 1 | 0

SELECT JSON_CONTAINS_PATH('{"a": 1}', 'one', '$.a', '$.b'), JSON_CONTAINS_PATH('{"a": 1}', 'all', '$.a', '$.b');
-> rows
1 | 0

-- changes
SELECT JSON_SET('{"a": 1}', '$.a', 2, '$.b', 'x'), JSON_INSERT('{"a": 1}', '$.a', 2, '$.c', '[1]'),
  JSON_REPLACE('{"a": 1}', '$.a', JSON_ARRAY(1), '$.z', 0);
-> rows
{"a": 2, "b": "x"} | {"a": 1, "c": "[1]"} | {"a": [1]}

SELECT JSON_REMOVE('[1, 2, 3]', '$[1]'), JSON_ARRAY_APPEND('{"a": [1]}', '$.a', 2);
-> rows
[1, 3] | {"a": [1, 2]}

UPDATE docs SET j = JSON_SET(j, '$.c', 3) WHERE id = 1;
-> ok affected=1

INSERT INTO docs VALUES (5, JSON_OBJECT('k', 'v')), (6, NULL);
-> ok affected=2

SELECT id, j FROM docs WHERE id IN (1, 5, 6) ORDER BY id;
-> rows
1 | {"a": 1, "b": [1, 2], "c": 3}
5 | {"k": "v"}
6 | NULL

-- bad paths and bad arguments
SELECT JSON_EXTRACT('{"a": 1}', 'a');
-> error 3143 42000 Invalid JSON path expression. The error is around character position 1.

SELECT j->'a' FROM docs WHERE id = 1;
-> error 3143 42000 Invalid JSON path expression. The error is around character position 1.

SELECT JSON_EXTRACT('{"a": 1', '$.a');
-> error 3141 22032 Invalid JSON text in argument 1 to function json_extract: "Missing a comma or '}' after an object member." at position 7.

SELECT CAST('x' AS JSON);
-> error 3141 22032 Invalid JSON text in argument 1 to function cast_as_json: "Invalid value." at position 0.

SELECT JSON_SET('{}', '$.*', 1);
-> error 3149 42000 In this situation, path expressions may not contain the * and ** tokens or an array range.

SELECT JSON_REMOVE('{}', '$');
-> error 3153 42000 The path expression '$' is not allowed in this context.

SELECT JSON_CONTAINS_PATH('{}', 'some', '$');
-> error 3154 42000 The oneOrAll argument to json_contains_path may take these values: 'one' or 'all'.

SELECT JSON_OBJECT(NULL, 1);
-> error 3158 22032 JSON documents may not contain NULL member names.

SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'conf'
  AND TABLE_NAME = 'docs' ORDER BY ORDINAL_POSITION;
-> rows
id | int | int
j | json | json

-- a JSON column added later, and a renamed table, still parse what they are given
ALTER TABLE docs ADD COLUMN k JSON;

RENAME TABLE docs TO papers;

INSERT INTO papers VALUES (7, '{}', '[ 1 ,2 ]');
-> ok affected=1

INSERT INTO papers VALUES (8, '{}', '[');
-> error 3140 22032 Invalid JSON text: "Invalid value." at position 1 in value for column 'papers.k'.

SELECT j, k FROM papers WHERE id = 7;
-> rows
{} | [1, 2]

-- a JSON value that is a string cannot be told from text for the column once the engine converted it
INSERT INTO papers VALUES (9, CAST('"a"' AS JSON), NULL);
-> ok affected=1
-> deviation a JSON string value stored in a JSON column is parsed again as JSON text

SELECT JSON_ARRAYAGG(id) FROM papers WHERE id <= 2;
-> rows
[1, 2]
-> deviation JSON_ARRAYAGG and JSON_OBJECTAGG are the engine's (compact text, no spaces)
