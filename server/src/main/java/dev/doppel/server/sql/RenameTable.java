package dev.doppel.server.sql;

import dev.doppel.server.session.Session;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** RENAME TABLE a TO b [, c TO d ...]: each pair becomes the engine's ALTER TABLE a RENAME TO b, in order. */
final class RenameTable {
    private RenameTable() {
    }

    static boolean matches(List<Token> tokens) {
        return tokens.size() > 1 && tokens.get(0).isWord("RENAME") && tokens.get(1).isWord("TABLE");
    }

    static void execute(String sql, List<Token> tokens, Session session) {
        List<String> renames = new ArrayList<>();
        int index = 2;
        while (true) {
            StringBuilder from = new StringBuilder();
            index = name(sql, tokens, index, from);
            if (index >= tokens.size() || !tokens.get(index).isWord("TO")) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            StringBuilder to = new StringBuilder();
            index = name(sql, tokens, index + 1, to);
            String target = to.toString();
            // the engine renames within the table's schema: the new name goes without its database
            renames.add("ALTER TABLE " + from + " RENAME TO " + target.substring(target.lastIndexOf('.') + 1));
            if (index == tokens.size()) {
                break;
            }
            if (!tokens.get(index).isSymbol(",")) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
            index++;
        }
        NoDatabase.check(Lexer.tokenize(renames.get(0)), session);
        try (Statement statement = session.engineConnection().createStatement()) {
            for (String each : renames) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
    }

    /** Reads {@code [db.]table} from {@code index} into {@code out} (quoted); returns the index after it. */
    private static int name(String sql, List<Token> tokens, int index, StringBuilder out) {
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        out.append(quote(tokens.get(index).text()));
        index++;
        if (index + 1 < tokens.size() && tokens.get(index).isSymbol(".") && tokens.get(index + 1).isIdentifier()) {
            out.append('.').append(quote(tokens.get(index + 1).text()));
            index += 2;
        }
        return index;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
