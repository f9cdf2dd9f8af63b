package dev.doppel.server.config;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.config.variables.CharsetLinks;
import dev.doppel.server.config.variables.ServerVariables;
import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import dev.doppel.server.config.variables.TimeZones;
import dev.doppel.server.config.variables.VariableChecker;
import dev.doppel.server.config.variables.VariableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's startup configuration, read like mysqld 8.4 reads its: option files, then the command
 * line, with mysqld's prefixes, checks and messages. {@link #load} fails with a {@link ConfigException}
 * where mysqld would refuse to start; everything else it would only warn about is in {@link #warnings()}.
 */
public final class ServerConfig {
    /** What the process should do. */
    public enum Mode {
        RUN, INITIALIZE, INITIALIZE_INSECURE, VALIDATE_CONFIG, HELP, VERSION, PRINT_DEFAULTS
    }

    /** Where the Unix socket goes when --socket is not given (MySQL's compiled-in default). */
    public static final String DEFAULT_SOCKET = "/tmp/mysql.sock";
    /** File names of the TLS material the server generates in the data directory, as MySQL names them. */
    public static final String DEFAULT_SSL_CA = "ca.pem";
    public static final String DEFAULT_SSL_CERT = "server-cert.pem";
    public static final String DEFAULT_SSL_KEY = "server-key.pem";

    private static final int EE_UNKNOWN_CHARSET = 22;
    private static final int EE_UNKNOWN_COLLATION = 28;
    private static final int EE_FAILED_TO_SET_OPTION_VALUE = 77;
    private static final int ER_COLLATION_CHARSET_MISMATCH = 1253;
    private static final int ER_ILLEGAL_OR_UNKNOWN_DEFAULT_TIME_ZONE = 10361;

    private Mode mode = Mode.RUN;
    private String text;
    private Path basedir;
    private Path datadir;
    private boolean datadirGiven;
    private boolean secureFilePrivDefault;
    private int port;
    private List<String> bindAddresses = List.of();
    private Path socket;
    private Path pluginDir;
    private List<PluginLoadOption> pluginLoadOptions = List.of();
    private List<RawOption> pluginOptions = List.of();
    private Path logError;
    private Path pidFile;
    private Path sslCa;
    private Path sslCert;
    private Path sslKey;
    private String user;
    private boolean console;
    private boolean skipGrantTables;
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private final SystemVariableRegistry variables = new SystemVariableRegistry();

    private ServerConfig() {
        ServerVariables.declare(variables);
    }

    /** Reads the configuration with the default policy: unknown options without {@code loose-} are fatal. */
    public static ServerConfig load(String[] args, ConfigEnvironment env) throws ConfigException {
        return load(args, env, UnknownOptionPolicy.none());
    }

    /**
     * Reads option files and the command line.
     *
     * @param args the command-line arguments without the program name
     * @param policy which unknown options are kept for plugins instead of failing
     */
    public static ServerConfig load(String[] args, ConfigEnvironment env, UnknownOptionPolicy policy)
            throws ConfigException {
        ServerConfig result = new ServerConfig();
        OptionSources.Loaded loaded = OptionSources.load(args, env);
        result.warnings.addAll(loaded.warnings());
        if (loaded.printDefaults() != null) {
            result.mode = Mode.PRINT_DEFAULTS;
            result.text = loaded.printDefaults();
            return result;
        }
        OptionParser parser = new OptionParser(ServerOptions.table(result.variables), mysqlxTolerant(policy),
                env.programName(), result.warnings);
        OptionParser.Result parsed = parser.parse(loaded.arguments());
        if (parsed.version()) {
            result.mode = Mode.VERSION;
            result.text = ServerVersion.versionLine(env.programName()) + "\n";
            return result;
        }
        result.apply(parsed, env);
        return result;
    }

    /** Doppel has no X Protocol: mysqlx and mysqlx_* options of existing my.cnf files are kept raw, not fatal. */
    private static UnknownOptionPolicy mysqlxTolerant(UnknownOptionPolicy policy) {
        UnknownOptionPolicy mysqlx = UnknownOptionPolicy.plugins(List.of("mysqlx"));
        return option -> mysqlx.claims(option) || policy.claims(option);
    }

    private void apply(OptionParser.Result parsed, ConfigEnvironment env) throws ConfigException {
        Map<String, Object> values = parsed.values();
        pluginLoadOptions = List.copyOf(parsed.pluginLoads());
        pluginOptions = List.copyOf(parsed.raw());
        for (Map.Entry<String, Object> each : values.entrySet()) {
            Optional<SystemVariable> variable = variables.find(each.getKey()).filter(SystemVariable::commandLine);
            if (variable.isPresent()) {
                variables.setGlobalInternal(each.getKey(), checkedValue(variable.get(), each.getValue(), env));
                OptionArgument setBy = parsed.setBy().get(each.getKey());
                if (setBy != null) {
                    variables.sources().fromOption(variable.get().name(), setBy.kind(),
                            setBy.commandLine() ? "" : setBy.source());
                }
            }
        }
        basedir = path(env.workingDirectory(), values.get("basedir"), env.defaultBasedir());
        datadirGiven = values.containsKey("datadir");
        datadir = path(env.workingDirectory(), values.get("datadir"), basedir.resolve("data"));
        pluginDir = path(basedir, values.get("plugin_dir"), basedir.resolve("plugin"));
        port = ((Long) variables.globalValue("port")).intValue();
        String socketText = (String) variables.globalValue("socket");
        socket = socketText.isEmpty() ? null : datadir.resolve(socketText).normalize();
        String bind = (String) variables.globalValue("bind_address");
        bindAddresses = Arrays.stream(bind.split(",")).map(String::strip).filter(each -> !each.isEmpty()).toList();
        String hostBase = fileBase(env.hostname());
        console = flag(values, ServerOptions.CONSOLE);
        skipGrantTables = flag(values, ServerOptions.SKIP_GRANT_TABLES);
        if (skipGrantTables) {
            variables.setGlobalInternal("skip_networking", Boolean.TRUE);
        }
        Object logErrorValue = values.get("log_error");
        if (logErrorValue != null && !console) {
            String name = (String) logErrorValue;
            logError = datadir.resolve(name.isEmpty() ? hostBase + ".err" : withExtension(name, ".err")).normalize();
        }
        Object pidValue = values.get("pid_file");
        pidFile = datadir.resolve(pidValue == null || ((String) pidValue).isEmpty() ? hostBase + ".pid"
                : withExtension((String) pidValue, ".pid")).normalize();
        sslCa = optionalPath(values.get("ssl_ca"));
        sslCert = optionalPath(values.get("ssl_cert"));
        sslKey = optionalPath(values.get("ssl_key"));
        user = (String) values.get(ServerOptions.USER);
        applyCharsets(values, env);
        applyTimeZone(values);
        applySecureFilePriv(values);
        variables.setGlobalInternal("basedir", directoryText(basedir));
        variables.setGlobalInternal("datadir", directoryText(datadir));
        variables.setGlobalInternal("plugin_dir", directoryText(pluginDir));
        variables.setGlobalInternal("character_sets_dir", directoryText(basedir.resolve("share/charsets")));
        variables.setGlobalInternal("socket", socket == null ? "" : socket.toString());
        variables.setGlobalInternal("pid_file", pidFile.toString());
        variables.setGlobalInternal("log_error", logError == null ? "stderr" : logError.toString());
        variables.setGlobalInternal("hostname", env.hostname());
        variables.setGlobalInternal("system_time_zone", env.systemTimeZone());
        defaultFile(values, "general_log_file", datadir.resolve(hostBase + ".log"));
        defaultFile(values, "slow_query_log_file", datadir.resolve(hostBase + "-slow.log"));
        mode = flag(values, ServerOptions.HELP) ? Mode.HELP
                : flag(values, ServerOptions.VALIDATE_CONFIG) ? Mode.VALIDATE_CONFIG
                : flag(values, ServerOptions.INITIALIZE_INSECURE) ? Mode.INITIALIZE_INSECURE
                : flag(values, ServerOptions.INITIALIZE) ? Mode.INITIALIZE : Mode.RUN;
        if (mode == Mode.HELP) {
            text = flag(values, ServerOptions.VERBOSE) ? HelpText.verbose(env.programName(), env, variables)
                    : HelpText.brief(env.programName());
        }
    }

    /**
     * character_set_server and collation_server must name a known charset and a collation of it; at
     * startup mysqld also makes them the global database, connection, client and results settings.
     */
    private void applyCharsets(Map<String, Object> values, ConfigEnvironment env) throws ConfigException {
        String indexFile = basedir.resolve("share/charsets/Index.xml").toString();
        String charsetName = (String) variables.globalValue("character_set_server");
        MySqlCharset charset = Charsets.charset(charsetName).orElseThrow(() -> fatal(EE_UNKNOWN_CHARSET,
                "Character set '" + charsetName + "' is not a compiled character set and is not specified in the '"
                        + indexFile + "' file"));
        String collationName = values.containsKey("collation_server") ? (String) values.get("collation_server")
                : values.containsKey("character_set_server")
                ? CharsetLinks.defaultCollation(charset.name(), variables::globalValue)
                : (String) variables.globalValue("collation_server");
        MySqlCollation collation = Charsets.collation(collationName).orElseThrow(() -> fatal(EE_UNKNOWN_COLLATION,
                "Collation '" + collationName + "' is not a compiled collation and is not specified in the '"
                        + indexFile + "' file"));
        if (values.containsKey("character_set_server") && !collation.charsetName().equals(charset.name())) {
            throw fatal(ER_COLLATION_CHARSET_MISMATCH, "COLLATION '" + collation.name()
                    + "' is not valid for CHARACTER SET '" + charset.name() + "'");
        }
        String serverCharset = collation.charsetName();
        for (String each : List.of("server", "database", "connection")) {
            variables.setGlobalInternal("character_set_" + each, serverCharset);
            variables.setGlobalInternal("collation_" + each, collation.name());
        }
        for (String each : List.of("character_set_client", "character_set_results")) {
            if (!values.containsKey(each)) {
                variables.setGlobalInternal(each, serverCharset);
            }
        }
        for (String each : List.of("character_set_client", "character_set_connection", "character_set_results",
                "character_set_database", "character_set_filesystem")) {
            String name = (String) variables.globalValue(each);
            variables.setGlobalInternal(each, Charsets.charset(name).orElseThrow(() -> fatal(EE_UNKNOWN_CHARSET,
                    "Character set '" + name + "' is not a compiled character set and is not specified in the '"
                            + indexFile + "' file")).name());
        }
    }

    private void applyTimeZone(Map<String, Object> values) throws ConfigException {
        Object zone = values.get(OptionDefinition.key(ServerOptions.DEFAULT_TIME_ZONE));
        if (zone == null) {
            return;
        }
        try {
            variables.setGlobalInternal("time_zone", TimeZones.validate("time_zone", (String) zone));
        } catch (MySqlException e) {
            throw fatal(ER_ILLEGAL_OR_UNKNOWN_DEFAULT_TIME_ZONE,
                    "Fatal error: Illegal or unknown default time zone '" + zone + "'");
        }
    }

    /** Names (charsets, collations, engines) are checked and put in canonical spelling, as SET would. */
    private Object checkedValue(SystemVariable variable, Object value, ConfigEnvironment env) throws ConfigException {
        boolean named = variable.type() == VariableType.CHARSET || variable.type() == VariableType.COLLATION
                || variable.validator() != null;
        if (!named || value == null || variable.name().endsWith("_server")) {
            return value;
        }
        try {
            return VariableChecker.check(variable, value, false, new ArrayList<>());
        } catch (MySqlException e) {
            throw fatal(EE_FAILED_TO_SET_OPTION_VALUE, env.programName() + ": Error while setting value '" + value
                    + "' to '" + variable.name() + "'.");
        }
    }

    private void defaultFile(Map<String, Object> values, String variable, Path file) {
        if (!values.containsKey(variable)) {
            variables.setGlobalInternal(variable, file.toString());
        }
    }

    private ConfigException fatal(int code, String message) {
        List<ConfigWarning> messages = new ArrayList<>(warnings);
        messages.add(ConfigWarning.error(code, message));
        messages.add(ConfigWarning.ABORTING);
        return new ConfigException(messages, false);
    }

    private static boolean flag(Map<String, Object> values, String option) {
        return Boolean.TRUE.equals(values.get(OptionDefinition.key(option)));
    }

    private static Path path(Path base, Object value, Path fallback) {
        return value == null || ((String) value).isEmpty() ? fallback.toAbsolutePath().normalize()
                : base.resolve((String) value).toAbsolutePath().normalize();
    }

    private Path optionalPath(Object value) {
        return value == null || ((String) value).isEmpty() ? null : datadir.resolve((String) value).normalize();
    }

    /** mysqld names its default pid and error-log files after the host name without its last dot-suffix. */
    private static String fileBase(String hostname) {
        int dot = hostname.lastIndexOf('.');
        return dot > 0 ? hostname.substring(0, dot) : hostname;
    }

    private static String withExtension(String name, String extension) {
        String file = Path.of(name).getFileName() == null ? name : Path.of(name).getFileName().toString();
        return file.contains(".") ? name : name + extension;
    }

    private static String directoryText(Path directory) {
        String result = directory.toString();
        return result.endsWith("/") ? result : result + "/";
    }

    public Mode mode() {
        return mode;
    }

    /** The --help text (for HELP), the --version line (VERSION) or the --print-defaults output (PRINT_DEFAULTS). */
    public String helpText() {
        return mode == Mode.HELP || mode == Mode.PRINT_DEFAULTS ? text : null;
    }

    /** The line {@code <program>  Ver 8.4.6-doppel for Linux on x86_64 (Doppel)} followed by a newline. */
    public String versionText() {
        return mode == Mode.VERSION ? text : null;
    }

    public Path basedir() {
        return basedir;
    }

    /** The data directory; {@code <basedir>/data} when --datadir is not given (Doppel's default). */
    public Path datadir() {
        return datadir;
    }

    /**
     * secure_file_priv as MySQL 8.4 sets it: a dedicated directory by default (mysql-files under the base directory,
     * as for mysqld's own installs), NULL (no import or export at all) for the value NULL, '' for no restriction.
     */
    private void applySecureFilePriv(Map<String, Object> values) {
        Object given = values.get("secure_file_priv");
        secureFilePrivDefault = given == null;
        if (given == null) {
            variables.setGlobalInternal("secure_file_priv", directoryText(basedir.resolve("mysql-files")));
        } else if ("NULL".equalsIgnoreCase(given.toString())) {
            variables.setGlobalInternal("secure_file_priv", null);
        } else if (!given.toString().isEmpty()) {
            variables.setGlobalInternal("secure_file_priv", directoryText(basedir.resolve(given.toString())));
        }
    }

    /** Whether secure_file_priv is the default directory, which the server creates when it is missing. */
    public boolean secureFilePrivDefault() {
        return secureFilePrivDefault;
    }

    public boolean datadirGiven() {
        return datadirGiven;
    }

    public int port() {
        return port;
    }

    /** The addresses to listen on ({@code *} = all IPv4 and IPv6 addresses); may hold several. */
    public List<String> bindAddresses() {
        return bindAddresses;
    }

    /** The Unix socket path, or null when --socket is empty. */
    public Path socket() {
        return socket;
    }

    public Path pluginDir() {
        return pluginDir;
    }

    public List<PluginLoadOption> pluginLoadOptions() {
        return pluginLoadOptions;
    }

    /** Unknown options kept for the plugin host: loose-prefixed ones and those the policy claimed, in order. */
    public List<RawOption> pluginOptions() {
        return pluginOptions;
    }

    /** The error-log file; empty means stderr (no --log-error, or --console). */
    public Optional<Path> logError() {
        return Optional.ofNullable(logError);
    }

    public Path pidFile() {
        return pidFile;
    }

    public long maxConnections() {
        return (Long) variables.globalValue("max_connections");
    }

    public long maxAllowedPacket() {
        return (Long) variables.globalValue("max_allowed_packet");
    }

    public long connectTimeout() {
        return (Long) variables.globalValue("connect_timeout");
    }

    public long waitTimeout() {
        return (Long) variables.globalValue("wait_timeout");
    }

    public String characterSetServer() {
        return (String) variables.globalValue("character_set_server");
    }

    public String collationServer() {
        return (String) variables.globalValue("collation_server");
    }

    /** --ssl-ca; empty means the data directory's {@value #DEFAULT_SSL_CA} (generated if missing). */
    public Optional<Path> sslCa() {
        return Optional.ofNullable(sslCa);
    }

    /** --ssl-cert; empty means the data directory's {@value #DEFAULT_SSL_CERT}. */
    public Optional<Path> sslCert() {
        return Optional.ofNullable(sslCert);
    }

    /** --ssl-key; empty means the data directory's {@value #DEFAULT_SSL_KEY}. */
    public Optional<Path> sslKey() {
        return Optional.ofNullable(sslKey);
    }

    public boolean requireSecureTransport() {
        return (Boolean) variables.globalValue("require_secure_transport");
    }

    /** --skip-grant-tables: no privilege checks; as in MySQL 8.4 it also turns on skip_networking. */
    public boolean skipGrantTables() {
        return skipGrantTables;
    }

    public boolean skipNetworking() {
        return (Boolean) variables.globalValue("skip_networking");
    }

    /** --user, if given (mysqld switches to it when started as root). */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** --console: log to stderr even if --log-error is given. */
    public boolean console() {
        return console;
    }

    /** Warnings to write to the error log once it is open (the config was accepted despite them). */
    public List<ConfigWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** The system variables with global values initialised from the options. */
    public SystemVariableRegistry variables() {
        return variables;
    }
}
