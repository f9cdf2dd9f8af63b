package dev.doppel.plugin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What MySQL's st_mysql_plugin says about one plugin: type, name, version, author, description, license,
 * flags, system and status variables, and how to make the plugin ({@link #factory()}).
 */
public final class PluginDescriptor {
    private final PluginType type;
    private final String name;
    private final int majorVersion;
    private final int minorVersion;
    private final String author;
    private final String description;
    private final PluginLicense license;
    private final Set<PluginFlag> flags;
    private final List<SystemVariableDefinition> systemVariables;
    private final List<StatusVariableDefinition> statusVariables;
    private final Supplier<? extends Plugin> factory;

    private PluginDescriptor(Builder builder) {
        this.type = Objects.requireNonNull(builder.type, "type");
        this.name = Objects.requireNonNull(builder.name, "name");
        this.majorVersion = builder.majorVersion;
        this.minorVersion = builder.minorVersion;
        this.author = builder.author;
        this.description = builder.description;
        this.license = builder.license;
        this.flags = Set.copyOf(builder.flags);
        this.systemVariables = List.copyOf(builder.systemVariables);
        this.statusVariables = List.copyOf(builder.statusVariables);
        this.factory = Objects.requireNonNull(builder.factory, "factory");
    }

    public static Builder builder(PluginType type, String name) {
        return new Builder(type, name);
    }

    public PluginType type() {
        return type;
    }

    /** The canonical name (PLUGIN_NAME); INSTALL PLUGIN matches it case-insensitively. */
    public String name() {
        return name;
    }

    /** PLUGIN_VERSION, "major.minor". */
    public String version() {
        return majorVersion + "." + minorVersion;
    }

    public String author() {
        return author;
    }

    public String description() {
        return description;
    }

    public PluginLicense license() {
        return license;
    }

    public Set<PluginFlag> flags() {
        return flags;
    }

    public List<SystemVariableDefinition> systemVariables() {
        return systemVariables;
    }

    public List<StatusVariableDefinition> statusVariables() {
        return statusVariables;
    }

    /** Makes a new, not yet initialized instance of the plugin. */
    public Plugin newPlugin() {
        return factory.get();
    }

    /** Builds a descriptor; type, name and factory are required. */
    public static final class Builder {
        private final PluginType type;
        private final String name;
        private int majorVersion = 1;
        private int minorVersion;
        private String author;
        private String description;
        private PluginLicense license = PluginLicense.PROPRIETARY;
        private final Set<PluginFlag> flags = EnumSet.noneOf(PluginFlag.class);
        private final List<SystemVariableDefinition> systemVariables = new ArrayList<>();
        private final List<StatusVariableDefinition> statusVariables = new ArrayList<>();
        private Supplier<? extends Plugin> factory;

        private Builder(PluginType type, String name) {
            this.type = type;
            this.name = name;
        }

        public Builder version(int major, int minor) {
            this.majorVersion = major;
            this.minorVersion = minor;
            return this;
        }

        public Builder author(String value) {
            this.author = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder license(PluginLicense value) {
            this.license = value;
            return this;
        }

        public Builder flag(PluginFlag value) {
            this.flags.add(value);
            return this;
        }

        public Builder systemVariable(SystemVariableDefinition value) {
            this.systemVariables.add(value);
            return this;
        }

        public Builder statusVariable(StatusVariableDefinition value) {
            this.statusVariables.add(value);
            return this;
        }

        public Builder factory(Supplier<? extends Plugin> value) {
            this.factory = value;
            return this;
        }

        public PluginDescriptor build() {
            return new PluginDescriptor(this);
        }
    }
}
