package dev.doppel.server.sql.program;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** ALTER PROCEDURE | FUNCTION name characteristic ...: COMMENT, LANGUAGE SQL, the SQL data access, SQL SECURITY. */
final class RoutineCharacteristics {
    private RoutineCharacteristics() {
    }

    static Routine alter(Routine routine, String sql, List<Token> tokens, int from) {
        String comment = routine.comment();
        String dataAccess = routine.dataAccess();
        boolean invoker = routine.invoker();
        int i = from;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.isWord("COMMENT") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.STRING) {
                comment = tokens.get(i + 1).text();
                i += 2;
            } else if (token.isWord("LANGUAGE") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("SQL")) {
                i += 2;
            } else if (token.isWord("CONTAINS") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("SQL")) {
                dataAccess = "CONTAINS SQL";
                i += 2;
            } else if (token.isWord("NO") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("SQL")) {
                dataAccess = "NO SQL";
                i += 2;
            } else if ((token.isWord("READS") || token.isWord("MODIFIES")) && i + 2 < tokens.size()
                    && tokens.get(i + 1).isWord("SQL") && tokens.get(i + 2).isWord("DATA")) {
                dataAccess = token.upper() + " SQL DATA";
                i += 3;
            } else if (token.isWord("SQL") && i + 2 < tokens.size() && tokens.get(i + 1).isWord("SECURITY")
                    && (tokens.get(i + 2).isWord("DEFINER") || tokens.get(i + 2).isWord("INVOKER"))) {
                invoker = tokens.get(i + 2).isWord("INVOKER");
                i += 3;
            } else {
                throw Lexer.syntaxError(sql, token.start());
            }
        }
        return new Routine(routine.schema(), routine.name(), routine.type(), routine.definerUser(),
                routine.definerHost(), invoker, dataAccess, routine.deterministic(), comment, routine.parameters(),
                routine.returns(), routine.body(), routine.sqlMode(), routine.created(),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), routine.characterSetClient(),
                routine.collationConnection(), routine.databaseCollation());
    }
}
