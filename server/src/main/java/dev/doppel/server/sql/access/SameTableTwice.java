package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.List;

/**
 * {@code SELECT ... FROM t JOIN db.t} names one table twice when db is the session's database: MySQL's 1066 "Not
 * unique table/alias", which the parse (that knows no session) leaves to this check; the engine answered 1052 for
 * the first column.
 */
final class SameTableTwice {
    private SameTableTwice() {
    }

    /** Whether the statement writes some name as {@code x.y}: without one no table is named both ways. */
    private static boolean qualifiesAName(List<Token> tokens) {
        for (Token each : tokens) {
            if (each.isSymbol(".")) {
                return true;
            }
        }
        return false;
    }

    static void check(List<Token> tokens, Session session) {
        if (session.schema() == null || !qualifiesAName(tokens) || !StatementParser.parses(tokens)) {
            return;
        }
        ParsedStatement parsed = StatementParser.parse(null, tokens);
        for (ParsedStatement.SameName each : parsed.sameNames()) {
            if (each.database().equalsIgnoreCase(session.schema())) {
                throw MySqlError.ER_NONUNIQ_TABLE.exception(each.table());
            }
        }
    }
}
