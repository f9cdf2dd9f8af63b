package dev.doppel.server.sql.program;

import dev.doppel.server.sql.lex.SqlText;

import java.util.List;

/**
 * One statement of a stored program's body, as {@link ProgramParser} reads it. The SQL inside (expressions,
 * queries, other statements) stays MySQL text with its tokens: the interpreter puts the values of the program's
 * variables into it and runs it as the session runs any statement, through the first wall.
 */
sealed interface ProgramStatement {

    /** BEGIN ... END: declarations first (variables and conditions, cursors, handlers), then statements. */
    record Block(String label, List<Variable> variables, List<Condition> conditions, List<Cursor> cursors,
                 List<Handler> handlers, List<ProgramStatement> body) implements ProgramStatement {
    }

    /** DECLARE a, b type [DEFAULT expr]. */
    record Variable(List<String> names, DeclaredType type, SqlText defaultValue) {
    }

    /** DECLARE name CONDITION FOR SQLSTATE 'xxxxx' | error number. */
    record Condition(String name, ConditionValue value) {
    }

    /** DECLARE name CURSOR FOR select. */
    record Cursor(String name, SqlText select) {
    }

    /** DECLARE CONTINUE | EXIT HANDLER FOR condition, ... statement. */
    record Handler(boolean exit, List<ConditionValue> conditions, ProgramStatement action) {
    }

    /**
     * What a handler or SIGNAL names: an SQLSTATE, an error number, SQLWARNING, NOT FOUND, SQLEXCEPTION or a
     * declared condition's name (exactly one of the fields is set).
     */
    record ConditionValue(String sqlState, int errorNumber, String generalClass, String name) {
        static ConditionValue sqlState(String state) {
            return new ConditionValue(state, 0, null, null);
        }

        static ConditionValue number(int number) {
            return new ConditionValue(null, number, null, null);
        }

        static ConditionValue general(String generalClass) {
            return new ConditionValue(null, 0, generalClass, null);
        }

        static ConditionValue named(String name) {
            return new ConditionValue(null, 0, null, name);
        }
    }

    /** SET target = expr, ...: targets are local variables, user variables or system variables. */
    record Set(SqlText statement, List<Assignment> assignments) implements ProgramStatement {
    }

    /** One assignment of a SET; {@code local} is the local variable's name when the target is a plain name. */
    record Assignment(String local, SqlText target, SqlText value) {
    }

    /** IF cond THEN ... [ELSEIF cond THEN ...] [ELSE ...] END IF, and CASE (searched, or with the operand folded in). */
    record If(List<Branch> branches, List<ProgramStatement> otherwise, boolean caseStatement)
            implements ProgramStatement {
    }

    record Branch(SqlText condition, List<ProgramStatement> body) {
    }

    /** CASE operand WHEN value THEN ...: each WHEN compares the operand, evaluated once, with its value. */
    record SimpleCase(SqlText operand, List<Branch> whens, List<ProgramStatement> otherwise)
            implements ProgramStatement {
    }

    /** LOOP, WHILE cond DO, REPEAT ... UNTIL cond: {@code before} is checked before each round, {@code after} after. */
    record Loop(String label, SqlText before, List<ProgramStatement> body, SqlText after) implements ProgramStatement {
    }

    record Leave(String label) implements ProgramStatement {
    }

    record Iterate(String label) implements ProgramStatement {
    }

    record Return(SqlText value) implements ProgramStatement {
    }

    record Open(String cursor) implements ProgramStatement {
    }

    record Fetch(String cursor, List<String> targets) implements ProgramStatement {
    }

    record Close(String cursor) implements ProgramStatement {
    }

    /** SIGNAL / RESIGNAL [condition] [SET item = value, ...]. */
    record Signal(boolean resignal, ConditionValue condition, List<SignalItem> items) implements ProgramStatement {
    }

    record SignalItem(String name, SqlText value) {
    }

    /** SELECT ... INTO var, ...: the query without its INTO, and the variables (local or @user) it sets. */
    record SelectInto(SqlText query, List<String> targets) implements ProgramStatement {
    }

    /** GET [CURRENT | STACKED] DIAGNOSTICS target = item, ... | CONDITION n target = item, .... */
    record GetDiagnostics(boolean stacked, SqlText conditionNumber, List<DiagnosticsItem> items)
            implements ProgramStatement {
    }

    record DiagnosticsItem(String target, String item) {
    }

    /** Any other statement: run as the session runs it. */
    record Sql(SqlText statement) implements ProgramStatement {
    }
}
