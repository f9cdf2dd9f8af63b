package dev.doppel.server.sql.ddl;

import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.CaseInsensitiveText;

import java.util.List;

/**
 * MySQL's shorthands in a column definition: the type {@code SERIAL} is {@code BIGINT UNSIGNED NOT NULL
 * AUTO_INCREMENT UNIQUE}, the attribute {@code SERIAL DEFAULT VALUE} of an integer column is {@code NOT NULL
 * AUTO_INCREMENT UNIQUE}. CREATE and ALTER TABLE run with them written out, as MySQL stores and shows them.
 */
final class SerialColumns {
    private SerialColumns() {
    }

    /** The statement with its shorthands written out; null when it has none. */
    static String expanded(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return null;
        }
        TextEdits edits = new TextEdits();
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("SERIAL")) {
                continue;
            }
            if (i + 2 < tokens.size() && tokens.get(i + 1).isWord("DEFAULT") && tokens.get(i + 2).isWord("VALUE")) {
                edits.replace(tokens.get(i), tokens.get(i + 2), "NOT NULL AUTO_INCREMENT UNIQUE");
                i += 2;
            } else if (CaseInsensitiveText.isColumnType(tokens, i)) {
                edits.replace(tokens.get(i), "BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE");
            }
        }
        return edits.isEmpty() ? null : edits.apply(sql);
    }
}
