package dev.doppel.server.config.variables;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.LikePattern;
import dev.doppel.server.config.MySqlCharset;
import dev.doppel.server.config.MySqlCollation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One session's variables. Session values are copied from the globals when the session starts (and
 * again by {@link #reset()} for COM_RESET_CONNECTION); a variable a plugin registers later starts from
 * its global value on first use. Used by the session's own thread only, so not thread-safe.
 */
public final class SessionVariables {
    /** identity is MySQL's synonym of last_insert_id; both read and write one value. */
    private static final Map<String, String> SYNONYMS = Map.of("identity", "last_insert_id");

    private final SystemVariableRegistry registry;
    /** The values this session set; every other stored variable has its value from {@link #defaults}. */
    private final Map<String, Object> values = new HashMap<>();
    /** The globals as they were when the session started or was reset (shared, read-only). */
    private Map<String, Object> defaults;
    private Boolean autocommit;
    /** sql_mode as bits, -1 until decoded. */
    private long sqlModeBits = -1;
    private int lockWaitTimeoutMillis = -1;
    private final Map<String, Supplier<Object>> computed = new HashMap<>();

    SessionVariables(SystemVariableRegistry registry) {
        this.registry = registry;
        reset();
    }

    /** The registry of declared variables and global values. */
    public SystemVariableRegistry registry() {
        return registry;
    }

    /** Back to the global values, as at connect (COM_RESET_CONNECTION, COM_CHANGE_USER). */
    public void reset() {
        forgetDerived();
        values.clear();
        defaults = registry.sessionDefaults(SYNONYMS.keySet());
    }

    /** Supplies the value of a computed session variable (warning_count and error_count from the diagnostics area). */
    public void bindComputed(String name, Supplier<Object> supplier) {
        computed.put(name.toLowerCase(Locale.ROOT), supplier);
    }

    /**
     * {@code @@name}, {@code @@session.name} or {@code @@global.name} as SELECT returns it.
     *
     * @throws dev.doppel.plugin.MySqlException 1193 unknown, 1238 wrong scope
     */
    public Object get(String name, VariableQualifier qualifier) {
        SystemVariable variable = registry.variable(name);
        if (qualifier == VariableQualifier.GLOBAL) {
            return registry.selectGlobal(name);
        }
        if (!variable.scope().hasSession()) {
            if (qualifier == VariableQualifier.SESSION) {
                throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.exception(variable.name(), "GLOBAL");
            }
            return variable.selectValue(registry.globalValue(name));
        }
        return variable.selectValue(sessionValue(variable));
    }

    /** The canonical value {@code @@name} resolves to (session value if the variable has one, else global). */
    public Object value(String name) {
        SystemVariable variable = registry.variable(name);
        return variable.scope().hasSession() ? sessionValue(variable) : registry.globalValue(name);
    }

    private Object sessionValue(SystemVariable variable) {
        String name = storageName(variable.name());
        Supplier<Object> supplier = computed.get(name);
        if (supplier != null) {
            return supplier.get();
        }
        Object value = values.get(name);
        if (value != null || values.containsKey(name)) {
            return value;
        }
        if (defaults.containsKey(name)) {
            return defaults.get(name);
        }
        value = registry.globalValue(name);
        values.put(name, value);
        return value;
    }

    private static String storageName(String name) {
        return SYNONYMS.getOrDefault(name, name);
    }

    /**
     * SET [GLOBAL | SESSION] name = value with MySQL's checks and errors: 1193 unknown, 1238 read only,
     * 1228/1229 scope, 1621 session read-only, 1232 wrong type, 1231 wrong value, 1115/1273 charset and
     * collation; out-of-range numbers are clamped with warning 1292.
     *
     * @param value Long/BigInteger (integer), BigDecimal, Double, String or null (SQL NULL)
     * @return the warnings raised
     */
    public List<VariableWarning> set(String name, VariableQualifier qualifier, Object value) {
        if (qualifier == VariableQualifier.GLOBAL) {
            return registry.setGlobal(name, value, strictAllTables());
        }
        SystemVariable variable = checkSessionSettable(name);
        List<VariableWarning> warnings = new ArrayList<>();
        Object canonical = VariableChecker.check(variable, value, strictAllTables(), warnings);
        store(variable.name(), canonical);
        return warnings;
    }

    /** SET [GLOBAL | SESSION] name = DEFAULT: a session value goes back to the global value. */
    public void setDefault(String name, VariableQualifier qualifier) {
        if (qualifier == VariableQualifier.GLOBAL) {
            registry.setGlobalDefault(name);
            return;
        }
        SystemVariable variable = checkSessionSettable(name);
        store(variable.name(), variable.scope().hasGlobal() ? registry.globalValue(name) : variable.defaultValue());
    }

    private SystemVariable checkSessionSettable(String name) {
        SystemVariable variable = registry.variable(name);
        if (variable.readOnly() || variable.computed()) {
            throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.exception(variable.name(), "read only");
        }
        if (!variable.scope().hasSession()) {
            throw MySqlError.ER_GLOBAL_VARIABLE.exception(variable.name());
        }
        if (variable.sessionReadOnly()) {
            throw MySqlError.ER_VARIABLE_IS_READONLY.exception("SESSION", variable.name(), "GLOBAL");
        }
        return variable;
    }

    /** Sets a session value without SET's checks, for values the server maintains (last_insert_id, timestamp). */
    public void setInternal(String name, Object canonical) {
        store(registry.variable(name).name(), canonical);
    }

    private void store(String name, Object canonical) {
        forgetDerived();
        values.put(storageName(name), canonical);
        Map.Entry<String, Object> linked = CharsetLinks.linked(name, canonical, this::value);
        if (linked != null) {
            values.put(linked.getKey(), linked.getValue());
        }
    }

    /**
     * {@code SET NAMES charset [COLLATE collation]}: character_set_client and character_set_results become
     * the charset, collation_connection the collation (or the charset's default).
     *
     * @throws dev.doppel.plugin.MySqlException 1115, 1273, 1253 mismatch, 1231 for a charset clients cannot use
     */
    public List<VariableWarning> setNames(String charsetName, String collationName) {
        List<VariableWarning> warnings = new ArrayList<>();
        MySqlCharset charset = Charsets.charset(charsetName)
                .orElseThrow(() -> MySqlError.ER_UNKNOWN_CHARACTER_SET.exception(charsetName));
        checkClientCharset(charset);
        String collation;
        if (collationName == null) {
            collation = CharsetLinks.defaultCollation(charset.name(), this::value);
        } else {
            MySqlCollation found = Charsets.collation(collationName)
                    .orElseThrow(() -> MySqlError.ER_UNKNOWN_COLLATION.exception(collationName));
            if (!found.charsetName().equals(charset.name())) {
                throw MySqlError.ER_COLLATION_CHARSET_MISMATCH.exception(found.name(), charset.name());
            }
            collation = found.name();
        }
        VariableChecker.deprecationWarning(charsetName, warnings);
        store("character_set_client", charset.name());
        store("character_set_results", charset.name());
        store("collation_connection", collation);
        return warnings;
    }

    /** {@code SET NAMES DEFAULT}: back to the global character_set_client. */
    public void setNamesDefault() {
        String charset = (String) registry.globalValue("character_set_client");
        store("character_set_client", charset);
        store("character_set_results", charset);
        store("character_set_connection", charset);
    }

    /**
     * {@code SET CHARACTER SET charset}: client and results use it, the connection uses the database's
     * collation; null means DEFAULT.
     */
    public List<VariableWarning> setCharacterSet(String charsetName) {
        List<VariableWarning> warnings = new ArrayList<>();
        String charset = charsetName == null ? (String) registry.globalValue("character_set_client")
                : Charsets.charset(charsetName).orElseThrow(() -> MySqlError.ER_UNKNOWN_CHARACTER_SET.exception(charsetName))
                        .name();
        checkClientCharset(Charsets.charset(charset).orElseThrow());
        if (charsetName != null) {
            VariableChecker.deprecationWarning(charsetName, warnings);
        }
        store("character_set_client", charset);
        store("character_set_results", charset);
        store("collation_connection", value("collation_database"));
        return warnings;
    }

    /** The character sets a client cannot send statements in (MySQL's check_cs_client). */
    static void checkClientCharset(MySqlCharset charset) {
        if (charset.name().startsWith("utf16") || charset.name().equals("utf32") || charset.name().equals("ucs2")) {
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception("character_set_client", charset.name());
        }
    }

    /**
     * SHOW [SESSION | GLOBAL] VARIABLES [LIKE pattern], sorted by name. The session view shows session
     * values where a variable has one and global values otherwise.
     */
    public List<VariableRow> show(VariableQualifier qualifier, String likePattern) {
        if (qualifier == VariableQualifier.GLOBAL) {
            return registry.showGlobal(likePattern);
        }
        LikePattern pattern = likePattern == null ? null : LikePattern.of(likePattern);
        List<VariableRow> result = new ArrayList<>();
        for (SystemVariable each : registry.variables()) {
            if (pattern == null || pattern.matches(each.name())) {
                result.add(new VariableRow(each.name(), each.showValue(value(each.name()))));
            }
        }
        return result;
    }

    private boolean strictAllTables() {
        return (sqlModeBits() & SqlMode.STRICT_ALL_TABLES) != 0;
    }

    /** The session's sql_mode as a bitmask (see {@link SqlMode}). */
    public long sqlModeBits() {
        long bits = sqlModeBits;
        if (bits < 0) {
            bits = SqlMode.bits((String) value("sql_mode"));
            sqlModeBits = bits;
        }
        return bits;
    }

    public boolean autocommit() {
        Boolean on = autocommit;
        if (on == null) {
            on = (Boolean) value("autocommit");
            autocommit = on;
        }
        return on;
    }

    /** innodb_lock_wait_timeout in milliseconds, the engine's bound on a wait for a row lock. */
    public int lockWaitTimeoutMillis() {
        int millis = lockWaitTimeoutMillis;
        if (millis < 0) {
            long seconds = ((Number) value("innodb_lock_wait_timeout")).longValue();
            millis = (int) Math.min(Integer.MAX_VALUE, seconds * 1000);
            lockWaitTimeoutMillis = millis;
        }
        return millis;
    }

    /** cte_max_recursion_depth: how many iterations a recursive common table expression may take. */
    public long cteMaxRecursionDepth() {
        return ((Number) value("cte_max_recursion_depth")).longValue();
    }

    /** The values read before every statement are kept decoded until the next SET. */
    private void forgetDerived() {
        autocommit = null;
        sqlModeBits = -1;
        lockWaitTimeoutMillis = -1;
    }

    public String characterSetClient() {
        return (String) value("character_set_client");
    }

    /** character_set_results, or null when results are sent without conversion. */
    public String characterSetResults() {
        return (String) value("character_set_results");
    }

    public String collationConnection() {
        return (String) value("collation_connection");
    }

    public String timeZone() {
        return (String) value("time_zone");
    }
}
