package dev.doppel.plugin;

import java.util.Objects;
import java.util.function.Supplier;

/** A status variable a plugin declares (SHOW STATUS), read from {@code value} whenever it is shown. */
public record StatusVariableDefinition(String name, Supplier<Object> value) {
    public StatusVariableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
