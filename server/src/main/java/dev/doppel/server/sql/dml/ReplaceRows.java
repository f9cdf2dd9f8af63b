package dev.doppel.server.sql.dml;

import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * REPLACE as MySQL runs it: the old row is deleted and a new one inserted, so a column the statement does not name
 * gets its default, not the old row's value (the engine's REPLACE changes the row in place and keeps them). The
 * statement names every column for the engine, DEFAULT for those it left out; {@code REPLACE ... SET col = v}, which
 * the engine does not read, becomes a column list and one row. REPLACE ... SELECT is left as it is.
 */
public final class ReplaceRows {
    private static final Set<String> MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "INTO");

    private ReplaceRows() {
    }

    public static SqlText asMySql(SqlText statement, Session session) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || !tokens.get(0).isWord("REPLACE")) {
            return statement;
        }
        int i = 1;
        boolean into = false;
        while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD && MODIFIERS.contains(tokens.get(i).upper())) {
            into |= tokens.get(i).isWord("INTO");
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return statement;
        }
        if (!into) {
            // INTO is optional to MySQL, not to the engine
            String sql = statement.sql();
            return asMySql(SqlText.of(sql.substring(0, tokens.get(i).start()) + "INTO "
                    + sql.substring(tokens.get(i).start())), session);
        }
        QualifiedName name = QualifiedName.at(tokens, i);
        String schema = name.qualifierOr(session.schema());
        int next = name.next();
        if (schema == null || next >= tokens.size()) {
            return statement;
        }
        TableColumnKinds table = TableColumnKinds.of(session::engineConnection, schema, name.name());
        if (table == null || table.order().isEmpty()) {
            return statement;
        }
        String sql = statement.sql();
        String head = sql.substring(0, tokens.get(next - 1).end());
        if (tokens.get(next).isWord("SET")) {
            return SqlText.of(head + fromSet(sql, tokens, next + 1, table.order()));
        }
        if (!tokens.get(next).isSymbol("(")) {
            return statement;
        }
        int close = TokenRanges.closing(tokens, next);
        if (close < 0 || close + 1 >= tokens.size() || !(tokens.get(close + 1).isWord("VALUES")
                || tokens.get(close + 1).isWord("VALUE"))) {
            return statement;
        }
        List<String> given = new ArrayList<>();
        for (List<Token> each : TokenRanges.splitAtCommas(tokens, next + 1, close)) {
            if (each.size() == 1 && each.get(0).isIdentifier()) {
                given.add(each.get(0).text().toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String column : table.order()) {
            if (!given.contains(column.toLowerCase(Locale.ROOT))) {
                missing.add(column);
            }
        }
        if (missing.isEmpty()) {
            return statement;
        }
        StringBuilder out = new StringBuilder(sql.substring(0, tokens.get(close).start()));
        missing.forEach(column -> out.append(", ").append(quote(column)));
        int copied = tokens.get(close).start();
        for (int j = close + 2; j < tokens.size(); j++) {
            if (tokens.get(j).isSymbol("(")) {
                int rowEnd = TokenRanges.closing(tokens, j);
                if (rowEnd < 0) {
                    return statement;
                }
                out.append(sql, copied, tokens.get(rowEnd).start());
                missing.forEach(column -> out.append(", DEFAULT"));
                copied = tokens.get(rowEnd).start();
                j = rowEnd;
            }
        }
        out.append(sql.substring(copied));
        return SqlText.of(out.toString());
    }

    /** SET a = x, b = y as (every column) VALUES (x, y, DEFAULT, ...). */
    private static String fromSet(String sql, List<Token> tokens, int from, List<String> columns) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (List<Token> each : TokenRanges.splitAtCommas(tokens, from, tokens.size())) {
            if (each.size() < 3 || !each.get(0).isIdentifier() || !each.get(1).isSymbol("=")) {
                return sql.substring(tokens.get(from - 1).start());
            }
            names.add(each.get(0).text().toLowerCase(Locale.ROOT));
            values.add(sql.substring(each.get(2).start(), each.get(each.size() - 1).end()));
        }
        StringBuilder list = new StringBuilder(" (");
        StringBuilder row = new StringBuilder(" VALUES (");
        for (String column : columns) {
            int at = names.indexOf(column.toLowerCase(Locale.ROOT));
            list.append(list.length() > 2 ? ", " : "").append(quote(column));
            row.append(row.length() > 9 ? ", " : "").append(at >= 0 ? values.get(at) : "DEFAULT");
        }
        return list.append(')').append(row).append(')').toString();
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
