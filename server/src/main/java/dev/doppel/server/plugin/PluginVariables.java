package dev.doppel.server.plugin;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.plugin.SystemVariableDefinition;
import dev.doppel.server.config.RawOption;
import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.config.variables.VariableScope;
import dev.doppel.server.config.variables.VariableType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a plugin's system variables into the server's registry while the plugin is loaded, with the values
 * startup options give them, and takes them out again when it is unloaded.
 */
final class PluginVariables {
    private final SystemVariableRegistry registry;

    PluginVariables(SystemVariableRegistry registry) {
        this.registry = registry;
    }

    /** Registers the variables; an option with a bad value fails like a bad server option would. */
    void register(String owner, List<SystemVariableDefinition> definitions, PluginOptions options) {
        for (SystemVariableDefinition each : definitions) {
            SystemVariable variable = toServerVariable(owner, each);
            registry.register(variable);
            Optional<RawOption> option = options.variable(each.name());
            if (option.isPresent()) {
                try {
                    registry.setGlobal(variable.name(), optionValue(each, option.get()), false);
                } catch (MySqlException e) {
                    unregister(owner);
                    throw new IllegalArgumentException("option '" + option.get().name() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    void unregister(String owner) {
        registry.unregisterOwner(owner);
    }

    private static Object optionValue(SystemVariableDefinition definition, RawOption option) {
        String name = option.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("loose_")) {
            name = name.substring(6);
        }
        if (definition.type() == SystemVariableDefinition.Type.BOOLEAN) {
            if (name.startsWith("skip_") || name.startsWith("disable_")) {
                return "OFF";
            }
            return option.value() == null ? "ON" : option.value();
        }
        if (definition.type() == SystemVariableDefinition.Type.INTEGER && option.value() != null) {
            try {
                return Long.parseLong(option.value().trim());
            } catch (NumberFormatException e) {
                throw MySqlError.ER_WRONG_TYPE_FOR_VAR.exception(definition.name());
            }
        }
        return option.value() == null ? "" : option.value();
    }

    private static SystemVariable toServerVariable(String owner, SystemVariableDefinition definition) {
        VariableScope scope = definition.scope() == SystemVariableDefinition.Scope.SESSION ? VariableScope.BOTH
                : VariableScope.GLOBAL;
        VariableType type = switch (definition.type()) {
            case BOOLEAN -> VariableType.BOOLEAN;
            case INTEGER -> definition.min() >= 0 ? VariableType.UNSIGNED : VariableType.INTEGER;
            case STRING -> VariableType.STRING;
            case ENUM -> VariableType.ENUM;
        };
        SystemVariable.Builder builder = SystemVariable.builder(definition.name(), scope, type).owner(owner);
        switch (definition.type()) {
            case BOOLEAN -> builder.defaultValue(definition.defaultValue());
            case INTEGER -> builder.defaultValue(((Number) definition.defaultValue()).longValue())
                    .range(definition.min(), definition.max()).blockSize(definition.blockSize());
            case ENUM -> builder.values(definition.values().toArray(String[]::new))
                    .defaultValue(definition.defaultValue());
            case STRING -> {
                builder.defaultValue(definition.defaultValue());
                if (definition.defaultValue() == null) {
                    builder.nullable();
                }
            }
        }
        if (definition.readOnly()) {
            builder.readOnly();
        }
        builder.validator((variable, value) -> {
            if (!definition.validator().test(value)) {
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.exception(variable, value);
            }
            return value;
        });
        return builder.build();
    }
}
