package dev.doppel.server.sql.program.parse;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.SqlText;

import java.util.List;

/**
 * One statement of a stored program's body, as {@link ProgramParser} reads it. The SQL inside (expressions,
 * queries, other statements) stays MySQL text with its tokens: the interpreter puts the values of the program's
 * variables into it and runs it as the session runs any statement, through the first wall.
 */
public sealed interface ProgramStatement {
    /** The condition items SIGNAL may set (and GET DIAGNOSTICS read). */
    java.util.Set<String> SIGNAL_ITEMS = java.util.Set.of("CLASS_ORIGIN", "SUBCLASS_ORIGIN", "MESSAGE_TEXT", "MYSQL_ERRNO",
            "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CATALOG_NAME", "SCHEMA_NAME", "TABLE_NAME",
            "COLUMN_NAME", "CURSOR_NAME");


    /** BEGIN ... END: declarations first (variables and conditions, cursors, handlers), then statements. */
    public record Block(String label, List<Variable> variables, List<Condition> conditions, List<Cursor> cursors,
                 List<Handler> handlers, List<ProgramStatement> body) implements ProgramStatement {
    }

    /** DECLARE a, b type [DEFAULT expr]. */
    public record Variable(List<String> names, DeclaredType type, SqlText defaultValue) {
    }

    /** DECLARE name CONDITION FOR SQLSTATE 'xxxxx' | error number. */
    public record Condition(String name, ConditionValue value) {
    }

    /** DECLARE name CURSOR FOR select. */
    public record Cursor(String name, SqlText select) {
    }

    /** DECLARE CONTINUE | EXIT HANDLER FOR condition, ... statement. */
    public record Handler(boolean exit, List<ConditionValue> conditions, ProgramStatement action) {
    }

    /**
     * What a handler or SIGNAL names: an SQLSTATE, an error number, SQLWARNING, NOT FOUND, SQLEXCEPTION or a
     * declared condition's name (exactly one of the fields is set).
     */
    public record ConditionValue(String sqlState, int errorNumber, String generalClass, String name) {
        /** An SQLSTATE as a handler or SIGNAL may name it: five letters or digits, not of class '00' (1407). */
        public static String checkedSqlState(String state) {
            if (state.length() != 5 || state.startsWith("00")) {
                throw MySqlError.ER_SP_BAD_SQLSTATE.exception(state);
            }
            for (int i = 0; i < 5; i++) {
                char c = state.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                    throw MySqlError.ER_SP_BAD_SQLSTATE.exception(state);
                }
            }
            return state;
        }

        public static ConditionValue sqlState(String state) {
            return new ConditionValue(state, 0, null, null);
        }

        public static ConditionValue number(int number) {
            return new ConditionValue(null, number, null, null);
        }

        public static ConditionValue general(String generalClass) {
            return new ConditionValue(null, 0, generalClass, null);
        }

        public static ConditionValue named(String name) {
            return new ConditionValue(null, 0, null, name);
        }
    }

    /** SET target = expr, ...: targets are local variables, user variables or system variables. */
    public record Set(SqlText statement, List<Assignment> assignments) implements ProgramStatement {
    }

    /** One assignment of a SET; {@code local} is the local variable's name when the target is a plain name. */
    public record Assignment(String local, SqlText target, SqlText value) {
    }

    /** IF cond THEN ... [ELSEIF cond THEN ...] [ELSE ...] END IF, and CASE (searched, or with the operand folded in). */
    public record If(List<Branch> branches, List<ProgramStatement> otherwise, boolean caseStatement)
            implements ProgramStatement {
    }

    public record Branch(SqlText condition, List<ProgramStatement> body) {
    }

    /** CASE operand WHEN value THEN ...: each WHEN compares the operand, evaluated once, with its value. */
    public record SimpleCase(SqlText operand, List<Branch> whens, List<ProgramStatement> otherwise)
            implements ProgramStatement {
    }

    /** LOOP, WHILE cond DO, REPEAT ... UNTIL cond: {@code before} is checked before each round, {@code after} after. */
    public record Loop(String label, SqlText before, List<ProgramStatement> body, SqlText after) implements ProgramStatement {
    }

    public record Leave(String label) implements ProgramStatement {
    }

    public record Iterate(String label) implements ProgramStatement {
    }

    public record Return(SqlText value) implements ProgramStatement {
    }

    public record Open(String cursor) implements ProgramStatement {
    }

    public record Fetch(String cursor, List<String> targets) implements ProgramStatement {
    }

    public record Close(String cursor) implements ProgramStatement {
    }

    /** SIGNAL / RESIGNAL [condition] [SET item = value, ...]. */
    public record Signal(boolean resignal, ConditionValue condition, List<SignalItem> items) implements ProgramStatement {
    }

    public record SignalItem(String name, SqlText value) {
    }

    /** SELECT ... INTO var, ...: the query without its INTO, and the variables (local or @user) it sets. */
    public record SelectInto(SqlText query, List<String> targets) implements ProgramStatement {
    }

    /** GET [CURRENT | STACKED] DIAGNOSTICS target = item, ... | CONDITION n target = item, .... */
    public record GetDiagnostics(boolean stacked, SqlText conditionNumber, List<DiagnosticsItem> items)
            implements ProgramStatement {
    }

    public record DiagnosticsItem(String target, String item) {
    }

    /** Any other statement: run as the session runs it. */
    public record Sql(SqlText statement) implements ProgramStatement {
    }
}
