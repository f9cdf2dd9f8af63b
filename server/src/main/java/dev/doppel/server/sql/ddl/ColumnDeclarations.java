package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the MySQL types of column definitions in CREATE TABLE and ALTER TABLE, as MySQL shows them. */
public final class ColumnDeclarations {
    /** Words that start a key or constraint in a table's element list rather than a column. */
    static final Set<String> NOT_COLUMNS = Set.of("PRIMARY", "UNIQUE", "KEY", "INDEX", "CONSTRAINT", "FOREIGN",
            "FULLTEXT", "SPATIAL", "CHECK");

    private ColumnDeclarations() {
    }

    /** The elements of a parenthesized list, split at its top-level commas; {@code open} is the "(" token. */
    static List<List<Token>> elements(List<Token> tokens, int open) {
        int close = TokenRanges.closing(tokens, open);
        return TokenRanges.splitAtCommas(tokens, open + 1, close < 0 ? tokens.size() : close);
    }

    /** Adds the column of one element ("name type ...") to {@code out} when it is a column definition. */
    static void addColumn(List<Token> element, Map<String, String> out) {
        if (element.size() < 2 || !element.get(0).isIdentifier()
                || (element.get(0).kind() == Token.Kind.WORD && NOT_COLUMNS.contains(element.get(0).upper()))) {
            return;
        }
        String type = type(element, 1);
        if (type != null) {
            out.put(element.get(0).text(), type);
        }
    }

    /** The MySQL type starting at {@code index}, normalized, or null when it is not one. */
    static String type(List<Token> tokens, int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.WORD) {
            return null;
        }
        String word = tokens.get(index).text();
        index++;
        if (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD) {
            String two = word.toUpperCase() + " " + tokens.get(index).upper();
            if (two.equals("DOUBLE PRECISION") || two.equals("LONG VARCHAR") || two.equals("CHARACTER VARYING")
                    || two.equals("NATIONAL CHAR") || two.equals("NATIONAL VARCHAR")) {
                word = switch (two) {
                    case "DOUBLE PRECISION" -> "double";
                    case "LONG VARCHAR" -> "mediumtext";
                    case "CHARACTER VARYING", "NATIONAL VARCHAR" -> "varchar";
                    default -> "char";
                };
                index++;
            }
        }
        List<String> args = new ArrayList<>();
        if (index < tokens.size() && tokens.get(index).isSymbol("(")) {
            int close = TokenRanges.closing(tokens, index);
            if (close < 0) {
                return null;
            }
            for (List<Token> arg : elements(tokens, index)) {
                StringBuilder text = new StringBuilder();
                for (Token each : arg) {
                    text.append(each.kind() == Token.Kind.STRING ? MySqlTypes.quote(each.text()) : each.text());
                }
                args.add(text.toString());
            }
            index = close + 1;
        }
        String binary = MySqlTypes.binaryTypeOf(word);
        if (binary != null && binaryCharset(tokens, index)) {
            word = binary; // VARCHAR(n) CHARACTER SET binary is VARBINARY(n) in MySQL
        }
        boolean unsigned = false;
        boolean zerofill = false;
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD) {
            Token each = tokens.get(index);
            if (each.isWord("UNSIGNED")) {
                unsigned = true;
            } else if (each.isWord("ZEROFILL")) {
                zerofill = true;
            } else if (!each.isWord("SIGNED")) {
                break;
            }
            index++;
        }
        try {
            return MySqlTypes.normalize(word, args, unsigned, zerofill);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether CHARACTER SET binary, CHAR SET binary or CHARSET binary stands at {@code index}. */
    private static boolean binaryCharset(List<Token> tokens, int index) {
        int name = index < tokens.size() && tokens.get(index).isWord("CHARSET") ? index + 1
                : index + 1 < tokens.size() && (tokens.get(index).isWord("CHARACTER") || tokens.get(index).isWord("CHAR"))
                && tokens.get(index + 1).isWord("SET") ? index + 2 : -1;
        return name > 0 && name < tokens.size() && tokens.get(name).text().equalsIgnoreCase("binary");
    }

    /** The columns defined in a CREATE TABLE element list starting at the "(" token {@code open}. */
    static Map<String, String> ofCreate(List<Token> tokens, int open) {
        Map<String, String> result = new LinkedHashMap<>();
        for (List<Token> each : elements(tokens, open)) {
            addColumn(each, result);
        }
        return result;
    }
}
