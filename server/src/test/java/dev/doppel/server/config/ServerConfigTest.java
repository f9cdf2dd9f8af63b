package dev.doppel.server.config;

import static dev.doppel.server.config.TestEnvironment.texts;
import static dev.doppel.server.config.TestEnvironment.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.doppel.server.config.variables.SessionVariables;
import dev.doppel.server.config.variables.VariableQualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    private static final String PROGRAM = "/opt/doppel/bin/doppeld";

    @TempDir
    Path dir;

    private ServerConfig load(String... args) throws ConfigException {
        return ServerConfig.load(args, TestEnvironment.in(dir));
    }

    private ConfigException failure(String... args) {
        try {
            load(args);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    private Object global(ServerConfig config, String name) {
        return config.variables().globalValue(name);
    }

    @Test
    void defaultsMatchMysql84() throws Exception {
        ServerConfig config = load();
        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.RUN);
        assertThat(config.basedir()).isEqualTo(dir.resolve("base"));
        assertThat(config.datadir()).isEqualTo(dir.resolve("base/data"));
        assertThat(config.datadirGiven()).isFalse();
        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.bindAddresses()).containsExactly("*");
        assertThat(config.socket()).isEqualTo(Path.of("/tmp/mysql.sock"));
        assertThat(config.pluginDir()).isEqualTo(dir.resolve("base/plugin"));
        assertThat(config.logError()).isEmpty();
        assertThat(config.pidFile()).isEqualTo(dir.resolve("base/data/testhost.example.pid"));
        assertThat(config.maxConnections()).isEqualTo(151);
        assertThat(config.maxAllowedPacket()).isEqualTo(67_108_864);
        assertThat(config.connectTimeout()).isEqualTo(10);
        assertThat(config.waitTimeout()).isEqualTo(28800);
        assertThat(config.characterSetServer()).isEqualTo("utf8mb4");
        assertThat(config.collationServer()).isEqualTo("utf8mb4_0900_ai_ci");
        assertThat(config.sslCa()).isEmpty();
        assertThat(config.requireSecureTransport()).isFalse();
        assertThat(config.skipGrantTables()).isFalse();
        assertThat(config.skipNetworking()).isFalse();
        assertThat(config.warnings()).isEmpty();
        assertThat(global(config, "datadir")).isEqualTo(dir.resolve("base/data") + "/");
        assertThat(global(config, "log_error")).isEqualTo("stderr");
        assertThat(global(config, "hostname")).isEqualTo("testhost.example.com");
        assertThat(global(config, "version")).isEqualTo("8.4.6-doppel");
    }

    @Test
    void commandLineOverridesOptionFilesAndLaterFilesOverrideEarlier() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1001", "max_connections=10", "wait_timeout=50");
        write(dir.resolve("etc/doppel/my.cnf"), "[doppeld]", "port=1002", "max_connections=20");
        write(dir.resolve("home/.my.cnf"), "[server]", "port=1003");
        ServerConfig config = load("--port=1004");
        assertThat(config.port()).isEqualTo(1004);
        assertThat(config.maxConnections()).isEqualTo(20);
        assertThat(config.waitTimeout()).isEqualTo(50);
    }

    @Test
    void requiredValueMayFollowOnTheCommandLine() throws Exception {
        assertThat(load("--port", "3307").port()).isEqualTo(3307);
        assertThat(load("-P", "3308").port()).isEqualTo(3308);
        assertThat(load("-P3309").port()).isEqualTo(3309);
        assertThat(load("-h", "d1").datadir()).isEqualTo(dir.resolve("d1"));
        assertThat(load("-b", "b1").basedir()).isEqualTo(dir.resolve("b1"));
    }

    @Test
    void requiredValueInAnOptionFileMustUseEquals() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port");
        assertThat(texts(failure().messages())).containsExactly(
                "[ERROR] [MY-000071] [Server] " + PROGRAM + ": option '--port' requires an argument.",
                "[ERROR] [MY-010119] [Server] Aborting");
    }

    @Test
    void dashAndUnderscoreAreEquivalentButCaseMatters() throws Exception {
        assertThat(load("--max-connections=7").maxConnections()).isEqualTo(7);
        assertThat(load("--max_connections=8").maxConnections()).isEqualTo(8);
        assertThat(load("--character_set-server=latin1").characterSetServer()).isEqualTo("latin1");
        assertThat(texts(failure("--MAX_CONNECTIONS=9").messages()))
                .startsWith("[ERROR] [MY-000067] [Server] unknown variable 'MAX_CONNECTIONS=9'.");
    }

    @Test
    void abbreviationsAreNotAccepted() {
        assertThat(failure("--max-conn=5").messages().get(0).text()).isEqualTo("unknown variable 'max-conn=5'.");
    }

    @Test
    void booleanForms() throws Exception {
        assertThat(load("--require-secure-transport").requireSecureTransport()).isTrue();
        for (String on : List.of("ON", "on", "TRUE", "true", "1")) {
            assertThat(load("--require_secure_transport=" + on).requireSecureTransport()).isTrue();
        }
        for (String off : List.of("OFF", "false", "0")) {
            assertThat(load("--require-secure-transport=" + off).requireSecureTransport()).isFalse();
        }
        assertThat(load("--enable-require-secure-transport").requireSecureTransport()).isTrue();
        assertThat(load("--require-secure-transport", "--disable-require-secure-transport").requireSecureTransport())
                .isFalse();
        assertThat(load("--require-secure-transport", "--skip-require-secure-transport").requireSecureTransport())
                .isFalse();
        assertThat(load("--skip-require-secure-transport=0").requireSecureTransport()).isTrue();
        assertThat(load("--enable-require-secure-transport=0").requireSecureTransport()).isFalse();
    }

    @Test
    void unrecognisedBooleanValueIsOffWithWarning() throws Exception {
        ServerConfig config = load("--require-secure-transport=maybe", "--read-only=s");
        assertThat(config.requireSecureTransport()).isFalse();
        assertThat(texts(config.warnings())).containsExactly(
                "[Warning] [MY-000076] [Server] option 'require_secure_transport': boolean value 'maybe' was not "
                        + "recognized. Set to OFF.",
                "[Warning] [MY-000076] [Server] option 'read_only': boolean value 's' was not recognized. Set to OFF.");
    }

    @Test
    void invalidValueOfAFlagOptionIsIgnoredWithWarning() throws Exception {
        ServerConfig config = load("--skip-grant-tables=perhaps");
        assertThat(config.skipGrantTables()).isFalse();
        assertThat(texts(config.warnings())).containsExactly("[Warning] [MY-000073] [Server] " + PROGRAM
                + ": ignoring option '--skip-grant-tables' due to invalid value 'perhaps'.");
    }

    @Test
    void skipGrantTablesAlsoSkipsNetworking() throws Exception {
        ServerConfig config = load("--skip-grant-tables");
        assertThat(config.skipGrantTables()).isTrue();
        assertThat(config.skipNetworking()).isTrue();
        assertThat(load("--skip-networking").skipNetworking()).isTrue();
    }

    @Test
    void unknownOptionsAreFatalWithMysqlTexts() {
        assertThat(texts(failure("--no-such-option").messages())).containsExactly(
                "[ERROR] [MY-000068] [Server] unknown option '--no-such-option'.",
                "[ERROR] [MY-010119] [Server] Aborting");
        assertThat(texts(failure("--foo=1").messages())).containsExactly(
                "[ERROR] [MY-000067] [Server] unknown variable 'foo=1'.",
                "[ERROR] [MY-010119] [Server] Aborting");
        assertThat(failure("--default-authentication-plugin=mysql_native_password").messages().get(0).text())
                .isEqualTo("unknown variable 'default-authentication-plugin=mysql_native_password'.");
        assertThat(failure("-Z").messages().get(0).text()).isEqualTo(PROGRAM + ": unknown option '-Z'.");
    }

    @Test
    void unknownOptionInFileIsFatalToo() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "query_cache_size=0");
        ConfigException e = failure();
        assertThat(e.early()).isFalse();
        assertThat(e.getMessage()).isEqualTo("unknown variable 'query_cache_size=0'.");
        assertThat(e.exitCode()).isEqualTo(1);
    }

    @Test
    void looseUnknownOptionsWarnAndAreKeptForPlugins() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "loose-validate_password.policy=STRONG", "loose_thing");
        ServerConfig config = load("--loose-clone-valid-donor-list=h:1");
        assertThat(texts(config.warnings())).containsExactly(
                "[Warning] [MY-000067] [Server] unknown variable 'loose-validate_password.policy=STRONG'.",
                "[Warning] [MY-000068] [Server] unknown option '--loose_thing'.",
                "[Warning] [MY-000067] [Server] unknown variable 'loose-clone-valid-donor-list=h:1'.");
        assertThat(config.pluginOptions()).containsExactly(
                new RawOption("loose_validate_password.policy", "STRONG", dir.resolve("etc/my.cnf").toString(),
                        "loose-validate_password.policy=STRONG"),
                new RawOption("loose_thing", null, dir.resolve("etc/my.cnf").toString(), "loose_thing"),
                new RawOption("loose_clone_valid_donor_list", "h:1", "command line", "loose-clone-valid-donor-list=h:1"));
        assertThat(config.pluginOptions().get(2).baseName()).isEqualTo("clone_valid_donor_list");
    }

    @Test
    void maximumPrefixIsAcceptedAndIgnored() throws Exception {
        assertThat(load("--maximum-wait-timeout=10").waitTimeout()).isEqualTo(28800);
    }

    @Test
    void looseKnownOptionIsApplied() throws Exception {
        assertThat(load("--loose-port=4000").port()).isEqualTo(4000);
        assertThat(load("--loose-skip-networking").skipNetworking()).isTrue();
    }

    @Test
    void policyClaimsPluginOptions() throws Exception {
        ServerConfig config = ServerConfig.load(new String[] {"--clone=FORCE_PLUS_PERMANENT", "--skip-clone",
                "--clone-buffer-size=1M", "--plugin-clone-ddl-timeout=5"}, TestEnvironment.in(dir),
                UnknownOptionPolicy.plugins(Set.of("clone")));
        assertThat(config.warnings()).isEmpty();
        assertThat(config.pluginOptions()).extracting(RawOption::name, RawOption::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("clone", "FORCE_PLUS_PERMANENT"),
                org.assertj.core.groups.Tuple.tuple("skip_clone", null),
                org.assertj.core.groups.Tuple.tuple("clone_buffer_size", "1M"),
                org.assertj.core.groups.Tuple.tuple("plugin_clone_ddl_timeout", "5"));
    }

    @Test
    void mysqlxOptionsOfExistingConfigFilesAreTolerated() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "mysqlx=OFF", "mysqlx-bind-address=127.0.0.1");
        assertThat(load().pluginOptions()).extracting(RawOption::name).containsExactly("mysqlx", "mysqlx_bind_address");
    }

    @Test
    void pluginLoadOptionsAreKeptInOrder() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "plugin-load-add=a.so", "plugin_load=b.so;c.so");
        ServerConfig config = load("--plugin-load-add=mysql_clone.so", "--loose-plugin-load-add=d.so");
        assertThat(config.pluginLoadOptions()).containsExactly(
                new PluginLoadOption(PluginLoadOption.Kind.LOAD_ADD, "a.so"),
                new PluginLoadOption(PluginLoadOption.Kind.LOAD, "b.so;c.so"),
                new PluginLoadOption(PluginLoadOption.Kind.LOAD_ADD, "mysql_clone.so"),
                new PluginLoadOption(PluginLoadOption.Kind.LOAD_ADD, "d.so"));
    }

    @Test
    void numericValuesTakeSuffixesAndAreClampedWithWarnings() throws Exception {
        assertThat(load("--max-allowed-packet=16M").maxAllowedPacket()).isEqualTo(16_777_216);
        assertThat(load("--max-allowed-packet=1k").maxAllowedPacket()).isEqualTo(1024);
        assertThat(load("--max-allowed-packet=2047").maxAllowedPacket()).isEqualTo(1024);
        ServerConfig negative = load("--max_connections=-5");
        assertThat(negative.maxConnections()).isEqualTo(1);
        assertThat(texts(negative.warnings())).containsExactly(
                "[Warning] [MY-000082] [Server] option 'max_connections': value -5 adjusted to 1.");
        ServerConfig tooBig = load("--max_connections=200000", "--port=70000");
        assertThat(tooBig.maxConnections()).isEqualTo(100_000);
        assertThat(tooBig.port()).isEqualTo(65535);
        assertThat(texts(tooBig.warnings())).containsExactly(
                "[Warning] [MY-000081] [Server] option 'max_connections': unsigned value 200000 adjusted to 100000.",
                "[Warning] [MY-000081] [Server] option 'port': unsigned value 70000 adjusted to 65535.");
        ServerConfig tooSmall = load("--max-allowed-packet=10");
        assertThat(texts(tooSmall.warnings())).containsExactly(
                "[Warning] [MY-000081] [Server] option 'max_allowed_packet': unsigned value 10 adjusted to 1024.");
    }

    @Test
    void nonNumericValueIsFatal() {
        assertThat(texts(failure("--port=abc").messages())).containsExactly(
                "[ERROR] [MY-000058] [Server] Unknown suffix 'a' used for variable 'port' (value 'abc').",
                "[ERROR] [MY-000077] [Server] " + PROGRAM + ": Error while setting value 'abc' to 'port'.",
                "[ERROR] [MY-010119] [Server] Aborting");
        assertThat(texts(failure("--port=").messages())).containsExactly(
                "[ERROR] [MY-000074] [Server] " + PROGRAM + ": Empty value for 'port' specified.",
                "[ERROR] [MY-010119] [Server] Aborting");
        assertThat(failure("--server-id=99999999999999999999").messages()).extracting(ConfigWarning::text)
                .startsWith("Incorrect unsigned integer value: '99999999999999999999'.");
    }

    @Test
    void enumAndSetOptions() throws Exception {
        ServerConfig config = load("--transaction-isolation=read-committed", "--sql-mode=ansi,traditional");
        assertThat(global(config, "transaction_isolation")).isEqualTo("READ-COMMITTED");
        assertThat(global(config, "sql_mode")).isEqualTo("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,"
                + "ONLY_FULL_GROUP_BY,ANSI,STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_ENGINE_SUBSTITUTION");
        assertThat(global(load("--transaction-isolation=SERIAL"), "transaction_isolation")).isEqualTo("SERIALIZABLE");
        assertThat(global(load("--transaction-isolation=1"), "transaction_isolation")).isEqualTo("READ-COMMITTED");
        assertThat(global(load("--sql-mode="), "sql_mode")).isEqualTo("");
        assertThat(texts(failure("--transaction-isolation=bogus").messages())).containsExactly(
                "[ERROR] [MY-000077] [Server] " + PROGRAM + ": Error while setting value 'bogus' to "
                        + "'transaction_isolation'.",
                "[ERROR] [MY-010119] [Server] Aborting");
        assertThat(failure("--transaction-isolation=READ").messages().get(0).code()).isEqualTo(77);
    }

    @Test
    void noArgumentOptionRejectsAValue() {
        assertThat(failure("--version=1").messages().get(0).text())
                .isEqualTo(PROGRAM + ": option '--version' cannot take an argument.");
    }

    @Test
    void noDefaultsReadsNoFile() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1001");
        assertThat(load("--no-defaults").port()).isEqualTo(3306);
        assertThat(load("--no-defaults", "--port=5").port()).isEqualTo(5);
    }

    @Test
    void defaultsFileReadsOnlyThatFile() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1001", "wait_timeout=7");
        write(dir.resolve("only.cnf"), "[mysqld]", "port=1005");
        ServerConfig config = load("--defaults-file=only.cnf");
        assertThat(config.port()).isEqualTo(1005);
        assertThat(config.waitTimeout()).isEqualTo(28800);
    }

    @Test
    void missingDefaultsFileIsAnEarlyError() {
        ConfigException e = failure("--defaults-file=" + dir.resolve("nope.cnf"));
        assertThat(e.early()).isTrue();
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.messages()).extracting(ConfigWarning::text).containsExactly(
                "Failed to open required defaults file: " + dir.resolve("nope.cnf"),
                "Fatal error in defaults handling. Program aborted!");
        assertThat(failure("--defaults-extra-file=" + dir.resolve("nope.cnf")).messages().get(0).text())
                .isEqualTo("Failed to open required defaults file: " + dir.resolve("nope.cnf"));
    }

    @Test
    void extraFileIsReadAfterGlobalFilesAndBeforeUserFiles() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1001", "wait_timeout=7", "max_connections=3");
        write(dir.resolve("extra.cnf"), "[mysqld]", "port=1002", "wait_timeout=8");
        write(dir.resolve("home/.my.cnf"), "[mysqld]", "wait_timeout=9");
        ServerConfig config = load("--defaults-extra-file=extra.cnf");
        assertThat(config.port()).isEqualTo(1002);
        assertThat(config.waitTimeout()).isEqualTo(9);
        assertThat(config.maxConnections()).isEqualTo(3);
    }

    @Test
    void defaultsOptionsMustComeFirst() throws Exception {
        write(dir.resolve("only.cnf"), "[mysqld]", "port=1005");
        assertThat(failure("--port=1", "--defaults-file=only.cnf").messages().get(0).text())
                .isEqualTo("unknown variable 'defaults-file=only.cnf'.");
        assertThat(failure("--port=1", "--no-defaults").messages().get(0).text())
                .isEqualTo("unknown option '--no-defaults'.");
        assertThat(failure("--no-defaults", "--defaults-file=only.cnf").messages().get(0).text())
                .isEqualTo("unknown variable 'defaults-file=only.cnf'.");
        assertThat(load("--defaults-extra-file=only.cnf", "--defaults-group-suffix=x").port()).isEqualTo(1005);
    }

    @Test
    void groupSuffixAlsoReadsSuffixedGroups() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1", "[mysqld_a]", "port=2", "[mysqld_b]", "port=3");
        assertThat(load("--defaults-group-suffix=_a").port()).isEqualTo(2);
    }

    @Test
    void printDefaultsShowsTheArgumentList() throws Exception {
        write(dir.resolve("etc/my.cnf"), "[mysqld]", "port=1001", "skip-name-resolve");
        ServerConfig config = load("--print-defaults", "--datadir=/d");
        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.PRINT_DEFAULTS);
        assertThat(config.helpText()).isEqualTo(PROGRAM + " would have been started with the following arguments:\n"
                + "--port=1001 --skip-name-resolve --datadir=/d \n");
    }

    @Test
    void versionStopsOptionProcessing() throws Exception {
        ServerConfig config = load("-V", "--no-such-option");
        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.VERSION);
        assertThat(config.versionText()).matches(
                "/opt/doppel/bin/doppeld  Ver 8.4.6-doppel for Linux on \\S+ \\(Doppel\\)\n");
        assertThat(load("--version").mode()).isEqualTo(ServerConfig.Mode.VERSION);
    }

    @Test
    void modes() throws Exception {
        assertThat(load("--initialize").mode()).isEqualTo(ServerConfig.Mode.INITIALIZE);
        assertThat(load("-I").mode()).isEqualTo(ServerConfig.Mode.INITIALIZE);
        assertThat(load("--initialize-insecure").mode()).isEqualTo(ServerConfig.Mode.INITIALIZE_INSECURE);
        assertThat(load("--validate-config").mode()).isEqualTo(ServerConfig.Mode.VALIDATE_CONFIG);
        assertThat(failure("--validate-config", "--no-such-option").exitCode()).isEqualTo(1);
        ServerConfig help = load("--help");
        assertThat(help.mode()).isEqualTo(ServerConfig.Mode.HELP);
        assertThat(help.helpText()).contains("For more help options (several pages), use " + PROGRAM
                + " --verbose --help.");
        ServerConfig verbose = load("--verbose", "--help", "--port=3400");
        assertThat(verbose.helpText()).containsPattern("\nport +3400\n").containsPattern("\nautocommit +TRUE\n");
        assertThat(load("-v", "-?").mode()).isEqualTo(ServerConfig.Mode.HELP);
    }

    @Test
    void strayArgumentIsAnError() {
        assertThat(failure("--log-error", "my-errors").messages().get(0).text())
                .isEqualTo("Too many arguments (first extra is 'my-errors').");
    }

    @Test
    void logErrorAndPidFileFollowMysqlRules() throws Exception {
        assertThat(load("--log-error").logError()).contains(dir.resolve("base/data/testhost.example.err"));
        assertThat(load("--log-error=mine").logError()).contains(dir.resolve("base/data/mine.err"));
        assertThat(load("--log-error=/var/log/x.log").logError()).contains(Path.of("/var/log/x.log"));
        assertThat(load("--log-error=/var/log/x.log", "--console").logError()).isEmpty();
        ServerConfig config = load("--datadir=/srv/d", "--pid-file=p", "--log-error=e.log");
        assertThat(config.pidFile()).isEqualTo(Path.of("/srv/d/p.pid"));
        assertThat(config.datadirGiven()).isTrue();
        assertThat(global(config, "log_error")).isEqualTo("/srv/d/e.log");
        assertThat(global(config, "pid_file")).isEqualTo("/srv/d/p.pid");
    }

    @Test
    void pathsAndAddresses() throws Exception {
        ServerConfig config = load("--basedir=/opt/b", "--plugin-dir=lib/plugin", "--socket=",
                "--bind-address=127.0.0.1, ::1", "--ssl-ca=ca2.pem", "--datadir=/d");
        assertThat(config.pluginDir()).isEqualTo(Path.of("/opt/b/lib/plugin"));
        assertThat(config.socket()).isNull();
        assertThat(config.bindAddresses()).containsExactly("127.0.0.1", "::1");
        assertThat(config.sslCa()).contains(Path.of("/d/ca2.pem"));
        assertThat(global(config, "plugin_dir")).isEqualTo("/opt/b/lib/plugin/");
        assertThat(global(config, "ssl_ca")).isEqualTo("ca2.pem");
    }

    @Test
    void characterSetServerChoosesItsDefaultCollationAndGlobals() throws Exception {
        ServerConfig config = load("--character-set-server=latin1");
        assertThat(config.collationServer()).isEqualTo("latin1_swedish_ci");
        assertThat(global(config, "collation_database")).isEqualTo("latin1_swedish_ci");
        assertThat(global(config, "character_set_client")).isEqualTo("latin1");
        assertThat(load("--collation-server=utf8mb4_bin").characterSetServer()).isEqualTo("utf8mb4");
        assertThat(load("-C", "utf8").characterSetServer()).isEqualTo("utf8mb3");
    }

    @Test
    void badCharsetOrCollationIsFatal() {
        assertThat(failure("--character-set-server=klingon").messages().get(0)).isEqualTo(ConfigWarning.error(22,
                "Character set 'klingon' is not a compiled character set and is not specified in the '"
                        + dir.resolve("base/share/charsets/Index.xml") + "' file"));
        assertThat(failure("--collation-server=nope_ci").messages().get(0).code()).isEqualTo(28);
        assertThat(failure("--character-set-server=latin1", "--collation-server=utf8mb4_bin").messages().get(0).text())
                .isEqualTo("COLLATION 'utf8mb4_bin' is not valid for CHARACTER SET 'latin1'");
    }

    @Test
    void defaultTimeZone() throws Exception {
        assertThat(global(load("--default-time-zone=+02:00"), "time_zone")).isEqualTo("+02:00");
        assertThat(global(load("--default-time-zone=Europe/Paris"), "time_zone")).isEqualTo("Europe/Paris");
        assertThat(failure("--default-time-zone=Mars/Olympus").messages().get(0).text())
                .isEqualTo("Fatal error: Illegal or unknown default time zone 'Mars/Olympus'");
    }

    @Test
    void optionValuesBecomeGlobalVariables() throws Exception {
        ServerConfig config = load("--autocommit=0", "--lower-case-table-names=1", "--server-id=7",
                "--default-storage-engine=innodb", "--authentication-policy=caching_sha2_password,,");
        assertThat(global(config, "autocommit")).isEqualTo(false);
        assertThat(global(config, "lower_case_table_names")).isEqualTo(1L);
        assertThat(global(config, "server_id")).isEqualTo(7L);
        assertThat(global(config, "default_storage_engine")).isEqualTo("InnoDB");
        assertThat(global(config, "authentication_policy")).isEqualTo("caching_sha2_password,,");
        assertThat(failure("--default-storage-engine=nope").messages().get(0).code()).isEqualTo(77);
        SessionVariables session = config.variables().newSession();
        assertThat(session.get("autocommit", VariableQualifier.NONE)).isEqualTo(0L);
    }

    @Test
    void readOnlyComputedVariablesAreNotOptions() {
        assertThat(failure("--version-comment=x").messages().get(0).text())
                .isEqualTo("unknown variable 'version-comment=x'.");
    }

    @Test
    void doubleDashEndsOptions() {
        assertThat(failure("--", "--port=1").messages().get(0).text())
                .isEqualTo("Too many arguments (first extra is '--port=1').");
    }
}
