package dev.doppel.server.session;

import dev.doppel.server.instance.GeneralLog;
import dev.doppel.server.sql.lex.SecretRedaction;
import dev.doppel.server.sql.lex.Token;

import java.util.HexFormat;
import java.util.List;

/** A session's lines in the general query log: none while the session's sql_log_off is ON; passwords redacted. */
public final class GeneralLogLines {
    private GeneralLogLines() {
    }

    /** An executed prepared statement, logged as MySQL logs it: with its parameters' values in place. */
    public static void execute(Session session, String sql, List<Token> tokens, Object[] values) {
        if (session.server().generalLog().enabled()) {
            write(session, "Execute", withValues(sql, tokens, values));
        }
    }

    /** A prepared statement's text with its parameters' values in place, as MySQL's logs show an execution. */
    public static String withValues(String sql, List<Token> tokens, Object[] values) {
        StringBuilder text = new StringBuilder();
        int copied = 0;
        int parameter = 0;
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.PARAMETER && parameter < values.length) {
                text.append(sql, copied, each.start()).append(literal(values[parameter++]));
                copied = each.end();
            }
        }
        return text.append(sql, copied, sql.length()).toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    public static void write(Session session, String command, String argument) {
        GeneralLog log = session.server().generalLog();
        if (log.enabled() && !Boolean.TRUE.equals(session.variables().value("sql_log_off"))) {
            log.write(session.id(), command, SecretRedaction.redact(argument));
        }
    }
}
