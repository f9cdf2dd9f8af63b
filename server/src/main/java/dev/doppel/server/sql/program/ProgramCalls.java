package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.engine.program.StoredPrograms;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.program.parse.ProgramParser;
import dev.doppel.server.sql.program.parse.ProgramStatement;
import dev.doppel.server.sql.program.triggers.Trigger;
import dev.doppel.server.sql.program.triggers.TriggerCatalog;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * CALL [db.]name[(arguments)]: checks EXECUTE, binds the arguments (OUT and INOUT ones must be variables: 1414),
 * runs the procedure in its database with its definer's privileges (SQL SECURITY DEFINER) or the caller's, and
 * hands OUT and INOUT values back. A procedure may call itself max_sp_recursion_depth times deep (1456).
 */
public final class ProgramCalls implements StoredPrograms {
    private final ProgramHost host;
    private final RoutineCatalog catalog;
    private final TriggerCatalog triggers;
    private final Deque<String> running = new ArrayDeque<>();
    /** The user variables that stand for a prepared CALL's markers start with this. */
    private static final String MARKER = "doppel_marker_";

    /** An OUT or INOUT parameter of the last CALL and the user variable it was bound to. */
    public record OutParameter(String name, String variable) {
    }

    /** What a CALL reports: its affected rows, and its OUT and INOUT parameters bound to a prepared CALL's markers. */
    public record Result(long affectedRows, List<OutParameter> markers) {
    }

    public ProgramCalls(ProgramHost host, RoutineCatalog catalog, TriggerCatalog triggers) {
        this.host = host;
        this.catalog = catalog;
        this.triggers = triggers;
    }

    /** A CALL a client sent: the affected rows its OK reports (the last statement's), the markers' OUT values. */
    public Result call(SqlText statement) {
        List<OutParameter> markers = new ArrayList<>();
        long affected = invoke(statement, null, markers);
        return new Result(affected, markers);
    }

    /** The text of a prepared CALL's marker {@code index}: a user variable holding its bound value. */
    public static String boundMarker(Session session, int index, Object value) {
        session.userVariables().put(MARKER + index, value);
        return "@" + MARKER + index;
    }

    /** The marker variables of a prepared CALL, dropped once it answered. */
    public static void forgetMarkers(Session session) {
        session.userVariables().keySet().removeIf(name -> name.startsWith(MARKER));
    }

    void callFromProgram(SqlText statement, Scope caller) {
        invoke(statement, caller, new ArrayList<>());
    }

    private long invoke(SqlText statement, Scope caller, List<OutParameter> markers) {
        Session session = host.session();
        List<Token> tokens = statement.tokens();
        if (tokens.size() < 2 || !tokens.get(1).isIdentifier()) {
            throw Lexer.syntaxError(statement.sql(), tokens.size() > 1 ? tokens.get(1).start() : statement.sql().length());
        }
        QualifiedName name = QualifiedName.at(tokens, 1);
        String schema = name.qualifierOr(session.schema());
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        List<List<Token>> arguments = arguments(statement, name.next());
        if (!session.privileges().hasOnRoutine("EXECUTE", schema, "PROCEDURE", name.name())) {
            throw MySqlError.ER_PROCACCESS_DENIED_ERROR.exception("execute", session.user(), session.host(),
                    schema + "." + name.name());
        }
        Routine routine = catalog.find("PROCEDURE", schema, name.name());
        if (routine == null) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("PROCEDURE", schema + "." + name.name());
        }
        CompiledRoutine compiled = catalog.compiled(routine);
        if (arguments.size() != compiled.parameters().size()) {
            throw MySqlError.ER_SP_WRONG_NO_OF_ARGS.exception("PROCEDURE", routine.qualifiedName(),
                    compiled.parameters().size(), arguments.size());
        }
        long depth = ((Number) session.variables().value("max_sp_recursion_depth")).longValue();
        if (Collections.frequency(running, routine.key()) > depth) {
            throw MySqlError.ER_SP_RECURSION_LIMIT.exception(depth, routine.name());
        }
        Scope root = Scope.root();
        List<Runnable> copyBack = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            RoutineHeader.Parameter parameter = compiled.parameters().get(i);
            SqlText argument = SqlText.slice(statement.sql(), arguments.get(i));
            Scope.Slot slot = root.declare(parameter.name(), parameter.type());
            if (parameter.mode().equals("IN")) {
                slot.assign(host.evaluate(caller == null ? argument : VariableReferences.substitute(argument, caller)));
                continue;
            }
            Token only = argument.size() == 1 ? argument.token(0) : null;
            Scope.Slot callerSlot = only != null && only.isIdentifier() && caller != null ? caller.variable(only.text()) : null;
            if (only == null || only.kind() != Token.Kind.USER_VARIABLE && callerSlot == null) {
                throw MySqlError.ER_SP_NOT_VAR_ARG.exception(i + 1, routine.qualifiedName());
            }
            String user = only.kind() == Token.Kind.USER_VARIABLE ? only.text().toLowerCase(Locale.ROOT) : null;
            if (user != null && user.startsWith(MARKER)) {
                markers.add(new OutParameter(parameter.name(), user));
            }
            if (parameter.mode().equals("INOUT")) {
                slot.assign(user != null ? session.userVariables().get(user) : callerSlot.value);
            }
            copyBack.add(() -> {
                if (user != null) {
                    session.userVariables().put(user, slot.value);
                } else {
                    callerSlot.assign(slot.value);
                }
            });
        }
        run(routine, compiled, root);
        copyBack.forEach(Runnable::run);
        return Math.max(0, session.writer().rowCount());
    }

    /**
     * A stored function called by a statement: EXECUTE, its arguments bound to its parameters, its body run, and its
     * RETURN value as its declared type (1321 when it ends without one). A function never calls itself (1424).
     */
    @Override
    public Object function(String schema, String name, Object[] arguments) {
        Session session = host.session();
        if (!session.privileges().hasOnRoutine("EXECUTE", schema, "FUNCTION", name)) {
            throw MySqlError.ER_PROCACCESS_DENIED_ERROR.exception("execute", session.user(), session.host(),
                    schema + "." + name);
        }
        Routine routine = catalog.find("FUNCTION", schema, name);
        if (routine == null) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION", schema + "." + name);
        }
        CompiledRoutine compiled = catalog.compiled(routine);
        if (arguments.length != compiled.parameters().size()) {
            throw MySqlError.ER_SP_WRONG_NO_OF_ARGS.exception("FUNCTION", routine.qualifiedName(),
                    compiled.parameters().size(), arguments.length);
        }
        if (running.contains(routine.key())) {
            throw MySqlError.ER_SP_NO_RECURSION.exception();
        }
        Scope root = Scope.root();
        for (int i = 0; i < arguments.length; i++) {
            RoutineHeader.Parameter parameter = compiled.parameters().get(i);
            root.declare(parameter.name(), parameter.type()).assign(ProgramValues.fromEngine(arguments[i]));
        }
        Interpreter interpreter = new Interpreter(host, this);
        Object value = insideStatement(() -> run(routine, compiled, root, interpreter));
        if (!interpreter.returned()) {
            throw MySqlError.ER_SP_NORETURNEND.exception(routine.name());
        }
        return TypedValues.assign(compiled.returns(), routine.name(), value);
    }

    /**
     * The triggers of a table for one row, in their order: NEW and OLD are the row's values, and a BEFORE trigger's
     * SET NEW.col changes what the engine stores. Each runs with its definer's privileges, inside the statement.
     */
    @Override
    public void triggers(String schema, String table, boolean before, String event, Object[] oldRow, Object[] newRow) {
        List<Trigger> list = triggers.of(schema, table, before ? "BEFORE" : "AFTER", event);
        if (list.isEmpty()) {
            return;
        }
        Session session = host.session();
        TableColumnKinds columns = TableColumnKinds.of(session::engineConnection, schema, table);
        if (columns == null) {
            return;
        }
        for (Trigger each : list) {
            Routine routine = each.asRoutine();
            if (running.contains(routine.key())) {
                throw MySqlError.ER_CANT_UPDATE_USED_TABLE_IN_SF_OR_TRG.exception(each.table());
            }
            Scope root = Scope.root();
            if (newRow != null) {
                root.bindRow("NEW", columns.order(), newRow, before);
            }
            if (oldRow != null) {
                root.bindRow("OLD", columns.order(), oldRow, false);
            }
            CompiledRoutine compiled = triggers.compiled(each);
            insideStatement(() -> run(routine, compiled, root, new Interpreter(host, this)));
        }
    }

    /** Runs a function's or trigger's body inside the engine statement that called it: no OKs, no commits. */
    private Object insideStatement(java.util.function.Supplier<Object> body) {
        Session session = host.session();
        boolean held = session.writer().holdOks(true);
        host.enterFunction();
        try {
            return body.get();
        } finally {
            host.leaveFunction();
            session.writer().holdOks(held);
        }
    }

    /**
     * SIGNAL, RESIGNAL and GET DIAGNOSTICS written outside a program: run as a program of that one statement, whose
     * targets are user variables and whose diagnostics area is the previous statement's.
     */
    public void runStatement(SqlText statement) {
        ProgramStatement program = ProgramParser.body(statement.sql(), statement.tokens(), 0, statement.size());
        new Interpreter(host, this).run(program, Scope.root());
    }

    /** An event's body (as a routine: its database, definer and sql_mode), run by the event scheduler's session. */
    public void runEvent(Routine event) {
        Session session = host.session();
        boolean held = session.writer().holdOks(true);
        try {
            run(event, CompiledRoutine.of(event), Scope.root());
        } finally {
            session.writer().holdOks(held);
        }
    }

    /** Runs a routine's body in its database and security context. */
    Object run(Routine routine, CompiledRoutine compiled, Scope root) {
        return run(routine, compiled, root, new Interpreter(host, this));
    }

    private Object run(Routine routine, CompiledRoutine compiled, Scope root, Interpreter interpreter) {
        Session session = host.session();
        PrivilegeChecker definer = routine.invoker() ? null : definer(routine, session);
        running.push(routine.key());
        Session.ProgramContext outer;
        try {
            outer = session.enterProgram(routine.schema(), definer);
        } catch (SQLException e) {
            running.pop();
            throw MySqlError.ER_BAD_DB_ERROR.exception(routine.schema());
        }
        // a routine runs with the sql_mode it was created with, as in MySQL
        Object callerMode = session.variables().value("sql_mode");
        session.variables().setInternal("sql_mode", routine.sqlMode());
        try {
            return interpreter.run(compiled.body(), root);
        } finally {
            session.variables().setInternal("sql_mode", callerMode);
            running.pop();
            session.leaveProgram(outer);
        }
    }

    private static PrivilegeChecker definer(Routine routine, Session session) {
        var account = session.server().accounts().find(routine.definerUser(), routine.definerHost())
                .orElseThrow(() -> MySqlError.ER_NO_SUCH_USER.exception(routine.definerUser(), routine.definerHost()));
        return new PrivilegeChecker(account, account, false, routine.definerUser(), routine.definerHost());
    }

    /** The arguments of CALL name(a, b, ...), each as its tokens; none for CALL name and CALL name(). */
    private static List<List<Token>> arguments(SqlText statement, int from) {
        List<Token> tokens = statement.tokens();
        if (from >= tokens.size()) {
            return List.of();
        }
        if (!tokens.get(from).isSymbol("(")) {
            throw Lexer.syntaxError(statement.sql(), tokens.get(from).start());
        }
        int close = TokenRanges.closing(tokens, from);
        if (close < 0) {
            throw Lexer.syntaxError(statement.sql(), statement.sql().length());
        }
        if (close + 1 < tokens.size()) {
            throw Lexer.syntaxError(statement.sql(), tokens.get(close + 1).start());
        }
        if (close == from + 1) {
            return List.of();
        }
        List<List<Token>> arguments = TokenRanges.splitAtCommas(tokens, from + 1, close);
        for (List<Token> each : arguments) {
            if (each.isEmpty()) {
                throw Lexer.syntaxError(statement.sql(), tokens.get(close).start());
            }
        }
        return arguments;
    }
}
