package dev.doppel.server.sql.ddl;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** CREATE TABLE ... [AS] SELECT reports the rows it copied in MySQL; the engine reports 0. */
public final class CreateTableAsSelect {
    private CreateTableAsSelect() {
    }

    /** The new table ({@code [db.]t}, quoted) when {@code tokens} is CREATE TABLE ... SELECT, else null. */
    public static String table(List<Token> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("CREATE")) {
            return null;
        }
        int index = 1;
        if (tokens.get(index).isWord("TEMPORARY")) {
            index++;
        }
        if (!tokens.get(index).isWord("TABLE")) {
            return null;
        }
        index++;
        if (index + 2 < tokens.size() && tokens.get(index).isWord("IF")) {
            index += 3;
        }
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            return null;
        }
        String table = quote(tokens.get(index).text());
        if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
            table = table + "." + quote(tokens.get(index + 2).text());
        }
        int depth = 0;
        for (Token each : tokens) {
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && each.isWord("SELECT")) {
                return table;
            }
        }
        return null;
    }

    public static long rowCount(Session session, String table) throws SQLException {
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
