package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table a CREATE TABLE statement will make, read from the statement before the engine makes it: its columns
 * with their MySQL types, its unique keys (a key part with a prefix length does not count, as in MySQL's partition
 * rules) and whether it has foreign keys. Partitioning is checked against it, so that a partitioned table is made
 * whole with its constraint or not at all.
 */
final class CreateTableShape {
    private CreateTableShape() {
    }

    static TableInfo of(String schema, String table, List<Token> tokens, int open) {
        Map<String, String> types = ColumnDeclarations.ofCreate(tokens, open);
        List<TableInfo.Column> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(new TableInfo.Column(name, columns.size() + 1, type, true, null,
                false, false, null, "", null)));
        List<TableInfo.Index> indexes = new ArrayList<>();
        List<TableInfo.ForeignKey> foreignKeys = new ArrayList<>();
        for (List<Token> element : ColumnDeclarations.elements(tokens, open)) {
            KeyDefinition key = KeyDefinition.of(element);
            if (key == null) {
                columnKeys(element, indexes, foreignKeys);
            } else if (key.kind() == KeyDefinition.Kind.FOREIGN) {
                foreignKeys.add(new TableInfo.ForeignKey(key.name(), List.of(), schema, "", List.of(), null, null, ""));
            } else if (key.kind() == KeyDefinition.Kind.PRIMARY || key.kind() == KeyDefinition.Kind.UNIQUE) {
                int open2 = indexOf(element, "(");
                boolean primary = key.kind() == KeyDefinition.Kind.PRIMARY;
                indexes.add(primary ? 0 : indexes.size(), new TableInfo.Index(primary ? "PRIMARY" : String.valueOf(
                        key.name()), primary, true, keyParts(element, open2), null, null, false));
            }
        }
        return new TableInfo(schema, table, "BASE TABLE", "", 0, null, columns, indexes, foreignKeys);
    }

    /** CREATE TABLE with one more element at the end of its list (the list opens at token {@code open}). */
    static String withElement(String sql, int open, String element) {
        List<Token> tokens = Lexer.tokenize(sql);
        int close = open < tokens.size() && tokens.get(open).isSymbol("(") ? TokenRanges.closing(tokens, open) : -1;
        if (close < 0) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        int at = tokens.get(close).start();
        return sql.substring(0, at) + ", " + element + sql.substring(at);
    }

    /** The PRIMARY KEY and UNIQUE keys ALTER TABLE's {@code ADD ...} changes make (each change without its ADD). */
    static List<TableInfo.Index> addedUniqueKeys(List<List<Token>> changes) {
        List<List<Token>> added = new ArrayList<>();
        for (List<Token> change : changes) {
            if (change.size() > 1 && change.get(0).isWord("ADD")) {
                added.add(change.subList(1, change.size()));
            }
        }
        List<TableInfo.Index> result = new ArrayList<>();
        for (List<Token> element : added) {
            KeyDefinition key = KeyDefinition.of(element);
            if (key != null && (key.kind() == KeyDefinition.Kind.PRIMARY || key.kind() == KeyDefinition.Kind.UNIQUE)) {
                result.add(new TableInfo.Index(String.valueOf(key.name()), key.kind() == KeyDefinition.Kind.PRIMARY,
                        true, keyParts(element, indexOf(element, "(")), null, null, false));
            }
        }
        return result;
    }

    /** A column's own PRIMARY KEY, UNIQUE [KEY], KEY (a primary key too) and REFERENCES. */
    private static void columnKeys(List<Token> element, List<TableInfo.Index> indexes,
                                   List<TableInfo.ForeignKey> foreignKeys) {
        if (element.isEmpty() || !element.get(0).isIdentifier()) {
            return;
        }
        String column = element.get(0).text();
        int depth = 0;
        for (int i = 1; i < element.size(); i++) {
            Token token = element.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isWord("PRIMARY") || token.isWord("KEY") && !element.get(i - 1)
                    .isWord("PRIMARY") && !element.get(i - 1).isWord("UNIQUE"))) {
                indexes.add(0, new TableInfo.Index("PRIMARY", true, true, List.of(column), null, null, false));
            } else if (depth == 0 && token.isWord("UNIQUE")) {
                indexes.add(new TableInfo.Index(column, false, true, List.of(column), null, null, false));
            } else if (depth == 0 && token.isWord("REFERENCES")) {
                foreignKeys.add(new TableInfo.ForeignKey(column, List.of(column), "", "", List.of(), null, null, ""));
            } else if (depth == 0 && (token.isWord("DEFAULT") || token.isWord("COMMENT") || token.isWord("AS"))) {
                // a literal or an expression follows: its words are no key
                i++;
            }
        }
    }

    private static int indexOf(List<Token> element, String symbol) {
        for (int i = 0; i < element.size(); i++) {
            if (element.get(i).isSymbol(symbol)) {
                return i;
            }
        }
        return -1;
    }

    /** The key's columns; a part with a prefix length or an expression counts as no column. */
    private static List<String> keyParts(List<Token> element, int open) {
        List<String> result = new ArrayList<>();
        if (open < 0) {
            return result;
        }
        for (List<Token> part : ColumnDeclarations.elements(element, open)) {
            if (!part.isEmpty() && part.get(0).isIdentifier() && !(part.size() > 1 && part.get(1).isSymbol("("))) {
                result.add(part.get(0).text());
            }
        }
        return result;
    }
}
