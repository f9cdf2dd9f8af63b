-- MySQL functions the engine lacks or names otherwise: digests, hex, strings, addresses, dates, UUID, numbers.
-- Expected values are those of the MySQL 8.4 reference manual's examples where it gives one.

SELECT MD5('a'), SHA1('a'), SHA('abc');
-> rows
0cc175b9c0f1b6a831c399e269772661 | 86f7e437faa5a7fce15d1ddcb9eaeaea377667b8 | a9993e364706816aba3e25717850c26c9cd0d89d

SELECT SHA2('abc', 256), SHA2('abc', 0) = SHA2('abc', 256), SHA2('abc', 1), MD5(NULL);
-> rows
ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad | 1 | NULL | NULL

SELECT CRC32('MySQL'), CRC32('mysql');
-> rows
3259397556 | 2501908538

SELECT HEX('abc'), HEX(255), HEX(-1), HEX(UNHEX('4D7953514C')), UNHEX('GG') IS NULL;
-> rows
616263 | FF | FFFFFFFFFFFFFFFF | 4D7953514C | 1

SELECT SUBSTRING_INDEX('www.mysql.com', '.', 2), SUBSTRING_INDEX('www.mysql.com', '.', -2);
-> rows
www.mysql | mysql.com

SELECT FIELD('Bb', 'Aa', 'Bb', 'Cc', 'Dd', 'Ff'), FIELD('Gg', 'Aa', 'Bb', 'Cc', 'Dd', 'Ff');
-> rows
2 | 0

SELECT ELT(1, 'Aa', 'Bb', 'Cc', 'Dd'), ELT(4, 'Aa', 'Bb', 'Cc', 'Dd'), ELT(5, 'Aa');
-> rows
Aa | Dd | NULL

SELECT FORMAT(12332.123456, 4), FORMAT(12332.1, 4), FORMAT(12332.2, 0);
-> rows
12,332.1235 | 12,332.1000 | 12,332

SELECT INET_ATON('10.0.5.9'), INET_NTOA(167773449), INET_ATON('127.1');
-> rows
167773449 | 10.0.5.9 | 2130706433

SELECT DATEDIFF('2007-12-31 23:59:59', '2007-12-30'), DATEDIFF('2010-11-30 23:59:59', '2010-12-31');
-> rows
1 | -31

SELECT TIME_TO_SEC('22:23:00'), TIME_TO_SEC('00:39:38');
-> rows
80580 | 2378

SELECT CHAR_LENGTH(UUID()), SUBSTRING(UUID(), 15, 1), UUID() <> UUID();
-> rows
36 | 1 | 1

SELECT UTC_DATE() IS NOT NULL, CHAR_LENGTH(UTC_TIMESTAMP()), UTC_TIME() IS NOT NULL, SYSDATE() IS NOT NULL;
-> rows
1 | 19 | 1 | 1

SELECT POW(2, 3), POWER(2, -2), LOG2(65536), BIT_COUNT(64), BIT_COUNT(7);
-> rows
8 | 0.25 | 16 | 1 | 3

CREATE DATABASE conf;
USE conf;

-- the names stay table names where a table name is expected
CREATE TABLE field (id INT PRIMARY KEY, format VARCHAR(10));
INSERT INTO field (id, format) VALUES (1, 'x');
-> ok affected=1

SELECT format, HEX(format), HEX(id) FROM field;
-> rows
x | 78 | 1

-- date arithmetic on dates in quotes: a DATE stays a date, a time part or a unit below a day makes a DATETIME
SELECT DATE_ADD('2020-01-31', INTERVAL 1 MONTH), DATE_SUB('2020-03-01', INTERVAL 1 DAY),
  DATE_ADD('2020-01-01', INTERVAL 1 HOUR), DATE_ADD('2020-01-01 23:59:59', INTERVAL 1 SECOND);
-> rows
2020-02-29 | 2020-02-29 | 2020-01-01 01:00:00 | 2020-01-02 00:00:00

-- cast types: CHAR is a string of any length, CONVERT ... USING keeps the value
SELECT CAST(12345 AS CHAR), CONVERT(12345, CHAR), CAST('hello' AS CHAR CHARACTER SET utf8mb4),
  CONVERT('abc' USING utf8mb4), CAST(-5 AS SIGNED), CAST('7' AS UNSIGNED INTEGER);
-> rows
12345 | 12345 | hello | abc | -5 | 7

-- BINARY is a byte string of any length too (the engine's BINARY is one byte: the value was cut to 'h')
SELECT HEX(CAST('héllo' AS BINARY)), LENGTH(CAST('héllo' AS BINARY)), HEX(CONVERT('abc', BINARY)), HEX(CAST('abc' AS BINARY(2)));
-> rows
68C3A96C6C6F | 6 | 616263 | 6162

-- shared row locks are accepted (the engine takes them exclusively)
CREATE TABLE shared (id INT PRIMARY KEY, v INT);
INSERT INTO shared VALUES (1, 10);
-> ok affected=1

SELECT v FROM shared WHERE id = 1 FOR SHARE;
-> rows
10

SELECT v FROM shared WHERE id = 1 LOCK IN SHARE MODE;
-> rows
10

SELECT WEEKDAY('2008-02-03 22:23:00'), WEEKDAY('2007-11-06');
-> rows
6 | 1

SELECT WEEK('2008-02-20'), WEEK('2008-02-20', 0), WEEK('2008-02-20', 1), WEEK('2008-12-31', 1), WEEK(NULL);
-> rows
7 | 7 | 8 | 53 | NULL

SELECT WEEK('2000-01-01', 0), WEEK('2000-01-01', 2), YEARWEEK('1987-01-01'), YEARWEEK('2008-12-29', 3);
-> rows
0 | 52 | 198652 | 200901

SELECT MICROSECOND('12:00:00.123456'), MICROSECOND('2019-12-31 23:59:59.000010'), MICROSECOND('2019-12-31');
-> rows
123456 | 10 | 0

SELECT CONVERT_TZ('2004-01-01 12:00:00', '+00:00', '+10:00'), CONVERT_TZ('2004-01-01 12:00:00', '-05:30', '+0:00'),
  CONVERT_TZ('2004-01-01 12:00:00', '+00:00', 'no such zone');
-> rows
2004-01-01 22:00:00 | 2004-01-01 17:30:00 | NULL

SELECT CHAR_LENGTH(CAST(UTC_TIMESTAMP() AS CHAR)), CHAR_LENGTH(CAST(SYSDATE() AS CHAR));
-> rows
19 | 19

-- STR_TO_DATE: the result is a DATE, a TIME or a DATETIME by the format's parts; NULL when the text does not match
SELECT STR_TO_DATE('01,5,2013', '%d,%m,%Y'), STR_TO_DATE('May 1, 2013', '%M %d,%Y'), STR_TO_DATE('a09:30:17', 'a%h:%i:%s');
-> rows
2013-05-01 | 2013-05-01 | 09:30:17

SELECT STR_TO_DATE('9', '%m'), STR_TO_DATE('a09:30:17', '%h:%i:%s'), STR_TO_DATE('2013-02-30', '%Y-%m-%d');
-> rows
NULL | NULL | NULL

SELECT STR_TO_DATE('2020-03-04 05:06:07 PM', '%Y-%m-%d %h:%i:%s %p'), STR_TO_DATE('04/03/20 17:06', '%d/%m/%y %H:%i'),
  STR_TO_DATE('Tue 2020-03-03 10:00:00', '%a %Y-%m-%d %T');
-> rows
2020-03-04 17:06:07 | 2020-03-04 17:06:00 | 2020-03-03 10:00:00

-- NOW() and CURRENT_TIMESTAMP are whole seconds unless given a precision
SELECT CHAR_LENGTH(CAST(NOW() AS CHAR)), CHAR_LENGTH(CAST(CURRENT_TIMESTAMP AS CHAR)), NOW() = CURRENT_TIMESTAMP(),
  NOW(3) >= NOW();
-> rows
19 | 19 | 1 | 1

CREATE TABLE stamped (id INT PRIMARY KEY, at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6));
INSERT INTO stamped (id) VALUES (1);
-> ok affected=1

INSERT INTO stamped VALUES (2, NOW());
-> ok affected=1

SELECT id, EXTRACT(MICROSECOND FROM at) = 0 FROM stamped WHERE id = 2;
-> rows
2 | 1

-- LENGTH counts the bytes of the value as text
SELECT LENGTH(123), LENGTH(1.5), LENGTH(CAST('2020-01-02 03:04:05' AS DATETIME)), LENGTH(DATE '2020-01-02'),
  LENGTH(x'0102'), LENGTH(NULL);
-> rows
3 | 3 | 19 | 10 | 2 | NULL

-- a string longer than max_allowed_packet is NULL with warning 1301, not a string the heap cannot hold
SELECT LENGTH(REPEAT('ab', 3)), SPACE(2) = '  ', LPAD('7', 3, '0'), RPAD('ab', 5, 'xy'), LPAD('abc', 2, 'x');
-> rows
6 | 1 | 007 | abxyx | ab

SELECT REPEAT('x', 2000000000) IS NULL, LPAD('x', 2000000000, 'y') IS NULL, SPACE(2000000000) IS NULL;
-> rows
1 | 1 | 1

SELECT CONCAT(REPEAT('x', 40000000), REPEAT('y', 40000000)) IS NULL, CONCAT('a', 'b');
-> rows
1 | ab

-- a binary argument makes a string function's result binary, and the function works on its bytes
SELECT HEX(CONCAT(X'FF00', 'a')), HEX(CONCAT_WS(X'FF', 'a', 'b')), HEX(LEFT(X'FF80', 1)), HEX(RIGHT(X'FF80', 1)), HEX(UPPER(X'E1'));
-> rows
FF0061 | 61FF62 | FF | 80 | E1

SELECT HEX(REVERSE(X'FF80')), REVERSE('abc'), HEX(LPAD(X'FF', 3, X'80')), HEX(REPLACE(X'FF80', X'80', X'81')), HEX(SUBSTRING_INDEX(X'FF2CFE2C01', ',', -2));
-> rows
80FF | cba | 8080FF | FF81 | FE2C01

SELECT HEX(MID(X'FF80', 2, 1)), MID('abc', 2), HEX(TRIM(X'20FF20')), HEX(INSERT(X'FFFF', 1, 1, X'80')), HEX(ELT(2, 'a', X'EE'));
-> rows
80 | bc | FF | 80FF | EE

CREATE TABLE fnbin (id INT PRIMARY KEY, v VARBINARY(16), t VARCHAR(16));
INSERT INTO fnbin VALUES (1, CONCAT(X'FF00', 'a'), CONCAT('x', 'y'));
-> ok affected=1

UPDATE fnbin SET v = CONCAT(v, X'C0'), t = UPPER(t) WHERE id = 1;
-> ok affected=1

SELECT HEX(v), t, HEX(CONCAT(v, 'z')), HEX(REVERSE(fnbin.v)) FROM fnbin;
-> rows
FF0061C0 | XY | FF0061C07A | C06100FF

-- UUIDs as 16 bytes, with the time parts swapped on request
SELECT HEX(UUID_TO_BIN('6ccd780c-baba-1026-9564-5b8c656024db')), HEX(UUID_TO_BIN('6ccd780c-baba-1026-9564-5b8c656024db', 1));
-> rows
6CCD780CBABA102695645B8C656024DB | 1026BABA6CCD780C95645B8C656024DB

SELECT BIN_TO_UUID(UUID_TO_BIN('{6CCD780C-BABA-1026-9564-5B8C656024DB}', 1), 1), BIN_TO_UUID(X'6CCD780CBABA102695645B8C656024DB');
-> rows
6ccd780c-baba-1026-9564-5b8c656024db | 6ccd780c-baba-1026-9564-5b8c656024db

SELECT IS_UUID('6ccd780cbaba102695645b8c656024db'), IS_UUID('6ccd780c-baba-1026-9564'), IS_UUID(NULL), UUID_TO_BIN(NULL);
-> rows
1 | 0 | NULL | NULL

SELECT UUID_TO_BIN('not a uuid');
-> error 1411 HY000 Incorrect string value: 'not a uuid' for function uuid_to_bin

-- IPv4 and IPv6 addresses as bytes, parsed and printed as MySQL does
SELECT HEX(INET6_ATON('10.0.5.9')), HEX(INET6_ATON('fdfe::5a55:caff:fefa:9089')), INET6_NTOA(INET6_ATON('fdfe::5a55:caff:fefa:9089')), INET6_NTOA(INET6_ATON('10.0.5.9'));
-> rows
0A000509 | FDFE0000000000005A55CAFFFEFA9089 | fdfe::5a55:caff:fefa:9089 | 10.0.5.9

SELECT INET6_NTOA(INET6_ATON('::10.0.5.9')), INET6_NTOA(INET6_ATON('::ffff:10.0.5.9')), INET6_NTOA(INET6_ATON('1:0:2:3:4:5:6:7')), INET6_NTOA(INET6_ATON('::')), INET6_NTOA(INET6_ATON('1::'));
-> rows
::10.0.5.9 | ::ffff:10.0.5.9 | 1::2:3:4:5:6:7 | :: | 1::

SELECT IS_IPV4('1.2.3.4'), IS_IPV4('1.2.3.256'), IS_IPV6('::1'), IS_IPV6('1.2.3.4'), IS_IPV4(NULL), IS_IPV4_COMPAT(INET6_ATON('::10.0.5.9')), IS_IPV4_MAPPED(INET6_ATON('::ffff:10.0.5.9')), IS_IPV4_COMPAT(INET6_ATON('::ffff:10.0.5.9'));
-> rows
1 | 0 | 1 | 0 | 0 | 1 | 1 | 0

SELECT INET6_ATON('1.2.3');
-> rows
NULL
-> warnings
Warning | 1411 | Incorrect string value: ''1.2.3'' for function inet6_aton

-- AES_ENCRYPT and AES_DECRYPT in block_encryption_mode (ECB values as MariaDB gives them, the others as OpenSSL does)
SELECT HEX(AES_ENCRYPT('text', 'key')), HEX(AES_ENCRYPT('a much longer text than one block', 'a key longer than sixteen bytes!!')), AES_DECRYPT(AES_ENCRYPT('secret', 'k'), 'k'), AES_DECRYPT(AES_ENCRYPT('secret', 'k'), 'wrong'), HEX(AES_ENCRYPT(X'00FF10', 'k')), AES_ENCRYPT(NULL, 'k'), HEX(AES_ENCRYPT('', 'k'));
-> rows
15E36637363712FC2E699B9C95B75393 | 5606B26CBF055BBCAAFAC4B0542F8BFAFD96C150CE6108FE0719371CE3126CA70A18CEFEDD3B094FD8E8E0CBE9AD02F1 | secret | NULL | 4702E7034629627B11B91A22A86E9C09 | NULL | 932F1B1E9189536B938A6B67666D4031

SELECT HEX(AES_ENCRYPT('x', 'k', '1234567890123456'));
-> rows
C7C594CA6690A3FD6861111945A9C1F5
-> warnings
Warning | 1618 | <IV> option ignored

SET block_encryption_mode = 'aes-256-cbc';

SELECT HEX(AES_ENCRYPT('secret', 'k', '1234567890123456xx')), AES_DECRYPT(AES_ENCRYPT('secret', 'k', '1234567890123456'), 'k', '1234567890123456');
-> rows
EB1C1957917C1FEB32BE712352E693DA | secret

SELECT AES_ENCRYPT('x', 'k');
-> error 1582 42000 Incorrect parameter count in the call to native function 'aes_encrypt'

SELECT AES_ENCRYPT('x', 'k', 'short');
-> error 1882 HY000 The initialization vector supplied to aes_encrypt is too short. Must be at least 16 bytes long

SET block_encryption_mode = 'aes-128-ofb';

SELECT HEX(AES_ENCRYPT('secret', 'k', '1234567890123456'));
-> rows
86973F33EAB5

SET block_encryption_mode = DEFAULT;

SELECT CHAR(77,121,83,81,'76'), CHAR(77,77.3), HEX(CHAR(256)), HEX(CHAR(1,0)), HEX(CHAR(256*256)), HEX(CHAR(NULL, 65));
-> rows
MySQL | MM | 0100 | 0100 | 010000 | 41

SELECT CHAR(0xC3, 0xA9 USING utf8mb4), CHAR(X'65' USING utf8mb4), CHAR(0xFF USING utf8mb4) IS NULL, CAST(65 AS CHAR(10)), CONVERT(66, CHAR(5));
-> rows
é | e | 1 | 65 | 66

SELECT FORMAT_PICO_TIME(3501), FORMAT_PICO_TIME(188732396662000), FORMAT_PICO_TIME(999), FORMAT_PICO_TIME(NULL), FORMAT_PICO_TIME(86400000000000000);
-> rows
3.50 ns | 3.15 min | 999 ps | NULL | 1.00 d

SELECT FORMAT_BYTES(512), FORMAT_BYTES(18446644073709551615), FORMAT_BYTES(1536), FORMAT_BYTES(NULL);
-> rows
512 bytes | 16.00 EiB | 1.50 KiB | NULL

SELECT MAKEDATE(2011, 31), MAKEDATE(2011, 32), MAKEDATE(2011, 365), MAKEDATE(2014, 365), MAKEDATE(2011, 0), MAKETIME(12, 15, 30);
-> rows
2011-01-31 | 2011-02-01 | 2011-12-31 | 2014-12-31 | NULL | 12:15:30

SELECT SEC_TO_TIME(2378), SEC_TO_TIME(-90061.5), TIMEDIFF('2000-01-01 00:00:00', '2000-01-01 00:00:00.000001'), TIMEDIFF('2008-12-31 23:59:59.000001', '2008-12-30 01:01:01.000002');
-> rows
00:39:38 | -25:01:01.5 | -00:00:00.000001 | 46:58:57.999999

SELECT ADDTIME('2007-12-31 23:59:59.999999', '1 1:1:1.000002'), ADDTIME('01:00:00.999999', '02:00:00.999998'), SUBTIME('01:00:00.999999', '02:00:00.999998');
-> rows
2008-01-02 01:01:01.000001 | 03:00:01.999997 | -00:59:59.999999

SELECT PERIOD_ADD(200801, 2), PERIOD_DIFF(200802, 200703), TO_DAYS('1995-05-01'), TO_DAYS('2007-10-07'), FROM_DAYS(730669), TO_SECONDS('2009-11-29 13:43:32');
-> rows
200803 | 11 | 728779 | 733321 | 2000-07-03 | 63426721412

SELECT QUOTE('Don''t!'), QUOTE(NULL) = 'NULL', CONV('a', 16, 2), CONV('6E', 18, 8), CONV(-17, 10, -18), CONV(10 + '10' + '10' + X'0a', 10, 10), BIN(12), OCT(12);
-> rows
'Don\'t!' | 1 | 1010 | 172 | -H | 40 | 1100 | 14

SELECT MAKE_SET(1, 'a', 'b', 'c'), MAKE_SET(1 | 4, 'hello', 'nice', 'world'), MAKE_SET(1 | 4, 'hello', 'nice', NULL, 'world'), EXPORT_SET(5, 'Y', 'N', ',', 4), EXPORT_SET(6, '1', '0', ',', 10);
-> rows
a | hello,world | hello | Y,N,Y,N | 0,1,1,0,0,0,0,0,0,0

SELECT ORD('2'), STRCMP('text', 'text2'), STRCMP('text2', 'text'), STRCMP('text', 'text'), ISNULL(1 + 1), ISNULL(1 / 0), TO_BASE64('abc'), FROM_BASE64(TO_BASE64('abc')), LENGTH(RANDOM_BYTES(8));
-> rows
50 | -1 | 1 | 0 | 0 | 1 | YWJj | abc | 8

SELECT DATE_FORMAT('2009-10-04 22:23:00', '%W %M %Y'), DATE_FORMAT('1900-10-04 22:23:00', '%D %y %a %d %m %b %j'), DATE_FORMAT('1997-10-04 22:23:00', '%H %k %I %r %T %S %w'), DATE_FORMAT('1999-01-01', '%X %V');
-> rows
Sunday October 2009 | 4th 00 Thu 04 10 Oct 277 | 22 22 10 10:23:00 PM 22:23:00 00 6 | 1998 52

SELECT RANDOM_BYTES(0);
-> error 1690 22003 length value is out of range in 'random_bytes'

SELECT CURRENT_ROLE();
-> rows
NONE

SELECT INTERVAL(23, 1, 15, 17, 30, 44, 200), INTERVAL(10, 1, 10, 100), INTERVAL(NULL, 1, 2), INTERVAL(0, 1), INTERVAL(5.5, 1, 5.5, 6);
-> rows
3 | 2 | -1 | 0 | 2

SELECT INTERVAL(3, 5, 1, 2), INTERVAL(3, 1, 2, 3, 4, 5, 6, 7, 8, 9), INTERVAL(-1, NULL, 1), DATE '2024-01-01' + INTERVAL (1 + 1) DAY;
-> rows
0 | 3 | 1 | 2024-01-03

SELECT TIMESTAMP('2003-12-31 12:00:00', '12:00:00'), TIMESTAMP('2003-12-31'), TIMESTAMP('2003-12-31 12:00:00.5'), TIMESTAMP('2003-12-31', '-01:00:00'), TIMESTAMP(NULL);
-> rows
2004-01-01 00:00:00 | 2003-12-31 00:00:00 | 2003-12-31 12:00:00.5 | 2003-12-30 23:00:00 | NULL

SELECT CAST('2024-13-01' AS DATE), CAST('' AS DATE), CAST('2024-02-29' AS DATE), CAST(20240102 AS DATE), CAST('2024-1-5' AS DATE), CAST('2024-01-05 10:11:12' AS DATE);
-> rows
NULL | NULL | 2024-02-29 | 2024-01-02 | 2024-01-05 | 2024-01-05
-> warnings
Warning | 1292 | Incorrect datetime value: '2024-13-01'
Warning | 1292 | Incorrect datetime value: ''

SELECT CAST('2024-01-05 10:11:12.5' AS DATETIME(2)), CAST('24/1/5 1:2:3' AS DATETIME), CAST('2024-01-05 25:00:00' AS DATETIME), CONVERT('20240105101112', DATETIME), CAST('991231' AS DATE), CAST('691231' AS DATE);
-> rows
2024-01-05 10:11:12.50 | 2024-01-05 01:02:03 | NULL | 2024-01-05 10:11:12 | 1999-12-31 | 2069-12-31
-> warnings
Warning | 1292 | Incorrect datetime value: '2024-01-05 25:00:00'

SELECT DATE_ADD('2024-01-01', INTERVAL '1.5' DAY), DATE_ADD('2024-01-01', INTERVAL 1.5 DAY), DATE '2024-01-01' + INTERVAL 2.4 DAY, DATE_SUB('2024-01-10', INTERVAL 0.5 DAY), '2024-01-01' - INTERVAL 1.5 MONTH, DATE '2024-01-01' + INTERVAL '2x' DAY;
-> rows
2024-01-02 | 2024-01-03 | 2024-01-03 | 2024-01-09 | 2023-11-01 | 2024-01-03
-> warnings
Warning | 1292 | Truncated incorrect INTEGER value: '1.5'
Warning | 1292 | Truncated incorrect INTEGER value: '2x'

SELECT TO_DAYS(950501), TO_DAYS(123), DAYOFYEAR(20240301), YEAR(20240301), DAYNAME(20240101), TO_SECONDS(20240101120000), LAST_DAY(20240201), DATE_FORMAT(20240102, '%Y/%m/%d');
-> rows
728779 | 730507 | 61 | 2024 | Monday | 63871329600 | 2024-02-29 | 2024/01/02

SELECT TO_DAYS(20241301), YEAR(99);
-> rows
NULL | NULL
-> warnings
Warning | 1292 | Incorrect datetime value: '20241301'
Warning | 1292 | Incorrect datetime value: '99'
