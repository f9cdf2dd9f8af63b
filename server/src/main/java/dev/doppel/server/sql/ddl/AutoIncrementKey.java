package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL's rule for AUTO_INCREMENT in CREATE TABLE: one such column at most, and it must start a key (the primary
 * key, a unique key or an index, declared on the column or in the element list), else 1075. The engine takes the
 * table either way, and a table without that key would count its values without an index.
 */
final class AutoIncrementKey {
    private AutoIncrementKey() {
    }

    /** Checks the element list opening at {@code open}. */
    static void check(List<Token> tokens, int open) {
        List<String> autoColumns = new ArrayList<>();
        Set<String> keyStarts = new HashSet<>();
        for (List<Token> element : ColumnDeclarations.elements(tokens, open)) {
            KeyDefinition key = KeyDefinition.of(element);
            if (key != null) {
                if (key.firstColumn() != null && key.kind() != KeyDefinition.Kind.FOREIGN
                        && key.kind() != KeyDefinition.Kind.CHECK) {
                    keyStarts.add(key.firstColumn().toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (element.isEmpty() || !element.get(0).isIdentifier()) {
                continue;
            }
            String column = element.get(0).text().toLowerCase(Locale.ROOT);
            for (int i = 1; i < element.size(); i++) {
                Token each = element.get(i);
                if (each.isWord("AUTO_INCREMENT")) {
                    autoColumns.add(column);
                } else if (each.isWord("KEY") || each.isWord("UNIQUE")) {
                    keyStarts.add(column); // PRIMARY KEY, UNIQUE [KEY], KEY on the column
                } else if (each.isSymbol("(") || each.isWord("AS") || each.isWord("REFERENCES")) {
                    i = skipParentheses(element, i);
                }
            }
        }
        if (autoColumns.size() > 1 || autoColumns.size() == 1 && !keyStarts.contains(autoColumns.get(0))) {
            throw MySqlError.ER_WRONG_AUTO_KEY.exception();
        }
    }

    /** The index of the token closing the parenthesis at or after {@code i} (a type's length, a default, ...). */
    private static int skipParentheses(List<Token> element, int i) {
        int depth = 0;
        for (int j = i; j < element.size(); j++) {
            if (element.get(j).isSymbol("(")) {
                depth++;
            } else if (element.get(j).isSymbol(")") && --depth <= 0) {
                return j;
            }
        }
        return element.size();
    }
}
