package dev.doppel.server.sql.program.parse;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.program.parse.ProgramStatement.ConditionValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL's grammar of stored program bodies (sql_yacc's sp_proc_stmt): compound statements, declarations, flow
 * control, cursors, conditions, and the SQL statements between them, which are kept as text. Errors are MySQL's:
 * 1064 at the token where the grammar breaks, 1308/1309/1310 for labels, 1330-1338 for declarations.
 */
public final class ProgramParser extends ProgramCursor {
    private static final Set<String> LIST_ENDS = Set.of("END", "ELSEIF", "ELSE", "WHEN", "UNTIL");
    private static final Set<String> INTO_ENDS = Set.of("FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
            "FOR", "LOCK", "UNION", "EXCEPT", "INTERSECT");

    /** The labels of the enclosing blocks and loops, innermost last; LEAVE and ITERATE must name one. */
    private final List<String> labels = new ArrayList<>();
    /** Which of the enclosing labels are loops (ITERATE needs a loop). */
    private final List<Boolean> loopLabels = new ArrayList<>();

    private ProgramParser(String sql, List<Token> tokens, int from, int to) {
        super(sql, tokens, from, to);
    }

    /** The body {@code tokens[from, to)} of a routine: one statement, which is usually a BEGIN ... END block. */
    public static ProgramStatement body(String sql, List<Token> tokens, int from, int to) {
        ProgramParser parser = new ProgramParser(sql, tokens, from, to);
        if (from >= to) {
            throw parser.syntaxError();
        }
        ProgramStatement body = parser.statement();
        if (parser.pos < to) {
            throw parser.syntaxError();
        }
        return body;
    }

    private ProgramStatement statement() {
        Token first = peek();
        if (first == null) {
            throw syntaxError();
        }
        if (first.isIdentifier() && pos + 1 < end && tokens.get(pos + 1).isSymbol(":")) {
            String label = first.text();
            pos += 2;
            Token labelled = peek();
            if (labelled == null || !(labelled.isWord("BEGIN") || labelled.isWord("LOOP") || labelled.isWord("WHILE")
                    || labelled.isWord("REPEAT"))) {
                throw syntaxError();
            }
            return labelled.isWord("BEGIN") ? block(label) : loop(label);
        }
        if (first.kind() != Token.Kind.WORD) {
            return sqlStatement();
        }
        return switch (first.upper()) {
            case "BEGIN" -> block(null);
            case "LOOP", "WHILE", "REPEAT" -> loop(null);
            case "IF" -> ifStatement();
            case "CASE" -> caseStatement();
            case "LEAVE", "ITERATE" -> jump();
            case "RETURN" -> {
                pos++;
                yield new ProgramStatement.Return(expressionUntil(Set.of()));
            }
            case "OPEN", "CLOSE" -> {
                pos++;
                String cursor = name();
                yield first.isWord("OPEN") ? new ProgramStatement.Open(cursor) : new ProgramStatement.Close(cursor);
            }
            case "FETCH" -> fetch();
            case "SIGNAL", "RESIGNAL" -> signal();
            case "SET" -> set();
            case "GET" -> getDiagnostics();
            case "DECLARE" -> throw syntaxError();
            case "SELECT", "WITH" -> select();
            default -> sqlStatement();
        };
    }

    private ProgramStatement.Block block(String label) {
        expect("BEGIN");
        enterLabel(label, false);
        List<ProgramStatement.Variable> variables = new ArrayList<>();
        List<ProgramStatement.Condition> conditions = new ArrayList<>();
        List<ProgramStatement.Cursor> cursors = new ArrayList<>();
        List<ProgramStatement.Handler> handlers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (peekWord("DECLARE")) {
            pos++;
            Token name = peek();
            Token second = pos + 1 < end ? tokens.get(pos + 1) : null;
            if (name != null && (name.isWord("CONTINUE") || name.isWord("EXIT") || name.isWord("UNDO"))
                    && second != null && second.isWord("HANDLER")) {
                handlers.add(handler(handlers));
            } else if (second != null && second.isWord("CURSOR")) {
                if (!handlers.isEmpty()) {
                    throw MySqlError.ER_SP_CURSOR_AFTER_HANDLER.exception();
                }
                String cursor = name();
                pos++;
                expect("FOR");
                if (cursors.stream().anyMatch(c -> c.name().equalsIgnoreCase(cursor))) {
                    throw MySqlError.ER_SP_DUP_CURS.exception(cursor);
                }
                SqlText select = sqlUntilSemicolon();
                if (!select.startsWith("SELECT") && !select.startsWith("WITH") && !select.token(0).isSymbol("(")) {
                    throw MySqlError.ER_SP_BAD_CURSOR_QUERY.exception();
                }
                cursors.add(new ProgramStatement.Cursor(cursor, select));
            } else if (second != null && second.isWord("CONDITION")) {
                if (!handlers.isEmpty() || !cursors.isEmpty()) {
                    throw MySqlError.ER_SP_VARCOND_AFTER_CURSHNDLR.exception();
                }
                String condition = name();
                pos++;
                expect("FOR");
                ConditionValue value = conditionValue(false);
                if (conditions.stream().anyMatch(c -> c.name().equalsIgnoreCase(condition))) {
                    throw MySqlError.ER_SP_DUP_COND.exception(condition);
                }
                conditions.add(new ProgramStatement.Condition(condition, value));
            } else {
                if (!handlers.isEmpty() || !cursors.isEmpty()) {
                    throw MySqlError.ER_SP_VARCOND_AFTER_CURSHNDLR.exception();
                }
                variables.add(variable(names));
            }
            expectSemicolon();
        }
        List<ProgramStatement> body = statementList();
        expect("END");
        endLabel(label);
        return new ProgramStatement.Block(label, variables, conditions, cursors, handlers, body);
    }

    private ProgramStatement.Variable variable(Set<String> declared) {
        List<String> names = new ArrayList<>();
        do {
            String name = name();
            if (!declared.add(name.toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_SP_DUP_VAR.exception(name);
            }
            names.add(name);
        } while (acceptSymbol(","));
        DeclaredType type = type();
        SqlText defaultValue = null;
        if (peekWord("DEFAULT")) {
            pos++;
            defaultValue = expressionUntil(Set.of());
        }
        return new ProgramStatement.Variable(names, type, defaultValue);
    }

    private DeclaredType type() {
        if (peek() == null || peek().kind() != Token.Kind.WORD) {
            throw syntaxError();
        }
        DeclaredType type = TypeReader.read(sql, tokens, pos, end);
        pos = TypeReader.end(tokens, pos, end);
        return type;
    }

    private ProgramStatement.Handler handler(List<ProgramStatement.Handler> earlier) {
        Token action = tokens.get(pos);
        if (action.isWord("UNDO")) {
            throw syntaxError();
        }
        pos += 2;
        expect("FOR");
        List<ConditionValue> conditions = new ArrayList<>();
        do {
            ConditionValue value = conditionValue(true);
            if (conditions.contains(value)) {
                throw MySqlError.ER_SP_DUP_HANDLER.exception();
            }
            conditions.add(value);
        } while (acceptSymbol(","));
        for (ProgramStatement.Handler each : earlier) {
            for (ConditionValue value : conditions) {
                if (each.conditions().contains(value)) {
                    throw MySqlError.ER_SP_DUP_HANDLER.exception();
                }
            }
        }
        return new ProgramStatement.Handler(action.isWord("EXIT"), conditions, statement());
    }

    /** SQLSTATE [VALUE] 'xxxxx', an error number, a condition name, or (for handlers) SQLWARNING, NOT FOUND, SQLEXCEPTION. */
    private ConditionValue conditionValue(boolean general) {
        Token token = peek();
        if (token == null) {
            throw syntaxError();
        }
        if (token.isWord("SQLSTATE")) {
            pos++;
            if (peekWord("VALUE")) {
                pos++;
            }
            Token state = peek();
            if (state == null || state.kind() != Token.Kind.STRING) {
                throw syntaxError();
            }
            pos++;
            return ConditionValue.sqlState(ConditionValue.checkedSqlState(state.text()));
        }
        if (token.kind() == Token.Kind.NUMBER) {
            pos++;
            int number = Integer.parseInt(token.text());
            if (number == 0) {
                throw MySqlError.ER_WRONG_VALUE.exception("CONDITION", "0");
            }
            return ConditionValue.number(number);
        }
        if (general && (token.isWord("SQLWARNING") || token.isWord("SQLEXCEPTION"))) {
            pos++;
            return ConditionValue.general(token.upper());
        }
        if (general && token.isWord("NOT") && pos + 1 < end && tokens.get(pos + 1).isWord("FOUND")) {
            pos += 2;
            return ConditionValue.general("NOT FOUND");
        }
        if (general && token.isIdentifier()) {
            pos++;
            return ConditionValue.named(token.text());
        }
        throw syntaxError();
    }

    private ProgramStatement loop(String label) {
        Token kind = tokens.get(pos++);
        enterLabel(label, true);
        SqlText before = null;
        SqlText after = null;
        List<ProgramStatement> body;
        if (kind.isWord("WHILE")) {
            before = expressionUntil(Set.of("DO"));
            expect("DO");
            body = statementList();
        } else if (kind.isWord("REPEAT")) {
            body = statementList();
            expect("UNTIL");
            after = expressionUntil(Set.of("END"));
        } else {
            body = statementList();
        }
        expect("END");
        expect(kind.upper());
        endLabel(label);
        return new ProgramStatement.Loop(label, before, body, after);
    }

    private ProgramStatement ifStatement() {
        expect("IF");
        List<ProgramStatement.Branch> branches = new ArrayList<>();
        do {
            SqlText condition = expressionUntil(Set.of("THEN"));
            expect("THEN");
            branches.add(new ProgramStatement.Branch(condition, statementList()));
        } while (acceptWord("ELSEIF"));
        List<ProgramStatement> otherwise = null;
        if (acceptWord("ELSE")) {
            otherwise = statementList();
        }
        expect("END");
        expect("IF");
        return new ProgramStatement.If(branches, otherwise, false);
    }

    private ProgramStatement caseStatement() {
        expect("CASE");
        SqlText operand = peekWord("WHEN") ? null : expressionUntil(Set.of("WHEN"));
        List<ProgramStatement.Branch> whens = new ArrayList<>();
        while (acceptWord("WHEN")) {
            SqlText value = expressionUntil(Set.of("THEN"));
            expect("THEN");
            whens.add(new ProgramStatement.Branch(value, statementList()));
        }
        if (whens.isEmpty()) {
            throw syntaxError();
        }
        List<ProgramStatement> otherwise = null;
        if (acceptWord("ELSE")) {
            otherwise = statementList();
        }
        expect("END");
        expect("CASE");
        return operand == null ? new ProgramStatement.If(whens, otherwise, true)
                : new ProgramStatement.SimpleCase(operand, whens, otherwise);
    }

    private ProgramStatement jump() {
        Token kind = tokens.get(pos++);
        String label = name();
        int index = -1;
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (labels.get(i) != null && labels.get(i).equalsIgnoreCase(label)) {
                index = i;
                break;
            }
        }
        if (index < 0 || kind.isWord("ITERATE") && !loopLabels.get(index)) {
            throw MySqlError.ER_SP_LILABEL_MISMATCH.exception(kind.upper(), label);
        }
        return kind.isWord("LEAVE") ? new ProgramStatement.Leave(labels.get(index))
                : new ProgramStatement.Iterate(labels.get(index));
    }

    private ProgramStatement fetch() {
        expect("FETCH");
        if (acceptWord("NEXT")) {
            expect("FROM");
        } else {
            acceptWord("FROM");
        }
        String cursor = name();
        expect("INTO");
        List<String> targets = new ArrayList<>();
        do {
            targets.add(name());
        } while (acceptSymbol(","));
        return new ProgramStatement.Fetch(cursor, targets);
    }

    private ProgramStatement signal() {
        boolean resignal = tokens.get(pos++).isWord("RESIGNAL");
        ConditionValue condition = null;
        if (peek() != null && !peekWord("SET") && !peek().isSymbol(";")) {
            condition = conditionValue(false);
            if (condition.errorNumber() != 0) {
                throw syntaxError();
            }
        } else if (!resignal) {
            throw syntaxError();
        }
        List<ProgramStatement.SignalItem> items = new ArrayList<>();
        if (acceptWord("SET")) {
            do {
                Token item = peek();
                if (item == null || !ProgramStatement.SIGNAL_ITEMS.contains(item.upper())) {
                    throw syntaxError();
                }
                pos++;
                expectSymbol("=");
                if (items.stream().anyMatch(i -> i.name().equals(item.upper()))) {
                    throw MySqlError.ER_DUP_SIGNAL_SET.exception(item.upper());
                }
                items.add(new ProgramStatement.SignalItem(item.upper(), expressionUntil(Set.of())));
            } while (acceptSymbol(","));
        }
        return new ProgramStatement.Signal(resignal, condition, items);
    }

    private ProgramStatement getDiagnostics() {
        int start = pos;
        expect("GET");
        boolean stacked = acceptWord("STACKED");
        if (!stacked) {
            acceptWord("CURRENT");
        }
        if (!acceptWord("DIAGNOSTICS")) {
            pos = start;
            return sqlStatement();
        }
        SqlText number = null;
        if (acceptWord("CONDITION")) {
            Token number1 = peek();
            if (number1 == null || number1.isSymbol(";")) {
                throw syntaxError();
            }
            pos++;
            number = SqlText.slice(sql, tokens.subList(pos - 1, pos));
        }
        List<ProgramStatement.DiagnosticsItem> items = new ArrayList<>();
        do {
            Token target = peek();
            if (target == null || !(target.isIdentifier() || target.kind() == Token.Kind.USER_VARIABLE)) {
                throw syntaxError();
            }
            pos++;
            expectSymbol("=");
            Token item = peek();
            boolean known = item != null && item.kind() == Token.Kind.WORD && (number == null
                    ? item.isWord("NUMBER") || item.isWord("ROW_COUNT")
                    : item.isWord("RETURNED_SQLSTATE") || ProgramStatement.SIGNAL_ITEMS.contains(item.upper()));
            if (!known) {
                throw syntaxError();
            }
            pos++;
            String targetName = target.kind() == Token.Kind.USER_VARIABLE ? "@" + target.text() : target.text();
            items.add(new ProgramStatement.DiagnosticsItem(targetName, item.upper()));
        } while (acceptSymbol(","));
        return new ProgramStatement.GetDiagnostics(stacked, number, items);
    }

    private ProgramStatement set() {
        SqlText statement = sqlUntilSemicolon();
        List<Token> own = statement.tokens();
        boolean assigns = own.size() > 2 && (own.get(2).isSymbol("=") || own.get(2).isSymbol(":="));
        if (own.size() > 1 && !assigns && (own.get(1).isWord("NAMES") || own.get(1).isWord("CHARACTER")
                || own.get(1).isWord("CHARSET") || own.get(1).isWord("PASSWORD") || own.get(1).isWord("TRANSACTION")
                || own.get(1).isWord("ROLE") || own.get(1).isWord("DEFAULT") || own.get(1).isWord("PERSIST")
                || own.get(1).isWord("PERSIST_ONLY") || own.get(1).isWord("RESOURCE"))) {
            return new ProgramStatement.Sql(statement);
        }
        List<ProgramStatement.Assignment> assignments = new ArrayList<>();
        for (List<Token> part : TokenRanges.splitAtCommas(own, 1, own.size())) {
            int equals = -1;
            for (int i = 0; i < part.size(); i++) {
                if (part.get(i).isSymbol("=") || part.get(i).isSymbol(":=")) {
                    equals = i;
                    break;
                }
            }
            if (equals <= 0 || equals == part.size() - 1) {
                throw Lexer.syntaxError(statement.sql(), part.isEmpty() ? statement.sql().length()
                        : part.get(part.size() - 1).end());
            }
            Token target = part.get(0);
            String local = equals == 1 && target.isIdentifier() && !target.isWord("GLOBAL") && !target.isWord("SESSION")
                    && !target.isWord("LOCAL") ? target.text() : null;
            assignments.add(new ProgramStatement.Assignment(local, SqlText.slice(statement.sql(), part.subList(0, equals)),
                    SqlText.slice(statement.sql(), part.subList(equals + 1, part.size()))));
        }
        return new ProgramStatement.Set(statement, assignments);
    }

    /** SELECT ... INTO var, ... (not INTO OUTFILE / DUMPFILE) sets variables; any other SELECT is a statement. */
    private ProgramStatement select() {
        int start = pos;
        int stop = semicolon();
        int into = TokenRanges.firstTopLevel(tokens, start, stop, Set.of("INTO"));
        if (into < 0 || into + 1 >= stop || tokens.get(into + 1).isWord("OUTFILE")
                || tokens.get(into + 1).isWord("DUMPFILE")) {
            return sqlStatement();
        }
        List<String> targets = new ArrayList<>();
        int i = into + 1;
        while (true) {
            Token target = tokens.get(i);
            if (target.kind() == Token.Kind.USER_VARIABLE) {
                targets.add("@" + target.text());
            } else if (target.isIdentifier()) {
                targets.add(target.text());
            } else {
                throw Lexer.syntaxError(sql, target.start());
            }
            i++;
            if (i < stop && tokens.get(i).isSymbol(",")) {
                i++;
                continue;
            }
            break;
        }
        if (i < stop && !(tokens.get(i).kind() == Token.Kind.WORD && INTO_ENDS.contains(tokens.get(i).upper()))) {
            throw Lexer.syntaxError(sql, tokens.get(i).start());
        }
        StringBuilder query = new StringBuilder(sql.substring(tokens.get(start).start(), tokens.get(into).start()).strip());
        if (i < stop) {
            query.append(' ').append(sql, tokens.get(i).start(), tokens.get(stop - 1).end());
        }
        pos = stop;
        return new ProgramStatement.SelectInto(SqlText.of(query.toString().strip()), targets);
    }

    private ProgramStatement sqlStatement() {
        SqlText statement = sqlUntilSemicolon();
        Token first = statement.token(0);
        if (first.isWord("CREATE") || first.isWord("ALTER") || first.isWord("DROP")) {
            for (int i = 1; i < Math.min(statement.size(), 8); i++) {
                Token word = statement.token(i);
                if (word.isWord("PROCEDURE") || word.isWord("FUNCTION") || word.isWord("TRIGGER")
                        || word.isWord("EVENT")) {
                    if (first.isWord("CREATE")) {
                        throw MySqlError.ER_SP_NO_RECURSIVE_CREATE.exception(word.upper());
                    }
                    throw MySqlError.ER_SP_BADSTATEMENT.exception(first.upper() + " " + word.upper());
                }
            }
        }
        if (first.isWord("LOCK") || first.isWord("UNLOCK")) {
            throw MySqlError.ER_SP_BADSTATEMENT.exception(first.upper() + " " + statement.token(1).upper());
        }
        return new ProgramStatement.Sql(statement);
    }

    /** Statements, each ended by a semicolon, up to END, ELSEIF, ELSE, WHEN or UNTIL. */
    private List<ProgramStatement> statementList() {
        List<ProgramStatement> list = new ArrayList<>();
        while (true) {
            Token next = peek();
            if (next == null) {
                throw syntaxError();
            }
            if (next.kind() == Token.Kind.WORD && LIST_ENDS.contains(next.upper())
                    && !(pos + 1 < end && tokens.get(pos + 1).isSymbol(":"))) {
                return list;
            }
            list.add(statement());
            expectSemicolon();
        }
    }

    private void enterLabel(String label, boolean loop) {
        if (label != null && labels.stream().anyMatch(l -> l != null && l.equalsIgnoreCase(label))) {
            throw MySqlError.ER_SP_LABEL_REDEFINE.exception(label);
        }
        labels.add(label);
        loopLabels.add(loop);
    }

    private void endLabel(String label) {
        Token after = peek();
        if (after != null && after.isIdentifier() && !after.isSymbol(";")) {
            if (label == null || !label.equalsIgnoreCase(after.text())) {
                throw MySqlError.ER_SP_LABEL_MISMATCH.exception(after.text());
            }
            pos++;
        }
        labels.remove(labels.size() - 1);
        loopLabels.remove(loopLabels.size() - 1);
    }

}
