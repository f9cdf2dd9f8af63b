#!/usr/bin/env python3
"""Stores bytes through one Python driver and reads them back: every byte value and invalid UTF-8 sequences, in
BINARY, VARBINARY and BLOB columns, and text in a latin1 and a utf8mb4 column.

usage: roundtrip.py DRIVER MODE PORT     DRIVER: pymysql | MySQLdb | mysql.connector; MODE: plain | prepared
Prints one line per difference and, last, "OK <values checked>" or "FAILED <differences>".
"""
import sys

SAMPLES = [
    bytes(range(256)),
    bytes(range(255, -1, -1)),
    b'\xff\xfe\xfd',
    b'\xc3\x28',                 # a 2-byte sequence cut short
    b'\xe2\x82',                 # a 3-byte sequence cut short
    b'\xed\xa0\x80',             # a UTF-16 surrogate written as UTF-8
    b'\xf8\x88\x80\x80\x80',     # a 5-byte form
    b'\xc0\xaf',                 # an overlong '/'
    b'\x80',
    b'a\x00b\x00',
    b"'\\\"\x1a\r\n%s?",
    b'\xf0\x9f\x98\x80',         # valid UTF-8 (an emoji)
    b'',
]
TEXTS = ['plain', 'é ü ß ÿ', "quote ' backslash \\ percent %s", '\u00a0\u00ff']
EMOJI = ['😀 𝄞 中文', '\U00010000\U0010ffff']


def connect(driver, port):
    if driver == 'pymysql':
        import pymysql
        return pymysql.connect(host='127.0.0.1', port=port, user='root', password='', database='bytes',
                               charset='utf8mb4', autocommit=True)
    if driver == 'MySQLdb':
        import MySQLdb
        connection = MySQLdb.connect(host='127.0.0.1', port=port, user='root', passwd='', db='bytes',
                                     charset='utf8mb4')
        connection.autocommit(True)
        return connection
    import mysql.connector
    return mysql.connector.connect(host='127.0.0.1', port=port, user='root', password='', database='bytes',
                                   charset='utf8mb4', autocommit=True, ssl_disabled=True)


def cursor(connection, driver, mode):
    if mode == 'prepared':
        return connection.cursor(prepared=True)
    return connection.cursor()


def main():
    driver, mode, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    connection = connect(driver, port)
    table = 't_%s_%s' % (driver.replace('.', '_'), mode)
    c = connection.cursor()
    c.execute('DROP TABLE IF EXISTS ' + table)
    c.execute('CREATE TABLE ' + table + ' (id INT PRIMARY KEY, fixed BINARY(16), vb VARBINARY(600), bl BLOB,'
              ' l1 VARCHAR(100) CHARACTER SET latin1, u8 VARCHAR(100) CHARACTER SET utf8mb4)')
    c.close()
    rows = {}
    for i, sample in enumerate(SAMPLES):
        rows[i] = (sample[:16].ljust(16, b'\x00'), sample, sample, TEXTS[i % len(TEXTS)],
                   (TEXTS + EMOJI)[i % (len(TEXTS) + len(EMOJI))])
    for first in range(0, 256, 16):
        rows[100 + first] = (bytes(range(first, first + 16)), bytes(range(first, first + 16)), None, None, None)
    c = cursor(connection, driver, mode)
    insert = 'INSERT INTO ' + table + ' VALUES (%s, %s, %s, %s, %s, %s)'
    if driver == 'mysql.connector' and mode == 'prepared':
        insert = insert.replace('%s', '?')
    for key, values in rows.items():
        c.execute(insert, (key,) + values)
    c.close()
    c = cursor(connection, driver, mode)
    c.execute('SELECT id, fixed, vb, bl, l1, u8 FROM ' + table + ' ORDER BY id')
    found = {row[0]: tuple(row[1:]) for row in c.fetchall()}
    c.close()
    problems = 0
    for key, expected in rows.items():
        got = found.get(key)
        if got is None:
            print('row %d missing' % key)
            problems += 1
            continue
        for column, want, have in zip(('fixed', 'vb', 'bl', 'l1', 'u8'), expected, got):
            if isinstance(have, bytearray):
                have = bytes(have)
            if isinstance(want, str) and isinstance(have, bytes):
                have = have.decode('utf-8', 'replace')
            if want != have:
                print('row %d %s: sent %r, got back %r' % (key, column, want, have))
                problems += 1
    connection.close()
    print('FAILED %d' % problems if problems else 'OK %d' % (len(rows) * 5))


if __name__ == '__main__':
    main()
