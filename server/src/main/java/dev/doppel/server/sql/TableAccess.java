package dev.doppel.server.sql;

import dev.doppel.server.session.Session;

import java.util.List;
import java.util.Set;

/**
 * The privilege check of a statement passed to the engine, for the simple forms: the first table of
 * SELECT ... FROM t, INSERT/REPLACE [INTO] t, UPDATE t and DELETE FROM t needs SELECT, INSERT, UPDATE or DELETE
 * on it (1142). Other statements and other tables of a statement are not checked yet.
 */
final class TableAccess {
    private static final Set<String> UNCHECKED_SCHEMAS = Set.of("information_schema", "performance_schema");
    private static final Set<String> MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "QUICK");

    private TableAccess() {
    }

    static void check(List<Token> tokens, Session session) {
        String verb = tokens.get(0).kind() == Token.Kind.WORD ? tokens.get(0).upper() : "";
        int index = switch (verb) {
            case "SELECT" -> afterTopLevel(tokens, "FROM");
            case "DELETE" -> afterTopLevel(tokens, "FROM");
            case "INSERT", "REPLACE" -> skipModifiers(tokens, 1, "INTO");
            case "UPDATE" -> skipModifiers(tokens, 1, null);
            default -> -1;
        };
        if (index < 0 || index >= tokens.size() || !tokens.get(index).isIdentifier()
                || tokens.get(index).isWord("DUAL")) {
            return;
        }
        String database = session.schema();
        String table = tokens.get(index).text();
        if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
            database = table;
            table = tokens.get(index + 2).text();
        }
        if (database == null || UNCHECKED_SCHEMAS.contains(database.toLowerCase())) {
            return;
        }
        String privilege = verb.equals("REPLACE") ? "INSERT" : verb;
        session.privileges().requireTable(privilege, database, table);
    }

    /** The index after the first {@code keyword} outside parentheses, or -1. */
    private static int afterTopLevel(List<Token> tokens, String keyword) {
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.isWord(keyword)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipModifiers(List<Token> tokens, int index, String optionalKeyword) {
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && MODIFIERS.contains(tokens.get(index).upper())) {
            index++;
        }
        if (optionalKeyword != null && index < tokens.size() && tokens.get(index).isWord(optionalKeyword)) {
            index++;
        }
        return index;
    }
}
