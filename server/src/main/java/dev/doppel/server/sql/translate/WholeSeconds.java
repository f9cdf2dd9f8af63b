package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/** MySQL's current-time functions give whole seconds unless asked for a precision; the engine's carry fractions. */
final class WholeSeconds {
    private static final List<String> WHOLE_SECOND_TIMES = List.of("UTC_TIMESTAMP", "SYSDATE", "CONVERT_TZ");
    private static final String WHOLE_SECOND_NOW = "CAST(DATE_TRUNC(SECOND, LOCALTIMESTAMP) AS TIMESTAMP(0))";
    private static final List<String> CURRENT_TIMESTAMPS = List.of("NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP",
            "LOCALTIME");

    private WholeSeconds() {
    }

    /**
     * The server's functions that return a DATETIME of whole seconds (UTC_TIMESTAMP(), SYSDATE(), CONVERT_TZ) come
     * back from the engine as its TIMESTAMP with fractional digits; a cast makes the result metadata MySQL's.
     */
    static void times(SqlText statement, EngineEdits edits) {
        edits.wrapCalls(statement.tokens(), WHOLE_SECOND_TIMES, "CAST(", " AS TIMESTAMP(0))");
    }

    /**
     * NOW(), CURRENT_TIMESTAMP and LOCALTIMESTAMP are DATETIMEs of whole seconds in MySQL unless given a precision;
     * the engine's carry microseconds. Outside DDL (where DEFAULT and ON UPDATE keep the engine's form) they become
     * the engine's current timestamp cut to the second (a cast alone would round, and NOW() could pass NOW(3)).
     */
    static void now(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER")) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (!EngineEdits.isAnyWord(name, CURRENT_TIMESTAMPS) || i > 0 && tokens.get(i - 1).isSymbol(".")
                    || edits.replaced().containsKey(i)) {
                continue;
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (call && i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(")")) {
                edits.replaced().put(i, WHOLE_SECOND_NOW);
                edits.replaced().put(i + 1, "");
                edits.replaced().put(i + 2, "");
            } else if (!call && !name.isWord("NOW")) {
                edits.replaced().put(i, WHOLE_SECOND_NOW);
            }
        }
    }
}
