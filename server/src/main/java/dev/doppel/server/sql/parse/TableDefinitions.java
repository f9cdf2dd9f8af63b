package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

import java.util.Set;

/**
 * MySQL 8.4's grammar for what a table is made of, as CREATE TABLE and ALTER TABLE write it: column definitions with
 * MySQL's data types and attributes, keys and their parts, foreign keys, CHECK constraints and table options. Only
 * these reach the engine: a type, attribute or option of the engine's own (JAVA_OBJECT, ARRAY, SELECTIVITY, ...) is
 * 1064 at its first token, as in MySQL. Expressions (DEFAULT (expr), AS (expr), CHECK (expr), key parts) are parsed
 * with {@link Expressions}, so their calls go through the function allowlist.
 */
final class TableDefinitions {
    private static final Set<String> INTEGER_TYPES = Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER",
            "BIGINT", "INT1", "INT2", "INT3", "INT4", "INT8", "MIDDLEINT");
    private static final Set<String> DECIMAL_TYPES = Set.of("DECIMAL", "DEC", "NUMERIC", "FIXED", "FLOAT", "DOUBLE",
            "REAL", "FLOAT4", "FLOAT8");
    private static final Set<String> TIME_TYPES = Set.of("DATETIME", "TIMESTAMP", "TIME");
    private static final Set<String> PLAIN_TYPES = Set.of("DATE", "BOOL", "BOOLEAN", "SERIAL", "JSON", "TINYBLOB",
            "MEDIUMBLOB", "LONGBLOB", "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION", "GEOMCOLLECTION");
    private static final Set<String> TEXT_TYPES = Set.of("TINYTEXT", "MEDIUMTEXT", "LONGTEXT");
    /** Types with an optional length: BIT(M), YEAR(4), BINARY(M), BLOB(M), CHAR(M), TEXT(M). */
    private static final Set<String> SIZED_TYPES = Set.of("BIT", "YEAR", "BINARY", "BLOB");
    private static final Set<String> KEY_STARTS = Set.of("INDEX", "KEY", "FULLTEXT", "SPATIAL", "CONSTRAINT",
            "PRIMARY", "UNIQUE", "FOREIGN", "CHECK");
    /** Table options written {@code NAME [=] value}. */
    private static final Set<String> VALUE_OPTIONS = Set.of("AUTOEXTEND_SIZE", "AUTO_INCREMENT", "AVG_ROW_LENGTH",
            "CHECKSUM", "COMMENT", "COMPRESSION", "CONNECTION", "DELAY_KEY_WRITE", "ENCRYPTION", "ENGINE",
            "ENGINE_ATTRIBUTE", "INSERT_METHOD", "KEY_BLOCK_SIZE", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "PASSWORD",
            "ROW_FORMAT", "SECONDARY_ENGINE", "SECONDARY_ENGINE_ATTRIBUTE", "STATS_AUTO_RECALC", "STATS_PERSISTENT",
            "STATS_SAMPLE_PAGES", "TABLESPACE");

    private final ParseState state;
    private final TokenCursor cursor;

    TableDefinitions(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
    }

    /** Whether the current token starts a key or constraint rather than a column. */
    boolean atKey() {
        Token token = cursor.peek();
        return token != null && token.kind() == Token.Kind.WORD && KEY_STARTS.contains(token.upper());
    }

    /** {@code col_name column_definition}. */
    void column() {
        state.expressions.name();
        columnDefinition();
    }

    /** A data type and the column's attributes, in any order as MySQL takes them. */
    void columnDefinition() {
        dataType();
        while (columnAttribute()) {
            // each attribute consumed
        }
    }

    private boolean columnAttribute() {
        if (cursor.acceptWords("NOT", "NULL") || cursor.acceptWord("NULL") || cursor.acceptWord("VISIBLE")
                || cursor.acceptWord("INVISIBLE") || cursor.acceptWord("AUTO_INCREMENT")
                || cursor.acceptWords("SERIAL", "DEFAULT", "VALUE")) {
            return true;
        }
        if (cursor.acceptWord("DEFAULT")) {
            defaultValue();
        } else if (cursor.acceptWord("UNIQUE")) {
            cursor.acceptWord("KEY");
        } else if (cursor.acceptWord("PRIMARY")) {
            cursor.expectWord("KEY");
        } else if (cursor.acceptWord("KEY")) {
            return true;
        } else if (cursor.acceptWord("COMMENT")) {
            string();
        } else if (cursor.acceptWord("COLLATE")) {
            state.expressions.charsetName();
        } else if (cursor.acceptWord("COLUMN_FORMAT")) {
            oneOf("FIXED", "DYNAMIC", "DEFAULT");
        } else if (cursor.acceptWord("ENGINE_ATTRIBUTE") || cursor.acceptWord("SECONDARY_ENGINE_ATTRIBUTE")) {
            cursor.acceptSymbol("=");
            string();
        } else if (cursor.acceptWord("STORAGE")) {
            oneOf("DISK", "MEMORY");
        } else if (cursor.acceptWord("SRID")) {
            number();
        } else if (cursor.isWord("REFERENCES")) {
            references();
        } else if (cursor.isWord("CONSTRAINT") || cursor.isWord("CHECK")) {
            check();
        } else if (cursor.acceptWords("ON", "UPDATE")) {
            timestampFunction();
        } else if (cursor.acceptWord("GENERATED")) {
            cursor.expectWord("ALWAYS");
            cursor.expectWord("AS");
            generated();
        } else if (cursor.acceptWord("AS")) {
            generated();
        } else if (cursor.acceptWords("SERIAL", "DEFAULT", "VALUE")) {
            return true;
        } else {
            return false;
        }
        return true;
    }

    /** DEFAULT (expr), or a literal, NULL, or CURRENT_TIMESTAMP and its synonyms (and MariaDB's f() form). */
    private void defaultValue() {
        if (cursor.acceptSymbol("(")) {
            state.expressions.expression();
            cursor.expectSymbol(")");
        } else {
            state.expressions.bitExpression();
        }
    }

    /** CURRENT_TIMESTAMP, NOW, LOCALTIME or LOCALTIMESTAMP, with an optional ([fsp]). */
    private void timestampFunction() {
        Token token = cursor.peek();
        if (token == null || !(token.isWord("CURRENT_TIMESTAMP") || token.isWord("NOW") || token.isWord("LOCALTIME")
                || token.isWord("LOCALTIMESTAMP"))) {
            throw cursor.error();
        }
        cursor.next();
        if (cursor.acceptSymbol("(")) {
            if (!cursor.isSymbol(")")) {
                number();
            }
            cursor.expectSymbol(")");
        }
    }

    /** (expr) [VIRTUAL | STORED] of a generated column. */
    private void generated() {
        cursor.expectSymbol("(");
        state.expressions.expression();
        cursor.expectSymbol(")");
        if (!cursor.acceptWord("VIRTUAL")) {
            cursor.acceptWord("STORED");
        }
    }

    /** One of MySQL's data types, with its length, precision, sign and character set. */
    void dataType() {
        Token type = cursor.peek();
        if (type == null || type.kind() != Token.Kind.WORD) {
            throw cursor.error();
        }
        String name = type.upper();
        cursor.next();
        if (INTEGER_TYPES.contains(name)) {
            optionalLength(false);
            numericAttributes();
        } else if (DECIMAL_TYPES.contains(name)) {
            if (name.equals("DOUBLE")) {
                cursor.acceptWord("PRECISION");
            }
            optionalLength(true);
            numericAttributes();
        } else if (TIME_TYPES.contains(name) || SIZED_TYPES.contains(name)) {
            optionalLength(false);
        } else if (name.equals("VARBINARY")) {
            requiredLength();
        } else if (name.equals("TEXT") || TEXT_TYPES.contains(name)) {
            if (name.equals("TEXT")) {
                optionalLength(false);
            }
            state.expressions.charsetClause();
        } else if (name.equals("LONG")) {
            if (!cursor.acceptWord("VARBINARY")) {
                if (!cursor.acceptWord("VARCHAR")) {
                    cursor.acceptWord("VARCHARACTER");
                }
                state.expressions.charsetClause();
            }
        } else if (name.equals("ENUM") || name.equals("SET")) {
            cursor.expectSymbol("(");
            do {
                textString();
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
            state.expressions.charsetClause();
        } else if (!PLAIN_TYPES.contains(name) && !characterType(name)) {
            cursor.reset(cursor.position() - 1);
            throw cursor.error();
        }
    }

    /** CHAR, VARCHAR and their national and spelled-out forms; false when {@code name} is none of them. */
    private boolean characterType(String name) {
        boolean varying;
        switch (name) {
            case "NATIONAL" -> {
                if (!cursor.acceptWord("CHAR") && !cursor.acceptWord("CHARACTER")) {
                    cursor.expectWord("VARCHAR");
                    requiredLength();
                    state.expressions.charsetClause();
                    return true;
                }
                varying = cursor.acceptWord("VARYING");
            }
            case "CHAR", "CHARACTER", "NCHAR" -> varying = cursor.acceptWord("VARYING")
                    || name.equals("NCHAR") && cursor.acceptWord("VARCHAR");
            case "VARCHAR", "VARCHARACTER", "NVARCHAR" -> varying = true;
            default -> {
                return false;
            }
        }
        if (varying) {
            requiredLength();
        } else {
            optionalLength(false);
        }
        state.expressions.charsetClause();
        return true;
    }

    private void numericAttributes() {
        while (cursor.acceptWord("UNSIGNED") || cursor.acceptWord("SIGNED") || cursor.acceptWord("ZEROFILL")) {
            // any of them, in any order
        }
    }

    private void optionalLength(boolean withScale) {
        if (cursor.acceptSymbol("(")) {
            number();
            if (withScale && cursor.acceptSymbol(",")) {
                number();
            }
            cursor.expectSymbol(")");
        }
    }

    private void requiredLength() {
        cursor.expectSymbol("(");
        number();
        cursor.expectSymbol(")");
    }

    /**
     * A key or constraint of a table: {INDEX | KEY}, FULLTEXT, SPATIAL, [CONSTRAINT [name]] PRIMARY KEY, UNIQUE,
     * FOREIGN KEY or CHECK.
     */
    void key() {
        if (cursor.acceptWord("INDEX") || cursor.acceptWord("KEY")) {
            indexNameAndParts();
            return;
        }
        if (cursor.acceptWord("FULLTEXT") || cursor.acceptWord("SPATIAL")) {
            if (!cursor.acceptWord("INDEX")) {
                cursor.acceptWord("KEY");
            }
            indexNameAndParts();
            return;
        }
        int start = cursor.position();
        if (cursor.acceptWord("CONSTRAINT") && !cursor.isWord("PRIMARY") && !cursor.isWord("UNIQUE")
                && !cursor.isWord("FOREIGN") && !cursor.isWord("CHECK")) {
            state.expressions.name();
        }
        if (cursor.acceptWord("PRIMARY")) {
            cursor.expectWord("KEY");
            indexNameAndParts(); // MySQL takes a name here and ignores it
        } else if (cursor.acceptWord("UNIQUE")) {
            if (!cursor.acceptWord("INDEX")) {
                cursor.acceptWord("KEY");
            }
            indexNameAndParts();
        } else if (cursor.acceptWord("FOREIGN")) {
            cursor.expectWord("KEY");
            if (!cursor.isSymbol("(")) {
                state.expressions.name();
            }
            keyParts();
            references();
        } else if (cursor.isWord("CHECK")) {
            cursor.reset(start);
            check();
        } else {
            throw cursor.error();
        }
    }

    /** [CONSTRAINT [name]] CHECK (expr) [[NOT] ENFORCED]. */
    private void check() {
        if (cursor.acceptWord("CONSTRAINT") && !cursor.isWord("CHECK")) {
            state.expressions.name();
        }
        cursor.expectWord("CHECK");
        cursor.expectSymbol("(");
        state.expressions.expression();
        cursor.expectSymbol(")");
        enforced();
    }

    /** [NOT] ENFORCED, optional. */
    void enforced() {
        if (cursor.acceptWord("NOT")) {
            cursor.expectWord("ENFORCED");
        } else {
            cursor.acceptWord("ENFORCED");
        }
    }

    private void indexNameAndParts() {
        if (!cursor.isSymbol("(") && !cursor.isWord("USING")) {
            state.expressions.name();
        }
        indexType();
        keyParts();
        indexOptions();
    }

    /** USING {BTREE | RTREE | HASH}, optional. */
    void indexType() {
        if (cursor.acceptWord("USING")) {
            oneOf("BTREE", "RTREE", "HASH");
        }
    }

    /** ({col_name [(length)] | (expr)} [ASC | DESC], ...). */
    void keyParts() {
        cursor.expectSymbol("(");
        do {
            if (cursor.acceptSymbol("(")) {
                state.expressions.expression();
                cursor.expectSymbol(")");
            } else {
                state.expressions.name();
                if (cursor.acceptSymbol("(")) {
                    number();
                    cursor.expectSymbol(")");
                }
            }
            if (!cursor.acceptWord("ASC")) {
                cursor.acceptWord("DESC");
            }
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
    }

    /** MySQL's index options, any number of them. */
    void indexOptions() {
        while (true) {
            if (cursor.acceptWord("KEY_BLOCK_SIZE")) {
                cursor.acceptSymbol("=");
                number();
            } else if (cursor.isWord("USING")) {
                indexType();
            } else if (cursor.acceptWords("WITH", "PARSER")) {
                state.expressions.name();
            } else if (cursor.acceptWord("COMMENT")) {
                string();
            } else if (cursor.acceptWord("ENGINE_ATTRIBUTE") || cursor.acceptWord("SECONDARY_ENGINE_ATTRIBUTE")) {
                cursor.acceptSymbol("=");
                string();
            } else if (!cursor.acceptWord("VISIBLE") && !cursor.acceptWord("INVISIBLE")) {
                return;
            }
        }
    }

    /** REFERENCES tbl (key_part, ...) [MATCH ...] [ON DELETE option] [ON UPDATE option]. */
    private void references() {
        cursor.expectWord("REFERENCES");
        tableName();
        if (cursor.isSymbol("(")) {
            keyParts();
        }
        if (cursor.acceptWord("MATCH")) {
            oneOf("FULL", "PARTIAL", "SIMPLE");
        }
        while (cursor.acceptWord("ON")) {
            if (!cursor.acceptWord("DELETE")) {
                cursor.expectWord("UPDATE");
            }
            if (cursor.acceptWord("SET")) {
                if (!cursor.acceptWord("NULL")) {
                    cursor.expectWord("DEFAULT");
                }
            } else if (cursor.acceptWord("NO")) {
                cursor.expectWord("ACTION");
            } else {
                oneOf("RESTRICT", "CASCADE");
            }
        }
    }

    /** tbl or db.tbl. */
    void tableName() {
        state.expressions.name();
        if (cursor.acceptSymbol(".")) {
            if (!cursor.isIdentifier()) {
                throw cursor.error();
            }
            cursor.next();
        }
    }

    /** Whether the current token starts a table option. */
    boolean atTableOption() {
        Token token = cursor.peek();
        if (token == null || token.kind() != Token.Kind.WORD) {
            return false;
        }
        String name = token.upper();
        return VALUE_OPTIONS.contains(name) || name.equals("DEFAULT") || name.equals("CHARACTER")
                || name.equals("CHARSET") || name.equals("COLLATE") || name.equals("UNION")
                || (name.equals("DATA") || name.equals("INDEX")) && cursor.isWord(1, "DIRECTORY")
                || name.equals("START") && cursor.isWord(1, "TRANSACTION") || name.equals("STORAGE");
    }

    /** One table option. */
    void tableOption() {
        if (cursor.acceptWords("START", "TRANSACTION")) {
            return;
        }
        if (cursor.acceptWord("STORAGE")) {
            oneOf("DISK", "MEMORY");
            return;
        }
        if (cursor.acceptWord("DATA") || cursor.acceptWord("INDEX")) {
            cursor.expectWord("DIRECTORY");
            cursor.acceptSymbol("=");
            string();
            return;
        }
        if (cursor.acceptWord("UNION")) {
            cursor.acceptSymbol("=");
            cursor.expectSymbol("(");
            do {
                tableName();
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
            return;
        }
        boolean withDefault = cursor.acceptWord("DEFAULT");
        if (cursor.acceptWords("CHARACTER", "SET") || cursor.acceptWord("CHARSET") || cursor.acceptWord("COLLATE")) {
            cursor.acceptSymbol("=");
            state.expressions.charsetName();
            return;
        }
        Token option = cursor.peek();
        if (withDefault || option == null || !VALUE_OPTIONS.contains(option.upper())) {
            throw cursor.error();
        }
        cursor.next();
        cursor.acceptSymbol("=");
        Token value = cursor.peek();
        if (value == null || !(value.kind() == Token.Kind.NUMBER || value.kind() == Token.Kind.STRING
                || value.isIdentifier())) {
            throw cursor.error();
        }
        cursor.next();
        if (option.isWord("TABLESPACE") && cursor.acceptWord("STORAGE")) {
            oneOf("DISK", "MEMORY");
        }
    }

    /** Table options, separated by commas or by nothing. */
    void tableOptions() {
        while (atTableOption()) {
            tableOption();
            if (cursor.isSymbol(",") && cursor.peek(1) != null && isOptionStart(cursor.peek(1))) {
                cursor.next();
            }
        }
    }

    private boolean isOptionStart(Token token) {
        return token.kind() == Token.Kind.WORD && (VALUE_OPTIONS.contains(token.upper()) || token.isWord("DEFAULT")
                || token.isWord("CHARACTER") || token.isWord("CHARSET") || token.isWord("COLLATE"));
    }

    void oneOf(String... words) {
        for (String each : words) {
            if (cursor.acceptWord(each)) {
                return;
            }
        }
        throw cursor.error();
    }

    void number() {
        if (!cursor.isKind(Token.Kind.NUMBER)) {
            throw cursor.error();
        }
        cursor.next();
    }

    /** MySQL's text_string: a quoted string, or a 0x / 0b literal. */
    private void textString() {
        Token token = cursor.peek();
        if (token != null && token.isHexOrBitNumber()) {
            cursor.next();
        } else {
            state.expressions.bitExpression();
        }
    }

    void string() {
        if (!cursor.isKind(Token.Kind.STRING)) {
            throw cursor.error();
        }
        cursor.next();
    }
}
