package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.program.parse.ProgramStatement.ConditionValue;
import dev.doppel.server.sql.program.parse.ProgramStatement;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Runs a stored program's statements. Control flow is by {@link Flow} (LEAVE, ITERATE, RETURN travel up to their
 * label); a condition a statement raises is caught by the statement list it is in and given to the handler
 * {@link Scope#handlerFor} finds: CONTINUE goes on after that statement, EXIT leaves the handler's block.
 */
final class Interpreter {
    private record Flow(String kind, String label) {
        static final Flow NEXT = new Flow("NEXT", null);
        static final Flow RETURN = new Flow("RETURN", null);
    }

    /** An EXIT handler ran: the block that declared it ends. */
    private static final class ExitBlock extends RuntimeException {
        final Scope block;

        ExitBlock(Scope block) {
            super(null, null, false, false);
            this.block = block;
        }
    }

    /** A condition raised inside a handler's statement: it is searched for outside the handler's block. */
    private static final class EscapedCondition extends RuntimeException {
        final MySqlException condition;
        final Scope block;

        EscapedCondition(MySqlException condition, Scope block) {
            super(null, null, false, false);
            this.condition = condition;
            this.block = block;
        }
    }

    private final ProgramHost host;
    private final ProgramCalls calls;
    private final Deque<MySqlException> caught = new ArrayDeque<>();
    private Object returned;
    private boolean hasReturned;

    Interpreter(ProgramHost host, ProgramCalls calls) {
        this.host = host;
        this.calls = calls;
    }

    /** Runs a routine's body in {@code root} (its parameters); a function's RETURN value, null for a procedure. */
    Object run(ProgramStatement body, Scope root) {
        try {
            runList(List.of(body), root);
        } catch (EscapedCondition escaped) {
            throw escaped.condition;
        }
        return returned;
    }

    /** Whether a RETURN ended the run (a function that ends without one fails: 1321). */
    boolean returned() {
        return hasReturned;
    }

    private Flow runList(List<ProgramStatement> statements, Scope scope) {
        for (ProgramStatement each : statements) {
            Flow flow;
            try {
                flow = exec(each, scope);
            } catch (MySqlException condition) {
                flow = handle(condition, scope);
            }
            if (flow != Flow.NEXT) {
                return flow;
            }
        }
        return Flow.NEXT;
    }

    /** Gives a condition to its handler; rethrows it when there is none. */
    private Flow handle(MySqlException condition, Scope scope) {
        Scope.Declared declared = scope.handlerFor(condition.number(), condition.sqlState());
        if (declared == null) {
            throw condition;
        }
        host.session().clearWarnings();
        host.session().addWarning(Conditions.isWarning(condition.sqlState()) ? "Warning" : "Error",
                condition.number(), condition.getMessage());
        caught.push(condition);
        Flow flow;
        try {
            flow = runList(List.of(declared.handler().action()), declared.scope().forHandler());
        } catch (MySqlException escaped) {
            throw new EscapedCondition(escaped, declared.scope());
        } finally {
            caught.pop();
        }
        if (flow != Flow.NEXT) {
            return flow;
        }
        if (declared.handler().exit()) {
            throw new ExitBlock(declared.scope());
        }
        return Flow.NEXT;
    }

    private Flow exec(ProgramStatement statement, Scope scope) {
        return switch (statement) {
            case ProgramStatement.Block block -> block(block, scope);
            case ProgramStatement.Sql sql -> {
                if (sql.statement().startsWith("CALL")) {
                    calls.callFromProgram(sql.statement(), scope);
                } else {
                    host.execute(VariableReferences.substitute(sql.statement(), scope));
                }
                yield afterStatement(scope);
            }
            case ProgramStatement.Set set -> set(set, scope);
            case ProgramStatement.If branches -> {
                for (ProgramStatement.Branch each : branches.branches()) {
                    if (truth(evaluate(each.condition(), scope))) {
                        yield runList(each.body(), scope);
                    }
                }
                if (branches.otherwise() != null) {
                    yield runList(branches.otherwise(), scope);
                }
                if (branches.caseStatement()) {
                    throw MySqlError.ER_SP_CASE_NOT_FOUND.exception();
                }
                yield Flow.NEXT;
            }
            case ProgramStatement.SimpleCase simple -> simpleCase(simple, scope);
            case ProgramStatement.Loop loop -> loop(loop, scope);
            case ProgramStatement.Leave leave -> new Flow("LEAVE", leave.label());
            case ProgramStatement.Iterate iterate -> new Flow("ITERATE", iterate.label());
            case ProgramStatement.Return value -> {
                returned = evaluate(value.value(), scope);
                hasReturned = true;
                yield Flow.RETURN;
            }
            case ProgramStatement.Open open -> {
                Scope.CursorState cursor = scope.cursor(open.cursor());
                if (cursor.rows != null) {
                    throw MySqlError.ER_SP_CURSOR_ALREADY_OPEN.exception();
                }
                cursor.rows = host.rows(VariableReferences.substitute(cursor.select, scope));
                cursor.next = 0;
                yield Flow.NEXT;
            }
            case ProgramStatement.Fetch fetch -> fetch(fetch, scope);
            case ProgramStatement.Close close -> {
                Scope.CursorState cursor = scope.cursor(close.cursor());
                if (cursor.rows == null) {
                    throw MySqlError.ER_SP_CURSOR_NOT_OPEN.exception();
                }
                cursor.rows = null;
                yield Flow.NEXT;
            }
            case ProgramStatement.Signal signal -> signal(signal, scope);
            case ProgramStatement.SelectInto select -> selectInto(select, scope);
            case ProgramStatement.GetDiagnostics diagnostics -> {
                Diagnostics.get(diagnostics, caught.peek(), host, scope, this::assign);
                yield Flow.NEXT;
            }
        };
    }

    private Flow block(ProgramStatement.Block block, Scope outer) {
        Scope scope = outer.child();
        try {
            for (ProgramStatement.Variable each : block.variables()) {
                Object initial = each.defaultValue() == null ? null : evaluate(each.defaultValue(), scope);
                for (String name : each.names()) {
                    scope.declare(name, each.type()).assign(initial);
                }
            }
            block.conditions().forEach(c -> scope.declareCondition(c.name(), c.value()));
            block.cursors().forEach(c -> scope.declareCursor(c.name(), c.select()));
            block.handlers().forEach(scope::declareHandler);
            Flow flow = runList(block.body(), scope);
            if (flow.kind().equals("LEAVE") && block.label() != null && block.label().equalsIgnoreCase(flow.label())) {
                return Flow.NEXT;
            }
            return flow;
        } catch (ExitBlock exit) {
            if (exit.block == scope) {
                return Flow.NEXT;
            }
            throw exit;
        } catch (EscapedCondition escaped) {
            if (escaped.block == scope) {
                throw escaped.condition;
            }
            throw escaped;
        }
    }

    private Flow loop(ProgramStatement.Loop loop, Scope scope) {
        while (true) {
            if (loop.before() != null && !truth(evaluate(loop.before(), scope))) {
                return Flow.NEXT;
            }
            Flow flow = runList(loop.body(), scope);
            if (flow != Flow.NEXT) {
                boolean ours = loop.label() != null && loop.label().equalsIgnoreCase(flow.label());
                if (ours && flow.kind().equals("LEAVE")) {
                    return Flow.NEXT;
                }
                if (ours && flow.kind().equals("ITERATE")) {
                    continue;
                }
                return flow;
            }
            if (loop.after() != null && truth(evaluate(loop.after(), scope))) {
                return Flow.NEXT;
            }
            if (host.session().queryKilled()) {
                throw MySqlError.ER_QUERY_INTERRUPTED.exception();
            }
        }
    }

    private Flow simpleCase(ProgramStatement.SimpleCase simple, Scope scope) {
        String operand = ProgramLiterals.literal(evaluate(simple.operand(), scope));
        for (ProgramStatement.Branch each : simple.whens()) {
            SqlText value = VariableReferences.substitute(each.condition(), scope);
            if (truth(host.evaluate(SqlText.of(operand + " = (" + value.sql() + ")")))) {
                return runList(each.body(), scope);
            }
        }
        if (simple.otherwise() != null) {
            return runList(simple.otherwise(), scope);
        }
        throw MySqlError.ER_SP_CASE_NOT_FOUND.exception();
    }

    private Flow set(ProgramStatement.Set set, Scope scope) {
        for (ProgramStatement.Assignment each : set.assignments()) {
            Scope.Row row = VariableReferences.rowReference(each.target().tokens(), 0, scope);
            if (row != null && each.target().size() == 3) {
                int column = row.index(each.target().token(2).text());
                row.values()[column] = evaluate(each.value(), scope);
                continue;
            }
            Scope.Slot slot = each.local() == null ? null : scope.variable(each.local());
            if (slot != null) {
                slot.assign(evaluate(each.value(), scope));
            } else {
                SqlText value = VariableReferences.substitute(each.value(), scope);
                host.execute(SqlText.of("SET " + each.target().sql() + " = " + value.sql()));
            }
        }
        return Flow.NEXT;
    }

    private Flow fetch(ProgramStatement.Fetch fetch, Scope scope) {
        Scope.CursorState cursor = scope.cursor(fetch.cursor());
        if (cursor.rows == null) {
            throw MySqlError.ER_SP_CURSOR_NOT_OPEN.exception();
        }
        if (cursor.next >= cursor.rows.size()) {
            throw MySqlError.ER_SP_FETCH_NO_DATA.exception();
        }
        Object[] row = cursor.rows.get(cursor.next);
        if (row.length != fetch.targets().size()) {
            throw MySqlError.ER_SP_WRONG_NO_OF_FETCH_ARGS.exception();
        }
        cursor.next++;
        for (int i = 0; i < row.length; i++) {
            assign(fetch.targets().get(i), row[i], scope);
        }
        return Flow.NEXT;
    }

    private Flow selectInto(ProgramStatement.SelectInto select, Scope scope) {
        List<Object[]> rows = host.rows(VariableReferences.substitute(select.query(), scope));
        if (rows.size() > 1) {
            throw MySqlError.ER_TOO_MANY_ROWS.exception();
        }
        if (rows.isEmpty()) {
            MySqlException noData = new MySqlException(1329, "02000", MySqlError.ER_SP_FETCH_NO_DATA.template());
            if (scope.handlerFor(noData.number(), noData.sqlState()) != null) {
                return handle(noData, scope);
            }
            host.session().addWarning("Warning", noData.number(), noData.getMessage());
            return Flow.NEXT;
        }
        Object[] row = rows.get(0);
        if (row.length != select.targets().size()) {
            throw MySqlError.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT.exception();
        }
        for (int i = 0; i < row.length; i++) {
            assign(select.targets().get(i), row[i], scope);
        }
        return afterStatement(scope);
    }

    /** A target of FETCH, SELECT ... INTO or GET DIAGNOSTICS: a local variable or a user variable (@name). */
    void assign(String target, Object value, Scope scope) {
        if (target.startsWith("@")) {
            host.session().userVariables().put(target.substring(1).toLowerCase(Locale.ROOT), value);
            return;
        }
        Scope.Slot slot = scope.variable(target);
        if (slot == null) {
            throw MySqlError.ER_SP_UNDECLARED_VAR.exception(target);
        }
        slot.assign(value);
    }

    private Flow signal(ProgramStatement.Signal signal, Scope scope) {
        MySqlException base = null;
        if (signal.resignal()) {
            base = caught.peek();
            if (base == null) {
                throw MySqlError.ER_RESIGNAL_WITHOUT_ACTIVE_HANDLER.exception();
            }
        }
        String sqlState = base != null ? base.sqlState() : null;
        Integer errno = base != null ? base.number() : null;
        String message = base != null ? base.getMessage() : null;
        ConditionValue condition = signal.condition();
        if (condition != null) {
            ConditionValue resolved = condition.name() != null ? scope.condition(condition.name()) : condition;
            if (resolved.sqlState() == null) {
                throw MySqlError.ER_SIGNAL_BAD_CONDITION_TYPE.exception();
            }
            sqlState = resolved.sqlState();
            errno = null;
            message = null;
        }
        for (ProgramStatement.SignalItem item : signal.items()) {
            Object value = evaluate(item.value(), scope);
            if (item.name().equals("MESSAGE_TEXT")) {
                message = value == null ? null : ProgramLiterals.text(value);
                if (message != null && message.length() > 128) {
                    throw MySqlError.ER_COND_ITEM_TOO_LONG.exception("MESSAGE_TEXT");
                }
            } else if (item.name().equals("MYSQL_ERRNO")) {
                long number = value instanceof Number n ? n.longValue() : -1;
                if (number < 1 || number > 65534) {
                    throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception("MYSQL_ERRNO", String.valueOf(value));
                }
                errno = (int) number;
            }
        }
        MySqlException raised = Conditions.signalled(sqlState, errno, message);
        if (Conditions.isWarning(sqlState)) {
            if (scope.handlerFor(raised.number(), sqlState) != null) {
                return handle(raised, scope);
            }
            host.session().addWarning("Warning", raised.number(), raised.getMessage());
            return Flow.NEXT;
        }
        throw raised;
    }

    /** After a statement: a warning it left is given to an SQLWARNING (or matching) handler, if there is one. */
    private Flow afterStatement(Scope scope) {
        for (var warning : host.session().warnings()) {
            if (warning.level().equals("Warning")) {
                String sqlState = warning.code() == 1329 ? "02000" : "01000";
                if (scope.handlerFor(warning.code(), sqlState) != null) {
                    return handle(new MySqlException(warning.code(), sqlState, warning.message()), scope);
                }
            }
        }
        return Flow.NEXT;
    }

    private Object evaluate(SqlText expression, Scope scope) {
        return host.evaluate(VariableReferences.substitute(expression, scope));
    }

    /** An expression's truth as IF, WHILE and UNTIL read it: NULL and zero are false. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        try {
            return new BigDecimal(ProgramLiterals.text(value).strip()).signum() != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
