package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.StorageEngines;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/** The ENGINE option of CREATE and ALTER TABLE, judged as MySQL 8.4 does when InnoDB is the only engine. */
final class EngineOptions {
    private EngineOptions() {
    }

    /**
     * The statement without its top-level ENGINE [=] name options. Engines other than InnoDB are unavailable:
     * error 1286 under NO_ENGINE_SUBSTITUTION (8.4's default sql_mode has it), otherwise warnings 1286 and 1266,
     * as MySQL does for an engine it cannot use.
     */
    static String without(Session session, String sql, List<Token> tokens, String table) {
        StringBuilder result = new StringBuilder();
        int copied = 0;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            }
            if (depth != 0 || !each.isWord("ENGINE") || i + 1 >= tokens.size()) {
                continue;
            }
            int value = tokens.get(i + 1).isSymbol("=") ? i + 2 : i + 1;
            if (value >= tokens.size() || !(tokens.get(value).isIdentifier() || tokens.get(value).kind() == Token.Kind.STRING)) {
                continue;
            }
            checkEngine(session, tokens.get(value).text(), table);
            int start = each.start();
            int end = tokens.get(value).end();
            if (i > 0 && tokens.get(i - 1).isSymbol(",")) {
                start = tokens.get(i - 1).start();
            } else if (value + 1 < tokens.size() && tokens.get(value + 1).isSymbol(",")) {
                end = tokens.get(value + 1).end();
            }
            result.append(sql, copied, start);
            copied = end;
            i = value;
        }
        result.append(sql, copied, sql.length());
        return result.toString();
    }

    private static void checkEngine(Session session, String engine, String table) {
        if (StorageEngines.isAvailable(engine)) {
            return;
        }
        Object mode = session.variables().get("sql_mode", VariableQualifier.NONE);
        if (mode != null && mode.toString().toUpperCase().contains("NO_ENGINE_SUBSTITUTION")) {
            throw MySqlError.ER_UNKNOWN_STORAGE_ENGINE.exception(engine);
        }
        session.addWarning("Warning", 1286, MySqlError.ER_UNKNOWN_STORAGE_ENGINE.message(engine));
        session.addWarning("Warning", 1266,
                MySqlError.ER_WARN_USING_OTHER_HANDLER.message(StorageEngines.DEFAULT, table));
    }
}
