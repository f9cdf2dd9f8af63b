package dev.doppel.server.config.variables;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A system variable declared once: name, scope, type, default, range, and whether it can be changed.
 * SELECT {@code @@x}, SET, SHOW VARIABLES and the startup option of the same name all use this
 * declaration. Values are held in canonical form: Boolean (BOOLEAN), Long (INTEGER; UNSIGNED as
 * unsigned 64 bits), Double (DOUBLE), String or null (all others).
 */
public final class SystemVariable {
    /** The owner of the variables the server itself declares; plugins use their plugin name. */
    public static final String SERVER = "server";
    /** The largest UNSIGNED value (2^64-1), held as the Long -1. */
    public static final long UNSIGNED_MAX = -1L;

    private final String name;
    private final VariableScope scope;
    private final VariableType type;
    private final Object defaultValue;
    private final long min;
    private final long max;
    private final long blockSize;
    private final List<String> values;
    private final boolean readOnly;
    private final boolean sessionReadOnly;
    private final boolean nullable;
    private final boolean commandLine;
    private final boolean optionalArgument;
    private final boolean computed;
    private final char shortOption;
    private final String owner;
    private final ValueValidator validator;

    private SystemVariable(Builder builder) {
        this.name = builder.name;
        this.scope = builder.scope;
        this.type = builder.type;
        this.min = builder.min;
        this.max = builder.max;
        this.blockSize = builder.blockSize;
        this.values = List.copyOf(builder.values);
        this.readOnly = builder.readOnly;
        this.sessionReadOnly = builder.sessionReadOnly;
        this.nullable = builder.nullable;
        this.commandLine = builder.commandLine && !builder.computed;
        this.optionalArgument = builder.optionalArgument || builder.type == VariableType.BOOLEAN;
        this.computed = builder.computed;
        this.shortOption = builder.shortOption;
        this.owner = builder.owner;
        this.validator = builder.validator;
        this.defaultValue = builder.defaultValue;
    }

    /** Starts a declaration; the name is stored lower-case, as MySQL matches variable names case-insensitively. */
    public static Builder builder(String name, VariableScope scope, VariableType type) {
        return new Builder(name, scope, type);
    }

    public String name() {
        return name;
    }

    public VariableScope scope() {
        return scope;
    }

    public VariableType type() {
        return type;
    }

    /** The compiled-in default in canonical form (what SET GLOBAL x = DEFAULT restores). */
    public Object defaultValue() {
        return defaultValue;
    }

    public long min() {
        return min;
    }

    /** The maximum; for UNSIGNED read it as unsigned ({@link #UNSIGNED_MAX} = 2^64-1). */
    public long max() {
        return max;
    }

    public long blockSize() {
        return blockSize;
    }

    /** The permitted names of an ENUM or SET variable, in index order. */
    public List<String> values() {
        return values;
    }

    /** Not settable with SET at all (only at startup, or by the server itself). */
    public boolean readOnly() {
        return readOnly;
    }

    /** The session value cannot be SET (SET GLOBAL can), like max_allowed_packet. */
    public boolean sessionReadOnly() {
        return sessionReadOnly;
    }

    /** Whether NULL is a legal value (character_set_results, ssl_ca, ...). */
    public boolean nullable() {
        return nullable;
    }

    /** Whether {@code --name=value} sets the global value at startup. */
    public boolean commandLine() {
        return commandLine;
    }

    /** Whether the startup option may be given without a value ({@code --name}). */
    public boolean optionalArgument() {
        return optionalArgument;
    }

    /** The session value is computed by the session (warning_count, error_count), never stored. */
    public boolean computed() {
        return computed;
    }

    /** The one-letter command-line form, or 0. */
    public char shortOption() {
        return shortOption;
    }

    /** {@link #SERVER} or the name of the plugin that registered the variable. */
    public String owner() {
        return owner;
    }

    public ValueValidator validator() {
        return validator;
    }

    /** The value as SELECT {@code @@x} returns it: booleans as 1/0, integers as Long or BigInteger, strings. */
    public Object selectValue(Object canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> ((Boolean) canonical) ? 1L : 0L;
            case UNSIGNED -> {
                long value = (Long) canonical;
                yield value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
            }
            default -> canonical;
        };
    }

    /** The value as SHOW VARIABLES prints it: booleans ON/OFF, doubles with six decimals, NULL as empty. */
    public String showValue(Object canonical) {
        if (canonical == null) {
            return "";
        }
        return switch (type) {
            case BOOLEAN -> ((Boolean) canonical) ? "ON" : "OFF";
            case UNSIGNED -> Long.toUnsignedString((Long) canonical);
            case DOUBLE -> String.format(Locale.ROOT, "%.6f", (Double) canonical);
            default -> canonical.toString();
        };
    }

    @Override
    public String toString() {
        return "SystemVariable[" + name + ", " + scope + ", " + type + "]";
    }

    /** Declaration builder; defaults: dynamic, not nullable, settable from the command line, owner server. */
    public static final class Builder {
        private final String name;
        private final VariableScope scope;
        private final VariableType type;
        private Object defaultValue;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private long blockSize = 1;
        private List<String> values = List.of();
        private boolean readOnly;
        private boolean sessionReadOnly;
        private boolean nullable;
        private boolean commandLine = true;
        private boolean optionalArgument;
        private boolean computed;
        private char shortOption;
        private String owner = SERVER;
        private ValueValidator validator;

        private Builder(String name, VariableScope scope, VariableType type) {
            this.name = name.toLowerCase(Locale.ROOT);
            this.scope = Objects.requireNonNull(scope);
            this.type = Objects.requireNonNull(type);
            if (type == VariableType.BOOLEAN) {
                values = List.of("OFF", "ON");
                defaultValue = Boolean.FALSE;
            }
            if (type == VariableType.UNSIGNED) {
                min = 0;
                max = UNSIGNED_MAX;
            }
        }

        /** The default in canonical form; for ENUM/SET give the name(s), for numbers a Long. */
        public Builder defaultValue(Object value) {
            this.defaultValue = value instanceof Integer each ? Long.valueOf(each) : value;
            return this;
        }

        public Builder range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder blockSize(long blockSize) {
            this.blockSize = blockSize;
            return this;
        }

        public Builder values(String... names) {
            this.values = List.of(names);
            return this;
        }

        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        public Builder sessionReadOnly() {
            this.sessionReadOnly = true;
            return this;
        }

        public Builder nullable() {
            this.nullable = true;
            return this;
        }

        public Builder noCommandLine() {
            this.commandLine = false;
            return this;
        }

        public Builder optionalArgument() {
            this.optionalArgument = true;
            return this;
        }

        public Builder computed() {
            this.computed = true;
            return this;
        }

        public Builder shortOption(char letter) {
            this.shortOption = letter;
            return this;
        }

        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner);
            return this;
        }

        public Builder validator(ValueValidator validator) {
            this.validator = validator;
            return this;
        }

        public SystemVariable build() {
            return new SystemVariable(this);
        }
    }
}
