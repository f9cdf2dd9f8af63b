package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.config.variables.SqlMode;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.ParseWarnings;

import java.util.List;

/**
 * MySQL's symbols for the logical operators, deprecated in 8.4 (1287 at each use), which the engine reads otherwise:
 * {@code &&} is AND (the engine's is a geometry operator), {@code ||} is OR unless sql_mode has PIPES_AS_CONCAT (the
 * engine's is concatenation), and {@code !x} is NOT x binding as tightly as a sign ({@code !1 + 1} is 1), which the
 * engine does not read at all.
 */
public final class LogicalOperators {
    private static final String AND = "'&&' is deprecated and will be removed in a future release. Please use AND instead";
    private static final String OR = "'|| as a synonym for OR' is deprecated and will be removed in a future release."
            + " Please use OR instead";
    private static final String NOT = "'!' is deprecated and will be removed in a future release. Please use NOT instead";

    private LogicalOperators() {
    }

    public static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.SYMBOL || edits.replaced().containsKey(i)) {
                continue;
            }
            if (token.isSymbol("&&")) {
                edits.replaced().put(i, "AND");
                ParseWarnings.add(session, 1287, AND);
            } else if (token.isSymbol("||") && !pipesConcatenate(session)) {
                edits.replaced().put(i, "OR");
                ParseWarnings.add(session, 1287, OR);
            } else if (token.isSymbol("!")) {
                int end = BinaryOperator.operandEnd(tokens, i + 1);
                if (end > 0) {
                    edits.replaced().put(i, "(NOT ");
                    edits.after().merge(end - 1, ")", (a, b) -> b + a);
                    ParseWarnings.add(session, 1287, NOT);
                }
            }
        }
    }

    private static boolean pipesConcatenate(Session session) {
        return session != null && (session.variables().sqlModeBits() & SqlMode.PIPES_AS_CONCAT) != 0;
    }
}
