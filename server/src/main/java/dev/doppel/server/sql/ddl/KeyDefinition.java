package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.KeyNames;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * A key or constraint element of CREATE TABLE or ALTER TABLE ... ADD: {@code [CONSTRAINT [symbol]] PRIMARY KEY},
 * {@code UNIQUE [INDEX|KEY] [name]}, {@code {INDEX|KEY} [name]}, {@code {FULLTEXT|SPATIAL} [INDEX|KEY] [name]},
 * {@code FOREIGN KEY}, {@code CHECK}. Index names are per table in MySQL, so the names of PRIMARY, UNIQUE and
 * other indexes get the table's prefix in the engine ({@link KeyNames}); foreign key and CHECK constraint names
 * are per database in MySQL too and stay as they are.
 *
 * @param symbol the CONSTRAINT symbol token, or null
 * @param indexName the index name token, or null
 * @param kindAt the token starting the kind (PRIMARY, UNIQUE, INDEX, KEY, FOREIGN, CHECK, FULLTEXT, SPATIAL)
 * @param nameAfter the token after which an index name goes when there is none
 */
public record KeyDefinition(Kind kind, Token symbol, Token indexName, Token kindAt, Token nameAfter, String firstColumn) {

    enum Kind { PRIMARY, UNIQUE, INDEX, FOREIGN, CHECK }

    /** The element's key definition, or null when the element is not one (a column). */
    static KeyDefinition of(List<Token> element) {
        int i = 0;
        Token symbol = null;
        if (i < element.size() && element.get(i).isWord("CONSTRAINT")) {
            i++;
            if (i < element.size() && element.get(i).isIdentifier() && !isKindWord(element.get(i))) {
                symbol = element.get(i++);
            }
        }
        if (i >= element.size() || element.get(i).kind() != Token.Kind.WORD) {
            return null;
        }
        Token kindAt = element.get(i);
        Kind kind = switch (kindAt.upper()) {
            case "PRIMARY" -> Kind.PRIMARY;
            case "UNIQUE" -> Kind.UNIQUE;
            case "INDEX", "KEY", "FULLTEXT", "SPATIAL" -> Kind.INDEX;
            case "FOREIGN" -> Kind.FOREIGN;
            case "CHECK" -> Kind.CHECK;
            default -> null;
        };
        if (kind == null || (i > 0 && kind == Kind.INDEX)) {
            return null;
        }
        Token nameAfter = kindAt;
        i++;
        if ((kind == Kind.PRIMARY || kind == Kind.FOREIGN) && i < element.size() && element.get(i).isWord("KEY")) {
            nameAfter = element.get(i++);
        } else if ((kind == Kind.UNIQUE || kindAt.isWord("FULLTEXT") || kindAt.isWord("SPATIAL"))
                && i < element.size() && (element.get(i).isWord("INDEX") || element.get(i).isWord("KEY"))) {
            nameAfter = element.get(i++);
        }
        Token indexName = null;
        if (kind != Kind.CHECK && i < element.size() && element.get(i).isIdentifier() && !element.get(i).isWord("USING")) {
            indexName = element.get(i++);
        }
        String firstColumn = null;
        if (i < element.size() && element.get(i).isSymbol("(") && i + 1 < element.size()
                && element.get(i + 1).isIdentifier()) {
            firstColumn = element.get(i + 1).text();
        }
        return new KeyDefinition(kind, symbol, indexName, kindAt, nameAfter, firstColumn);
    }

    private static boolean isKindWord(Token token) {
        return token.isWord("PRIMARY") || token.isWord("UNIQUE") || token.isWord("FOREIGN") || token.isWord("CHECK");
    }

    /** Whether the key is an index of the table (named per table in MySQL). */
    boolean isIndex() {
        return kind == Kind.PRIMARY || kind == Kind.UNIQUE || kind == Kind.INDEX;
    }

    /** The MySQL name the definition gives its index: the index name, else the CONSTRAINT symbol; null if none. */
    String name() {
        if (kind == Kind.PRIMARY) {
            return "PRIMARY";
        }
        if (indexName != null) {
            return indexName.text();
        }
        return symbol != null && kind != Kind.INDEX ? symbol.text() : null;
    }

    /**
     * Gives the index the engine name of {@code name} in {@code table}: replaces the names written, or adds one
     * when {@code name} was made up for an unnamed key.
     */
    void name(String table, String name, TextEdits edits) {
        String engine = CreateTableText.quote(KeyNames.engineName(table, name));
        if (kind == Kind.PRIMARY) {
            // MySQL ignores the name of a primary key; the engine keeps it per database
            if (symbol != null) {
                edits.replace(symbol, engine);
            }
            return;
        }
        if (indexName != null) {
            edits.replace(indexName, engine);
        } else if (symbol == null) {
            edits.insertAfter(nameAfter, engine);
        }
        if (symbol != null) {
            edits.replace(symbol, engine);
        }
    }
}
