package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.FulltextIndexes;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code FULLTEXT [INDEX|KEY] [name] (col, ...)} in CREATE TABLE and ALTER TABLE ... ADD, which the engine has no kind
 * of: the element is left out of the engine's statement and the index kept in {@link FulltextIndexes}, after MySQL's
 * checks (1072 for a column the table lacks, 1283 for one that is not CHAR, VARCHAR or TEXT, 1061 for a name taken,
 * 1214 for a temporary table). An unnamed one is named after its first column, as MySQL names keys.
 */
final class FulltextKeys {
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext");

    /** A FULLTEXT key as written: its name (null when unnamed) and its columns. */
    record Key(String name, List<String> columns) {
    }

    private FulltextKeys() {
    }

    /** The FULLTEXT key of a table element or of ALTER TABLE's {@code ADD ...} after ADD; null for anything else. */
    static Key of(List<Token> element) {
        if (element.isEmpty() || !element.get(0).isWord("FULLTEXT")) {
            return null;
        }
        int i = 1;
        if (i < element.size() && (element.get(i).isWord("INDEX") || element.get(i).isWord("KEY"))) {
            i++;
        }
        String name = null;
        if (i < element.size() && element.get(i).isIdentifier()) {
            name = element.get(i++).text();
        }
        if (i >= element.size() || !element.get(i).isSymbol("(")) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (List<Token> each : ColumnDeclarations.elements(element, i)) {
            if (each.isEmpty() || !each.get(0).isIdentifier()) {
                return null;
            }
            columns.add(each.get(0).text());
        }
        return new Key(name, columns);
    }

    /** CREATE TABLE's text without its FULLTEXT elements (and the comma before each). */
    static String withoutKeys(String sql, int open) {
        List<Token> tokens = Lexer.tokenize(sql);
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return sql;
        }
        int close = TokenRanges.closing(tokens, open);
        TextEdits edits = new TextEdits();
        int start = open + 1;
        List<Integer> commas = TokenRanges.commas(tokens, open + 1, close < 0 ? tokens.size() : close);
        for (int n = 0; n <= commas.size(); n++) {
            int end = n < commas.size() ? commas.get(n) : close;
            if (start < end && of(tokens.subList(start, end)) != null) {
                // the comma before it goes, or after it for the first element
                Token from = n > 0 ? tokens.get(commas.get(n - 1)) : tokens.get(start);
                Token to = n > 0 || n == commas.size() ? tokens.get(end - 1) : tokens.get(end);
                edits.replace(from, to, "");
            }
            start = end + 1;
        }
        return edits.isEmpty() ? sql : edits.apply(sql);
    }

    /**
     * The key checked against the table's columns ({@code columnTypes}: each column's name as the table spells it
     * and its MySQL type), named; {@code taken} holds the table's index names in lower case and gets this one's.
     */
    static FulltextIndexes.Index checked(Key key, Map<String, String> columnTypes, Set<String> taken) {
        List<String> columns = new ArrayList<>();
        for (String each : key.columns()) {
            String column = null;
            for (String name : columnTypes.keySet()) {
                column = name.equalsIgnoreCase(each) ? name : column;
            }
            if (column == null) {
                throw MySqlError.ER_KEY_COLUMN_DOES_NOT_EXITS.exception(each);
            }
            String type = columnTypes.get(column).toLowerCase(Locale.ROOT);
            int paren = type.indexOf('(');
            if (!TEXT_TYPES.contains((paren < 0 ? type : type.substring(0, paren)).trim())) {
                throw MySqlError.ER_BAD_FT_COLUMN.exception(column);
            }
            columns.add(column);
        }
        String name = key.name();
        if (name == null) {
            name = columns.get(0);
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = columns.get(0) + "_" + n;
            }
        } else if (taken.contains(name.toLowerCase(Locale.ROOT))) {
            throw MySqlError.ER_DUP_KEYNAME.exception(name);
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return new FulltextIndexes.Index(name, columns);
    }

    /** The table's columns and their MySQL types, for {@link #checked}. */
    static Map<String, String> columnTypes(TableInfo table) {
        Map<String, String> result = new LinkedHashMap<>();
        for (TableInfo.Column each : table.columns()) {
            result.put(each.name(), each.columnType());
        }
        return result;
    }

    /** The names of the table's indexes, in lower case. */
    static Set<String> names(TableInfo table) {
        Set<String> result = new HashSet<>();
        for (TableInfo.Index each : table.indexes()) {
            result.add(each.name().toLowerCase(Locale.ROOT));
        }
        return result;
    }

    /**
     * CREATE TABLE's FULLTEXT keys, checked against the statement's own columns before the table is made: named,
     * for {@link FulltextIndexes#add} once it is; 1214 for a temporary table.
     */
    static List<FulltextIndexes.Index> ofCreate(List<Token> tokens, int open, boolean temporary) {
        List<FulltextIndexes.Index> result = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (List<Token> element : ColumnDeclarations.elements(tokens, open)) {
            KeyDefinition key = KeyDefinition.of(element);
            if (key != null && key.name() != null) {
                taken.add(key.name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> columnTypes = null;
        for (List<Token> element : ColumnDeclarations.elements(tokens, open)) {
            Key key = of(element);
            if (key == null) {
                continue;
            }
            if (temporary) {
                throw MySqlError.ER_TABLE_CANT_HANDLE_FT.exception();
            }
            if (columnTypes == null) {
                columnTypes = ColumnDeclarations.ofCreate(tokens, open);
            }
            if (key.name() != null) {
                taken.remove(key.name().toLowerCase(Locale.ROOT));
            }
            result.add(checked(key, columnTypes, taken));
        }
        return result;
    }
}
