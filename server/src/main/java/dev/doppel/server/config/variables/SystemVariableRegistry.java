package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.LikePattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every system variable the server and its plugins declared, with the global values. SELECT
 * {@code @@global.x}, SET GLOBAL and SHOW GLOBAL VARIABLES go through here; session values live in
 * {@link SessionVariables}. Registration and global reads/writes are thread-safe.
 */
public final class SystemVariableRegistry {
    private final VariableSources sources = new VariableSources();

    /** Where each variable's global value came from (performance_schema.variables_info). */
    public VariableSources sources() {
        return sources;
    }

    private final Map<String, GlobalSlot> slots = new ConcurrentHashMap<>();
    /** What a new session starts with, shared read-only by sessions until a global value changes; null: rebuild. */
    private volatile Map<String, Object> sessionDefaults;

    /** Declares a variable with its compiled default as global value. */
    public void register(SystemVariable variable) {
        register(variable, variable.defaultValue());
    }

    /**
     * Declares a variable with the given canonical global value (a plugin's value from the command line).
     *
     * @throws IllegalStateException when a variable of that name exists
     */
    public void register(SystemVariable variable, Object initialGlobal) {
        GlobalSlot previous = slots.putIfAbsent(variable.name(), new GlobalSlot(variable, initialGlobal));
        sessionDefaults = null;
        if (previous != null) {
            throw new IllegalStateException("System variable " + variable.name() + " is already registered by "
                    + previous.variable.owner());
        }
    }

    /** Removes a variable (a plugin being uninstalled); returns whether it existed. */
    public boolean unregister(String name) {
        boolean removed = slots.remove(key(name)) != null;
        sessionDefaults = null;
        return removed;
    }

    /** Removes every variable the owner registered. */
    public void unregisterOwner(String owner) {
        slots.values().removeIf(each -> each.variable.owner().equals(owner));
        sessionDefaults = null;
    }

    /** The variable of this name (case-insensitive), if declared. */
    public Optional<SystemVariable> find(String name) {
        GlobalSlot slot = slots.get(key(name));
        return slot == null ? Optional.empty() : Optional.of(slot.variable);
    }

    /**
     * The variable of this name.
     *
     * @throws dev.doppel.plugin.MySqlException 1193 Unknown system variable
     */
    public SystemVariable variable(String name) {
        return slot(name).variable;
    }

    /**
     * The global value of every session-scoped, stored (not computed) variable, except {@code skip} (always the
     * same set): what a new session starts with. Every connect asks, so the map is built once per change of a
     * global value and shared; sessions keep their own values apart from it.
     */
    Map<String, Object> sessionDefaults(java.util.Set<String> skip) {
        Map<String, Object> defaults = sessionDefaults;
        if (defaults == null) {
            synchronized (this) {
                Map<String, Object> built = new java.util.HashMap<>();
                for (GlobalSlot each : slots.values()) {
                    SystemVariable variable = each.variable;
                    if (variable.scope().hasSession() && !variable.computed() && !skip.contains(variable.name())) {
                        built.put(variable.name(), each.value);
                    }
                }
                defaults = java.util.Collections.unmodifiableMap(built);
                sessionDefaults = defaults;
            }
        }
        return defaults;
    }

    /** All declared variables ordered by name. */
    public List<SystemVariable> variables() {
        List<SystemVariable> result = new ArrayList<>();
        for (GlobalSlot each : slots.values()) {
            result.add(each.variable);
        }
        result.sort(Comparator.comparing(SystemVariable::name));
        return result;
    }

    /** The canonical global value (for SESSION-only variables: the default a new session starts with). */
    public Object globalValue(String name) {
        return slot(name).value;
    }

    /**
     * The global value as SELECT {@code @@global.x} returns it.
     *
     * @throws dev.doppel.plugin.MySqlException 1193, or 1238 for a SESSION-only variable
     */
    public Object selectGlobal(String name) {
        GlobalSlot slot = slot(name);
        if (!slot.variable.scope().hasGlobal()) {
            throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.exception(slot.variable.name(), "SESSION");
        }
        return slot.variable.selectValue(slot.value);
    }

    /**
     * SET GLOBAL {@code name} = {@code value}, with MySQL's checks (1193, 1238 read only, 1228, 1231, 1232).
     *
     * @param strictAllTables whether the session's sql_mode has STRICT_ALL_TABLES (out of range is an error)
     * @return the warnings the statement raised
     */
    public List<VariableWarning> setGlobal(String name, Object value, boolean strictAllTables) {
        GlobalSlot slot = checkGlobalSettable(name);
        List<VariableWarning> warnings = new ArrayList<>();
        Object canonical = VariableChecker.check(slot.variable, value, strictAllTables, warnings);
        if (slot.variable.name().equals("event_scheduler")) {
            // DISABLED is a startup state only, and one no SET leaves
            if ("DISABLED".equals(slot.value)) {
                throw MySqlError.ER_OPTION_PREVENTS_STATEMENT.exception("--event-scheduler=DISABLED or --skip-grant-tables");
            }
            if ("DISABLED".equals(canonical)) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception("event_scheduler", "DISABLED");
            }
        }
        storeGlobal(slot, canonical);
        return warnings;
    }

    /** SET GLOBAL {@code name} = DEFAULT: the compiled-in default. */
    public void setGlobalDefault(String name) {
        GlobalSlot slot = checkGlobalSettable(name);
        storeGlobal(slot, slot.variable.defaultValue());
    }

    /** Sets a global value without SET's checks: startup options and values the server determines (server_uuid). */
    public void setGlobalInternal(String name, Object canonical) {
        synchronized (this) {
            slot(name).value = canonical;
            sessionDefaults = null;
        }
    }

    private GlobalSlot checkGlobalSettable(String name) {
        GlobalSlot slot = slot(name);
        if (slot.variable.readOnly()) {
            throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.exception(slot.variable.name(), "read only");
        }
        if (!slot.variable.scope().hasGlobal()) {
            throw MySqlError.ER_LOCAL_VARIABLE.exception(slot.variable.name());
        }
        return slot;
    }

    private void storeGlobal(GlobalSlot slot, Object canonical) {
        synchronized (this) {
            slot.value = canonical;
            sessionDefaults = null;
            Map.Entry<String, Object> linked = CharsetLinks.linked(slot.variable.name(), canonical, this::globalValue);
            if (linked != null) {
                slot(linked.getKey()).value = linked.getValue();
            }
        }
    }

    /** SHOW GLOBAL VARIABLES [LIKE pattern]: global values of variables with a global scope, sorted by name. */
    public List<VariableRow> showGlobal(String likePattern) {
        LikePattern pattern = likePattern == null ? null : LikePattern.of(likePattern);
        List<VariableRow> result = new ArrayList<>();
        for (SystemVariable each : variables()) {
            if (each.scope().hasGlobal() && (pattern == null || pattern.matches(each.name()))) {
                result.add(new VariableRow(each.name(), each.showValue(globalValue(each.name()))));
            }
        }
        return result;
    }

    /** A new session's variables, copied from the current global values. */
    public SessionVariables newSession() {
        return new SessionVariables(this);
    }

    private GlobalSlot slot(String name) {
        GlobalSlot slot = slots.get(key(name));
        if (slot == null) {
            throw MySqlError.ER_UNKNOWN_SYSTEM_VARIABLE.exception(name);
        }
        return slot;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static final class GlobalSlot {
        private final SystemVariable variable;
        private volatile Object value;

        private GlobalSlot(SystemVariable variable, Object value) {
            this.variable = variable;
            this.value = value;
        }
    }
}
