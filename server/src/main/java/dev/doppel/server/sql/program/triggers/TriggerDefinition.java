package dev.doppel.server.sql.program.triggers;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.RoutineHeader;
import dev.doppel.server.sql.program.parse.ProgramParser;
import dev.doppel.server.sql.program.parse.ProgramStatement;
import dev.doppel.server.sql.program.parse.ProgramWalk;

import java.util.List;

/**
 * CREATE [DEFINER = user] TRIGGER [IF NOT EXISTS] [db.]name {BEFORE | AFTER} {INSERT | UPDATE | DELETE} ON [db.]table
 * FOR EACH ROW [{FOLLOWS | PRECEDES} other] body, with MySQL's checks of the body: NEW and OLD where the event has
 * them (1363), NEW set only before the change (1362), no result sets (1415) and no commits (1422).
 */
record TriggerDefinition(String schema, String name, boolean ifNotExists, String table, String timing, String event,
                         String definerUser, String definerHost, boolean definerGiven, String orderWord,
                         String otherTrigger, String body) {

    static boolean matches(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return false;
        }
        int i = RoutineHeader.afterDefiner(tokens, 1);
        return i < tokens.size() && tokens.get(i).isWord("TRIGGER");
    }

    static TriggerDefinition parse(String sql, List<Token> tokens, String currentSchema, String user, String host) {
        int i = RoutineHeader.afterDefiner(tokens, 1);
        String definerUser = user;
        String definerHost = host;
        boolean definerGiven = i > 1 && !tokens.get(3).isWord("CURRENT_USER");
        if (definerGiven) {
            definerUser = tokens.get(3).text();
            definerHost = "%";
            if (tokens.get(4).isSymbol("@")) {
                definerHost = tokens.get(5).text();
            } else if (tokens.get(4).kind() == Token.Kind.USER_VARIABLE) {
                definerHost = tokens.get(4).text();
            }
        }
        i++;
        boolean ifNotExists = false;
        if (word(tokens, i, "IF") && word(tokens, i + 1, "NOT") && word(tokens, i + 2, "EXISTS")) {
            ifNotExists = true;
            i += 3;
        }
        QualifiedName name = identifierAt(sql, tokens, i);
        i = name.next();
        String timing = expectOne(sql, tokens, i++, "BEFORE", "AFTER");
        String event = expectOne(sql, tokens, i++, "INSERT", "UPDATE", "DELETE");
        expectOne(sql, tokens, i++, "ON");
        QualifiedName table = identifierAt(sql, tokens, i);
        i = table.next();
        expectOne(sql, tokens, i++, "FOR");
        expectOne(sql, tokens, i++, "EACH");
        expectOne(sql, tokens, i++, "ROW");
        String orderWord = null;
        String other = null;
        if (word(tokens, i, "FOLLOWS") || word(tokens, i, "PRECEDES")) {
            orderWord = tokens.get(i).upper();
            other = identifierAt(sql, tokens, i + 1).name();
            i += 2;
        }
        String schema = table.qualifierOr(currentSchema);
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        if (name.qualifier() != null && !name.qualifier().equals(schema)) {
            throw MySqlError.ER_TRG_IN_WRONG_SCHEMA.exception();
        }
        if (i >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        ProgramStatement program = ProgramParser.body(sql, tokens, i, tokens.size());
        check(program, timing, event);
        return new TriggerDefinition(schema, name.name(), ifNotExists, table.name(), timing, event, definerUser,
                definerHost, definerGiven, orderWord, other,
                sql.substring(tokens.get(i).start(), tokens.get(tokens.size() - 1).end()));
    }

    private static void check(ProgramStatement program, String timing, String event) {
        for (ProgramStatement each : ProgramWalk.flatten(program)) {
            if (each instanceof ProgramStatement.Sql sql) {
                RoutineHeader.checkFunctionStatement(sql, "trigger");
                rowsUsed(sql.statement().tokens(), event);
            } else if (each instanceof ProgramStatement.Set set) {
                for (ProgramStatement.Assignment assignment : set.assignments()) {
                    List<Token> target = assignment.target().tokens();
                    if (target.size() == 3 && target.get(1).isSymbol(".")) {
                        String row = target.get(0).upper();
                        if (row.equals("OLD")) {
                            throw MySqlError.ER_TRG_CANT_CHANGE_ROW.exception("OLD", "");
                        }
                        if (row.equals("NEW") && timing.equals("AFTER")) {
                            throw MySqlError.ER_TRG_CANT_CHANGE_ROW.exception("NEW", "after ");
                        }
                    }
                    rowsUsed(target, event);
                    rowsUsed(assignment.value().tokens(), event);
                }
            }
        }
    }

    /** NEW in a DELETE trigger and OLD in an INSERT trigger do not exist (1363). */
    private static void rowsUsed(List<Token> tokens, String event) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i + 1).isSymbol(".") || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            if (tokens.get(i).isWord("NEW") && event.equals("DELETE")) {
                throw MySqlError.ER_TRG_NO_SUCH_ROW_IN_TRG.exception("NEW", "on DELETE");
            }
            if (tokens.get(i).isWord("OLD") && event.equals("INSERT")) {
                throw MySqlError.ER_TRG_NO_SUCH_ROW_IN_TRG.exception("OLD", "on INSERT");
            }
        }
    }

    private static boolean word(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }

    private static String expectOne(String sql, List<Token> tokens, int i, String... words) {
        for (String each : words) {
            if (word(tokens, i, each)) {
                return each;
            }
        }
        throw Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
    }

    private static QualifiedName identifierAt(String sql, List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            throw Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
        }
        return QualifiedName.at(tokens, i);
    }
}
