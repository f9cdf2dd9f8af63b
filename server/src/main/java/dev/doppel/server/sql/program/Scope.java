package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.program.parse.DeclaredType;
import dev.doppel.server.sql.program.parse.ProgramStatement.ConditionValue;
import dev.doppel.server.sql.program.parse.ProgramStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a BEGIN ... END block (or a routine's parameter list) declares: variables, conditions, cursors and handlers.
 * Names resolve from the innermost scope out. A handler's statement runs in a scope of its own whose handler search
 * skips the block that declared it, as MySQL's handlers do not catch what they raise themselves.
 */
final class Scope {
    /** A variable or parameter and its value. */
    static final class Slot {
        final String name;
        final DeclaredType type;
        Object value;

        Slot(String name, DeclaredType type) {
            this.name = name;
            this.type = type;
        }

        void assign(Object newValue) {
            value = type == null ? newValue : TypedValues.assign(type, name, newValue);
        }
    }

    /** A cursor: its query, and once opened the rows it has still to give. */
    static final class CursorState {
        final SqlText select;
        List<Object[]> rows;
        int next;

        CursorState(SqlText select) {
            this.select = select;
        }
    }

    /** A trigger's NEW or OLD row: the table's columns, the row's values, and whether SET may change them. */
    record Row(String name, List<String> columns, Object[] values, boolean writable) {
        /** The column's place in the row (1054 for a column the table does not have). */
        int index(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            throw MySqlError.ER_BAD_FIELD_ERROR.exception(column, name);
        }
    }

    /** A handler and the scope that declared it. */
    record Declared(ProgramStatement.Handler handler, List<ConditionValue> conditions, Scope scope) {
    }

    private final Scope parent;
    private final Scope handlerParent;
    private final Map<String, Slot> variables = new HashMap<>();
    private final Map<String, ConditionValue> conditions = new HashMap<>();
    private final Map<String, CursorState> cursors = new HashMap<>();
    private final List<Declared> handlers = new ArrayList<>();
    private final Map<String, Row> rows = new HashMap<>();

    private Scope(Scope parent, Scope handlerParent) {
        this.parent = parent;
        this.handlerParent = handlerParent;
    }

    static Scope root() {
        return new Scope(null, null);
    }

    Scope child() {
        return new Scope(this, this);
    }

    /** The scope a handler's statement runs in: this block's names, the handlers outside it. */
    Scope forHandler() {
        return new Scope(this, handlerParent);
    }

    Slot declare(String name, DeclaredType type) {
        Slot slot = new Slot(name, type);
        variables.put(name.toLowerCase(Locale.ROOT), slot);
        return slot;
    }

    Slot variable(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Slot slot = scope.variables.get(key);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    /** A trigger's row bound in this scope (the root of a trigger's run). */
    void bindRow(String name, List<String> columns, Object[] values, boolean writable) {
        rows.put(name, new Row(name, columns, values, writable));
    }

    /** NEW or OLD of the trigger running, or null. */
    Row row(String name) {
        String key = name.toUpperCase(Locale.ROOT);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Row row = scope.rows.get(key);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    boolean hasVariables() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (!scope.variables.isEmpty() || !scope.rows.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    void declareCondition(String name, ConditionValue value) {
        conditions.put(name.toLowerCase(Locale.ROOT), value);
    }

    /** A condition's declaration by name (1319 when there is none). */
    ConditionValue condition(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            ConditionValue value = scope.conditions.get(key);
            if (value != null) {
                return value;
            }
        }
        throw MySqlError.ER_SP_COND_MISMATCH.exception(name);
    }

    void declareCursor(String name, SqlText select) {
        cursors.put(name.toLowerCase(Locale.ROOT), new CursorState(select));
    }

    CursorState cursor(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            CursorState cursor = scope.cursors.get(key);
            if (cursor != null) {
                return cursor;
            }
        }
        throw MySqlError.ER_SP_CURSOR_MISMATCH.exception(name);
    }

    /** A handler of this block: its named conditions resolved now (1319 for one never declared). */
    void declareHandler(ProgramStatement.Handler handler) {
        List<ConditionValue> resolved = new ArrayList<>();
        for (ConditionValue each : handler.conditions()) {
            resolved.add(each.name() != null ? condition(each.name()) : each);
        }
        handlers.add(new Declared(handler, resolved, this));
    }

    /**
     * The handler for an error, searched from this scope out: in the first scope that has one that matches, the
     * most specific (error number, then SQLSTATE, then class); null when none does.
     */
    Declared handlerFor(int number, String sqlState) {
        for (Scope scope = this; scope != null; scope = scope.handlerParent) {
            Declared best = null;
            int bestMatch = 0;
            for (Declared each : scope.handlers) {
                for (ConditionValue condition : each.conditions()) {
                    int match = Conditions.match(condition, number, sqlState);
                    if (match > bestMatch) {
                        best = each;
                        bestMatch = match;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** Whether this scope is {@code block} or lies inside it. */
    boolean within(Scope block) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope == block) {
                return true;
            }
        }
        return false;
    }
}
