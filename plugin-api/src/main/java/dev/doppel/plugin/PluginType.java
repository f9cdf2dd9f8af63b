package dev.doppel.plugin;

/** MySQL's plugin types, in the order of their MYSQL_*_PLUGIN constants, with the names INFORMATION_SCHEMA shows. */
public enum PluginType {
    UDF("UDF"),
    STORAGE_ENGINE("STORAGE ENGINE"),
    FTPARSER("FTPARSER"),
    DAEMON("DAEMON"),
    INFORMATION_SCHEMA("INFORMATION SCHEMA"),
    AUDIT("AUDIT"),
    REPLICATION("REPLICATION"),
    AUTHENTICATION("AUTHENTICATION"),
    VALIDATE_PASSWORD("VALIDATE PASSWORD"),
    GROUP_REPLICATION("GROUP REPLICATION"),
    KEYRING("KEYRING"),
    CLONE("CLONE");

    private final String sqlName;

    PluginType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name in PLUGIN_TYPE and SHOW PLUGINS, e.g. "STORAGE ENGINE". */
    public String sqlName() {
        return sqlName;
    }

    /**
     * PLUGIN_TYPE_VERSION: the type-specific interface version. Storage engine, information schema and daemon
     * plugins report the server's version id ("80406.0"), the others their interface's version.
     */
    public String typeVersion(int serverVersionId) {
        return switch (this) {
            case STORAGE_ENGINE, INFORMATION_SCHEMA, DAEMON, UDF, REPLICATION, GROUP_REPLICATION, KEYRING ->
                    serverVersionId + ".0";
            case AUTHENTICATION -> "2.1";
            case AUDIT -> "4.1";
            case FTPARSER -> "1.1";
            case VALIDATE_PASSWORD -> "1.0";
            case CLONE -> "1.0";
        };
    }
}
