package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

/**
 * MySQL 8.4's grammar of the statements that make, change and remove tables, indexes and views: CREATE TABLE (with
 * its definitions, LIKE, or a query), ALTER TABLE, CREATE INDEX, DROP INDEX, DROP TABLE, RENAME TABLE, TRUNCATE TABLE,
 * and CREATE, ALTER and DROP VIEW, with partitioning ({@link PartitionDefinitions}) and ALTER TABLE's partition
 * operations.
 */
final class TableStatements {
    private final ParseState state;
    private final TokenCursor cursor;
    private final TableDefinitions definitions;

    TableStatements(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
        this.definitions = new TableDefinitions(state);
    }

    void statement() {
        if (cursor.acceptWord("CREATE")) {
            if (cursor.acceptWord("TEMPORARY") || cursor.isWord("TABLE")) {
                cursor.expectWord("TABLE");
                createTable();
            } else if (cursor.acceptWords("OR", "REPLACE") || atViewStart()) {
                view();
            } else {
                createIndex();
            }
        } else if (cursor.acceptWord("ALTER")) {
            if (cursor.acceptWord("TABLE")) {
                alterTable();
            } else {
                view();
            }
        } else if (cursor.acceptWord("DROP")) {
            if (cursor.acceptWord("INDEX")) {
                dropIndex();
            } else if (cursor.acceptWord("VIEW")) {
                dropTable();
            } else {
                cursor.acceptWord("TEMPORARY");
                if (!cursor.acceptWord("TABLES")) {
                    cursor.expectWord("TABLE");
                }
                dropTable();
            }
        } else if (cursor.acceptWord("TRUNCATE")) {
            cursor.acceptWord("TABLE");
            definitions.tableName();
        } else if (cursor.acceptWord("RENAME")) {
            if (!cursor.acceptWord("TABLE")) {
                cursor.expectWord("TABLES");
            }
            do {
                definitions.tableName();
                cursor.expectWord("TO");
                definitions.tableName();
            } while (cursor.acceptSymbol(","));
        } else {
            throw cursor.error();
        }
    }

    private boolean atViewStart() {
        return cursor.isWord("ALGORITHM") || cursor.isWord("DEFINER") || cursor.isWord("SQL") || cursor.isWord("VIEW");
    }

    /**
     * [ALGORITHM = ...] [DEFINER = user] [SQL SECURITY ...] VIEW name [(column, ...)] AS query
     * [WITH [CASCADED | LOCAL] CHECK OPTION], after CREATE [OR REPLACE] or ALTER.
     */
    private void view() {
        if (cursor.acceptWord("ALGORITHM")) {
            cursor.expectSymbol("=");
            definitions.oneOf("UNDEFINED", "MERGE", "TEMPTABLE");
        }
        if (cursor.acceptWord("DEFINER")) {
            cursor.expectSymbol("=");
            user();
        }
        if (cursor.acceptWord("SQL")) {
            cursor.expectWord("SECURITY");
            definitions.oneOf("DEFINER", "INVOKER");
        }
        cursor.expectWord("VIEW");
        definitions.tableName();
        if (cursor.acceptSymbol("(")) {
            state.queries.names();
            cursor.expectSymbol(")");
        }
        cursor.expectWord("AS");
        state.queries.queryExpression();
        if (cursor.acceptWord("WITH")) {
            if (!cursor.acceptWord("CASCADED")) {
                cursor.acceptWord("LOCAL");
            }
            cursor.expectWord("CHECK");
            cursor.expectWord("OPTION");
        }
    }

    /** An account: 'name'@'host', name@host, or CURRENT_USER [()]. */
    private void user() {
        if (cursor.acceptWord("CURRENT_USER")) {
            if (cursor.acceptSymbol("(")) {
                cursor.expectSymbol(")");
            }
            return;
        }
        if (!cursor.isIdentifier() && !cursor.isKind(Token.Kind.STRING)) {
            throw cursor.error();
        }
        cursor.next();
        if (cursor.isKind(Token.Kind.USER_VARIABLE)) {
            cursor.next();
        } else if (cursor.acceptSymbol("@")) {
            if (!cursor.isIdentifier() && !cursor.isKind(Token.Kind.STRING)) {
                throw cursor.error();
            }
            cursor.next();
        }
    }

    private void createTable() {
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("NOT");
            cursor.expectWord("EXISTS");
        }
        definitions.tableName();
        if (cursor.acceptWord("LIKE")) {
            definitions.tableName();
            return;
        }
        if (cursor.isSymbol("(") && cursor.isWord(1, "LIKE")) {
            cursor.next();
            cursor.next();
            definitions.tableName();
            cursor.expectSymbol(")");
            return;
        }
        if (cursor.isSymbol("(") && !startsQueryAt(1)) {
            cursor.next();
            do {
                if (definitions.atKey()) {
                    definitions.key();
                } else {
                    definitions.column();
                }
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        definitions.tableOptions();
        if (cursor.acceptWord("PARTITION")) {
            cursor.expectWord("BY");
            new PartitionDefinitions(state).scheme();
        }
        if (!cursor.acceptWord("IGNORE")) {
            cursor.acceptWord("REPLACE");
        }
        cursor.acceptWord("AS");
        if (!cursor.atEnd()) {
            state.queries.queryExpression();
        }
    }

    /** Whether a query starts {@code ahead} tokens on: SELECT, WITH, TABLE, VALUES or a parenthesis around one. */
    private boolean startsQueryAt(int ahead) {
        int at = ahead;
        while (cursor.isSymbol(at, "(")) {
            at++;
        }
        return cursor.isWord(at, "SELECT") || cursor.isWord(at, "WITH") || cursor.isWord(at, "TABLE")
                || cursor.isWord(at, "VALUES");
    }

    /** CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX name [USING ...] ON tbl (key_part, ...) [options]. */
    private void createIndex() {
        if (!cursor.acceptWord("UNIQUE") && !cursor.acceptWord("FULLTEXT")) {
            cursor.acceptWord("SPATIAL");
        }
        cursor.expectWord("INDEX");
        state.expressions.name();
        definitions.indexType();
        cursor.expectWord("ON");
        definitions.tableName();
        definitions.keyParts();
        definitions.indexOptions();
        algorithmOrLock();
    }

    private void dropIndex() {
        state.expressions.name();
        cursor.expectWord("ON");
        definitions.tableName();
        algorithmOrLock();
    }

    /** [ALGORITHM [=] ...] [LOCK [=] ...], in either order. */
    private void algorithmOrLock() {
        while (cursor.isWord("ALGORITHM") || cursor.isWord("LOCK")) {
            algorithmOrLockOption();
        }
    }

    private boolean algorithmOrLockOption() {
        if (cursor.acceptWord("ALGORITHM")) {
            cursor.acceptSymbol("=");
            definitions.oneOf("DEFAULT", "INSTANT", "INPLACE", "COPY");
            return true;
        }
        if (cursor.acceptWord("LOCK")) {
            cursor.acceptSymbol("=");
            definitions.oneOf("DEFAULT", "NONE", "SHARED", "EXCLUSIVE");
            return true;
        }
        return false;
    }

    private void dropTable() {
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("EXISTS");
        }
        do {
            definitions.tableName();
        } while (cursor.acceptSymbol(","));
        if (!cursor.acceptWord("RESTRICT")) {
            cursor.acceptWord("CASCADE");
        }
    }

    /** ALTER TABLE tbl [alter_option [, alter_option] ...]. */
    private void alterTable() {
        definitions.tableName();
        if (cursor.atEnd()) {
            return;
        }
        do {
            if (partitionOperation()) {
                return;
            }
            alterOption();
        } while (cursor.acceptSymbol(","));
        partitionOperation();
    }

    /**
     * ALTER TABLE's partitioning: PARTITION BY ..., REMOVE PARTITIONING, and the operations on partitions, each the
     * last thing the statement does; whether one was read.
     */
    private boolean partitionOperation() {
        PartitionDefinitions partitions = new PartitionDefinitions(state);
        if (cursor.acceptWord("PARTITION")) {
            cursor.expectWord("BY");
            partitions.scheme();
        } else if (cursor.acceptWord("REMOVE")) {
            cursor.expectWord("PARTITIONING");
        } else if (cursor.isWord("ADD") && cursor.isWord(1, "PARTITION")) {
            cursor.next();
            cursor.next();
            if (cursor.acceptWord("PARTITIONS")) {
                state.expressions.expression();
            } else {
                partitions.partitionList();
            }
        } else if (cursor.isWord("DROP") && cursor.isWord(1, "PARTITION")) {
            cursor.next();
            cursor.next();
            state.queries.names();
        } else if (cursor.isWord("COALESCE") && cursor.isWord(1, "PARTITION")) {
            cursor.next();
            cursor.next();
            state.expressions.expression();
        } else if (cursor.isWord("REORGANIZE") && cursor.isWord(1, "PARTITION")) {
            cursor.next();
            cursor.next();
            if (!cursor.atEnd()) {
                state.queries.names();
                cursor.expectWord("INTO");
                partitions.partitionList();
            }
        } else if (cursor.isWord("EXCHANGE") && cursor.isWord(1, "PARTITION")) {
            cursor.next();
            cursor.next();
            state.expressions.name();
            cursor.expectWord("WITH");
            cursor.expectWord("TABLE");
            definitions.tableName();
            if (cursor.acceptWord("WITH") || cursor.acceptWord("WITHOUT")) {
                cursor.expectWord("VALIDATION");
            }
        } else if (PARTITION_MAINTENANCE.stream().anyMatch(cursor::isWord) && cursor.isWord(1, "PARTITION")) {
            boolean tablespace = cursor.isWord("DISCARD") || cursor.isWord("IMPORT");
            cursor.next();
            cursor.next();
            if (!cursor.acceptWord("ALL")) {
                state.queries.names();
            }
            if (tablespace) {
                cursor.expectWord("TABLESPACE");
            }
        } else {
            return false;
        }
        return true;
    }

    private static final java.util.List<String> PARTITION_MAINTENANCE = java.util.List.of("ANALYZE", "CHECK",
            "OPTIMIZE", "REBUILD", "REPAIR", "TRUNCATE", "DISCARD", "IMPORT");

    private void alterOption() {
        if (definitions.atTableOption() && !cursor.isWord("DEFAULT") || cursor.isWord("DEFAULT")
                && (cursor.isWord(1, "CHARACTER") || cursor.isWord(1, "CHARSET") || cursor.isWord(1, "COLLATE"))) {
            definitions.tableOptions();
        } else if (cursor.acceptWord("ADD")) {
            add();
        } else if (cursor.acceptWord("DROP")) {
            drop();
        } else if (cursor.acceptWord("ALTER")) {
            alter();
        } else if (cursor.acceptWord("CHANGE")) {
            cursor.acceptWord("COLUMN");
            state.expressions.name();
            definitions.column();
            position();
        } else if (cursor.acceptWord("MODIFY")) {
            cursor.acceptWord("COLUMN");
            definitions.column();
            position();
        } else if (cursor.acceptWord("RENAME")) {
            rename();
        } else if (cursor.acceptWord("CONVERT")) {
            cursor.expectWord("TO");
            if (!cursor.acceptWord("CHARSET")) {
                cursor.expectWord("CHARACTER");
                cursor.expectWord("SET");
            }
            state.expressions.charsetName();
            if (cursor.acceptWord("COLLATE")) {
                state.expressions.charsetName();
            }
        } else if (cursor.acceptWord("ORDER")) {
            cursor.expectWord("BY");
            do {
                state.expressions.columnReference();
                if (!cursor.acceptWord("ASC")) {
                    cursor.acceptWord("DESC");
                }
            } while (cursor.acceptSymbol(","));
        } else if (cursor.acceptWord("DISABLE") || cursor.acceptWord("ENABLE")) {
            cursor.expectWord("KEYS");
        } else if (cursor.acceptWord("DISCARD") || cursor.acceptWord("IMPORT")) {
            cursor.expectWord("TABLESPACE");
        } else if (cursor.acceptWord("WITHOUT") || cursor.acceptWord("WITH")) {
            cursor.expectWord("VALIDATION");
        } else if (!cursor.acceptWord("FORCE") && !algorithmOrLockOption()) {
            throw cursor.error();
        }
    }

    private void add() {
        if (definitions.atKey()) {
            definitions.key();
            return;
        }
        cursor.acceptWord("COLUMN");
        if (cursor.acceptSymbol("(")) {
            do {
                definitions.column();
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
            return;
        }
        definitions.column();
        position();
    }

    /** [FIRST | AFTER col_name] of an added, changed or modified column. */
    private void position() {
        if (cursor.acceptWord("AFTER")) {
            state.expressions.name();
        } else {
            cursor.acceptWord("FIRST");
        }
    }

    private void drop() {
        if (cursor.acceptWord("INDEX") || cursor.acceptWord("KEY") || cursor.acceptWord("CHECK")
                || cursor.acceptWord("CONSTRAINT")) {
            state.expressions.name();
        } else if (cursor.acceptWord("PRIMARY")) {
            cursor.expectWord("KEY");
        } else if (cursor.acceptWord("FOREIGN")) {
            cursor.expectWord("KEY");
            state.expressions.name();
        } else {
            cursor.acceptWord("COLUMN");
            state.expressions.name();
        }
    }

    private void alter() {
        if (cursor.acceptWord("INDEX")) {
            state.expressions.name();
            definitions.oneOf("VISIBLE", "INVISIBLE");
            return;
        }
        if (cursor.acceptWord("CHECK") || cursor.acceptWord("CONSTRAINT")) {
            state.expressions.name();
            definitions.enforced();
            return;
        }
        cursor.acceptWord("COLUMN");
        state.expressions.name();
        if (cursor.acceptWord("DROP")) {
            cursor.expectWord("DEFAULT");
        } else {
            cursor.expectWord("SET");
            if (cursor.acceptWord("DEFAULT")) {
                if (cursor.acceptSymbol("(")) {
                    state.expressions.expression();
                    cursor.expectSymbol(")");
                } else {
                    state.expressions.bitExpression();
                }
            } else {
                definitions.oneOf("VISIBLE", "INVISIBLE");
            }
        }
    }

    private void rename() {
        if (cursor.acceptWord("COLUMN") || cursor.acceptWord("INDEX") || cursor.acceptWord("KEY")) {
            state.expressions.name();
            cursor.expectWord("TO");
            state.expressions.name();
            return;
        }
        if (!cursor.acceptWord("TO")) {
            cursor.acceptWord("AS");
        }
        definitions.tableName();
    }
}
