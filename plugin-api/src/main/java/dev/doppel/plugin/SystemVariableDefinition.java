package dev.doppel.plugin;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A system variable a plugin declares (MySQL's PLUGIN_VAR_*). It exists while the plugin is loaded and
 * initialized: SELECT @@name, SET [GLOBAL] name and SHOW VARIABLES see it, and option files or the command line
 * can set it (with the {@code loose-} prefix when the plugin may be absent). The name is the full variable name,
 * conventionally the plugin's name and an underscore first ({@code clone_max_concurrency}).
 *
 * @param type BOOLEAN values are Boolean, INTEGER Long, STRING String, ENUM one of {@code values}
 * @param validator extra check of a new value (beyond type and range); a false result is error 1231
 */
public record SystemVariableDefinition(String name, Type type, Scope scope, Object defaultValue, long min, long max,
                                       long blockSize, List<String> values, boolean readOnly,
                                       Predicate<Object> validator, String description) {

    public enum Type { BOOLEAN, INTEGER, STRING, ENUM }

    /** GLOBAL only, or SESSION and GLOBAL (THDLOCAL in MySQL). */
    public enum Scope { GLOBAL, SESSION }

    public SystemVariableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        values = values == null ? List.of() : List.copyOf(values);
        validator = validator == null ? value -> true : validator;
    }

    public static SystemVariableDefinition bool(String name, boolean defaultValue) {
        return new SystemVariableDefinition(name, Type.BOOLEAN, Scope.GLOBAL, defaultValue, 0, 1, 1, null, false,
                null, null);
    }

    public static SystemVariableDefinition integer(String name, long defaultValue, long min, long max) {
        return new SystemVariableDefinition(name, Type.INTEGER, Scope.GLOBAL, defaultValue, min, max, 1, null, false,
                null, null);
    }

    public static SystemVariableDefinition string(String name, String defaultValue) {
        return new SystemVariableDefinition(name, Type.STRING, Scope.GLOBAL, defaultValue, 0, 0, 1, null, false, null,
                null);
    }

    public static SystemVariableDefinition enumeration(String name, String defaultValue, List<String> values) {
        return new SystemVariableDefinition(name, Type.ENUM, Scope.GLOBAL, defaultValue, 0, values.size() - 1, 1,
                values, false, null, null);
    }

    public SystemVariableDefinition readOnlyVariable() {
        return new SystemVariableDefinition(name, type, scope, defaultValue, min, max, blockSize, values, true,
                validator, description);
    }

    public SystemVariableDefinition sessionScope() {
        return new SystemVariableDefinition(name, type, Scope.SESSION, defaultValue, min, max, blockSize, values,
                readOnly, validator, description);
    }

    public SystemVariableDefinition blockSize(long value) {
        return new SystemVariableDefinition(name, type, scope, defaultValue, min, max, value, values, readOnly,
                validator, description);
    }

    public SystemVariableDefinition validatedBy(Predicate<Object> check) {
        return new SystemVariableDefinition(name, type, scope, defaultValue, min, max, blockSize, values, readOnly,
                check, description);
    }

    public SystemVariableDefinition describedAs(String text) {
        return new SystemVariableDefinition(name, type, scope, defaultValue, min, max, blockSize, values, readOnly,
                validator, text);
    }
}
