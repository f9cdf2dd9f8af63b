package dev.doppel.server.config.variables;

import static dev.doppel.server.config.variables.VariableQualifier.GLOBAL;
import static dev.doppel.server.config.variables.VariableQualifier.NONE;
import static dev.doppel.server.config.variables.VariableQualifier.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.plugin.MySqlException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SessionVariablesTest {
    private final SystemVariableRegistry registry = registry();
    private final SessionVariables session = registry.newSession();

    private static SystemVariableRegistry registry() {
        SystemVariableRegistry result = new SystemVariableRegistry();
        ServerVariables.declare(result);
        return result;
    }

    private static void assertError(ThrowingCallable call, int number, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MySqlException.class, e -> {
            assertThat(e.number()).isEqualTo(number);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void declaresAtLeastEightyVariablesConnectorsRead() {
        assertThat(registry.variables()).hasSizeGreaterThan(80);
        for (String each : new String[] {"auto_increment_increment", "character_set_client", "character_set_connection",
                "character_set_results", "character_set_server", "collation_server", "collation_connection",
                "init_connect", "interactive_timeout", "license", "lower_case_table_names", "max_allowed_packet",
                "net_write_timeout", "performance_schema", "sql_mode", "system_time_zone", "time_zone",
                "transaction_isolation", "wait_timeout"}) {
            assertThat(session.get(each, NONE)).as(each).isNotNull();
        }
    }

    @Test
    void valuesAsSelectReturnsThem() {
        assertThat(session.get("autocommit", NONE)).isEqualTo(1L);
        assertThat(session.get("AUTOCOMMIT", SESSION)).isEqualTo(1L);
        assertThat(session.get("max_allowed_packet", NONE)).isEqualTo(67_108_864L);
        assertThat(session.get("sql_select_limit", NONE)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(session.get("sql_mode", NONE)).isEqualTo("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,"
                + "NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
        assertThat(session.get("transaction_isolation", NONE)).isEqualTo("REPEATABLE-READ");
        assertThat(session.get("character_set_system", NONE)).isEqualTo("utf8mb3");
        assertThat(session.get("license", NONE)).isEqualTo("GPL");
        assertThat(session.get("protocol_version", GLOBAL)).isEqualTo(10L);
        assertThat(session.get("version_comment", NONE)).isEqualTo("Doppel");
        assertThat(session.get("session_track_system_variables", NONE))
                .isEqualTo("time_zone,autocommit,character_set_client,character_set_results,character_set_connection");
    }

    @Test
    void scopeAndUnknownErrors() {
        assertError(() -> session.get("query_cache_size", NONE), 1193, "Unknown system variable 'query_cache_size'");
        assertError(() -> session.get("tx_isolation", NONE), 1193, "Unknown system variable 'tx_isolation'");
        assertError(() -> session.get("max_connections", SESSION), 1238,
                "Variable 'max_connections' is a GLOBAL variable");
        assertError(() -> session.get("warning_count", GLOBAL), 1238, "Variable 'warning_count' is a SESSION variable");
        assertThat(session.get("max_connections", NONE)).isEqualTo(151L);
    }

    @Test
    void setScopeAndReadOnlyErrors() {
        assertError(() -> session.set("port", GLOBAL, 1L), 1238, "Variable 'port' is a read only variable");
        assertError(() -> session.set("version", NONE, "x"), 1238, "Variable 'version' is a read only variable");
        assertError(() -> session.set("max_connections", NONE, 10L), 1229,
                "Variable 'max_connections' is a GLOBAL variable and should be set with SET GLOBAL");
        assertError(() -> session.set("last_insert_id", GLOBAL, 10L), 1228,
                "Variable 'last_insert_id' is a SESSION variable and can't be used with SET GLOBAL");
        assertError(() -> session.set("max_allowed_packet", SESSION, 2048L), 1621,
                "SESSION variable 'max_allowed_packet' is read-only. Use SET GLOBAL to assign the value");
        assertError(() -> session.set("warning_count", NONE, 1L), 1238,
                "Variable 'warning_count' is a read only variable");
        assertError(() -> session.set("nope", NONE, 1L), 1193, "Unknown system variable 'nope'");
    }

    @Test
    void booleanValues() {
        session.set("autocommit", NONE, 0L);
        assertThat(session.autocommit()).isFalse();
        session.set("autocommit", NONE, "on");
        assertThat(session.get("autocommit", NONE)).isEqualTo(1L);
        session.set("autocommit", NONE, "OFF");
        session.set("autocommit", NONE, Boolean.TRUE);
        assertThat(session.autocommit()).isTrue();
        assertError(() -> session.set("autocommit", NONE, "maybe"), 1231,
                "Variable 'autocommit' can't be set to the value of 'maybe'");
        assertError(() -> session.set("autocommit", NONE, 2L), 1231,
                "Variable 'autocommit' can't be set to the value of '2'");
        assertError(() -> session.set("autocommit", NONE, null), 1231,
                "Variable 'autocommit' can't be set to the value of 'NULL'");
        assertError(() -> session.set("autocommit", NONE, new BigDecimal("1.5")), 1232,
                "Incorrect argument type to variable 'autocommit'");
    }

    @Test
    void integerValuesAreClampedWithWarning() {
        assertThat(session.set("max_connections", GLOBAL, 0L)).containsExactly(
                new VariableWarning(1292, "Truncated incorrect max_connections value: '0'"));
        assertThat(registry.globalValue("max_connections")).isEqualTo(1L);
        assertThat(session.set("wait_timeout", NONE, -5L))
                .containsExactly(new VariableWarning(1292, "Truncated incorrect wait_timeout value: '-5'"));
        assertThat(session.get("wait_timeout", NONE)).isEqualTo(1L);
        assertThat(session.set("max_allowed_packet", GLOBAL, 1025L))
                .containsExactly(new VariableWarning(1292, "Truncated incorrect max_allowed_packet value: '1025'"));
        assertThat(registry.globalValue("max_allowed_packet")).isEqualTo(1024L);
        assertThat(session.set("net_read_timeout", NONE, 45L)).isEmpty();
        assertError(() -> session.set("wait_timeout", NONE, "10"), 1232,
                "Incorrect argument type to variable 'wait_timeout'");
        assertError(() -> session.set("wait_timeout", NONE, 1.5), 1232,
                "Incorrect argument type to variable 'wait_timeout'");
    }

    @Test
    void strictAllTablesTurnsOutOfRangeIntoAnError() {
        session.set("sql_mode", NONE, "STRICT_ALL_TABLES");
        assertError(() -> session.set("wait_timeout", NONE, 0L), 1231,
                "Variable 'wait_timeout' can't be set to the value of '0'");
    }

    @Test
    void sqlModeIsNormalised() {
        session.set("sql_mode", NONE, "no_engine_substitution,ansi_quotes");
        assertThat(session.get("sql_mode", NONE)).isEqualTo("ANSI_QUOTES,NO_ENGINE_SUBSTITUTION");
        session.set("sql_mode", NONE, "ANSI");
        assertThat(session.get("sql_mode", NONE))
                .isEqualTo("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ONLY_FULL_GROUP_BY,ANSI");
        session.set("sql_mode", NONE, 2097152L);
        assertThat(session.get("sql_mode", NONE)).isEqualTo("STRICT_TRANS_TABLES");
        session.set("sql_mode", NONE, "");
        assertThat(session.get("sql_mode", NONE)).isEqualTo("");
        session.set("sql_mode", NONE, "STRICT_TRANS_TABLES,,");
        assertThat(session.sqlModeBits()).isEqualTo(SqlMode.STRICT_TRANS_TABLES);
        assertError(() -> session.set("sql_mode", NONE, "BOGUS"), 1231,
                "Variable 'sql_mode' can't be set to the value of 'BOGUS'");
        assertError(() -> session.set("sql_mode", NONE, "ANSI_QUOTES, STRICT_ALL_TABLES"), 1231,
                "Variable 'sql_mode' can't be set to the value of ' STRICT_ALL_TABLES'");
        assertError(() -> session.set("sql_mode", NONE, "NOT_USED_9"), 3899, "sql_mode=0x00000100 is not supported.");
        assertError(() -> session.set("sql_mode", NONE, null), 1231,
                "Variable 'sql_mode' can't be set to the value of 'NULL'");
        assertError(() -> session.set("sql_mode", NONE, 1L << 40), 1231,
                "Variable 'sql_mode' can't be set to the value of '1099511627776'");
    }

    @Test
    void enumValuesAreCaseInsensitive() {
        session.set("transaction_isolation", NONE, "read-committed");
        assertThat(session.get("transaction_isolation", NONE)).isEqualTo("READ-COMMITTED");
        session.set("transaction_isolation", NONE, 3L);
        assertThat(session.get("transaction_isolation", NONE)).isEqualTo("SERIALIZABLE");
        assertError(() -> session.set("transaction_isolation", NONE, "READ"), 1231,
                "Variable 'transaction_isolation' can't be set to the value of 'READ'");
    }

    @Test
    void stringValidation() {
        session.set("time_zone", NONE, "+05:30");
        assertThat(session.timeZone()).isEqualTo("+05:30");
        session.set("time_zone", NONE, "system");
        assertThat(session.timeZone()).isEqualTo("SYSTEM");
        assertError(() -> session.set("time_zone", NONE, "+15:00"), 1298, "Unknown or incorrect time zone: '+15:00'");
        assertError(() -> session.set("default_storage_engine", NONE, "Aria"), 1286, "Unknown storage engine 'Aria'");
        assertError(() -> session.set("init_connect", GLOBAL, 5L), 1232, "Incorrect argument type to variable 'init_connect'");
        assertError(() -> session.set("init_connect", GLOBAL, null), 1231,
                "Variable 'init_connect' can't be set to the value of 'NULL'");
    }

    @Test
    void charsetAndCollationVariables() {
        session.set("character_set_results", NONE, null);
        assertThat(session.get("character_set_results", NONE)).isNull();
        assertThat(session.show(NONE, "character_set_results")).containsExactly(new VariableRow("character_set_results", ""));
        session.set("character_set_connection", NONE, "latin1");
        assertThat(session.get("collation_connection", NONE)).isEqualTo("latin1_swedish_ci");
        session.set("collation_connection", NONE, "utf8mb4_bin");
        assertThat(session.get("character_set_connection", NONE)).isEqualTo("utf8mb4");
        session.set("character_set_client", NONE, 8L);
        assertThat(session.characterSetClient()).isEqualTo("latin1");
        assertThat(session.set("character_set_client", NONE, "utf8")).containsExactly(new VariableWarning(3719,
                "'utf8' is currently an alias for the character set UTF8MB3, but will be an alias for UTF8MB4 in a "
                        + "future release. Please consider using UTF8MB4 in order to be unambiguous."));
        assertThat(session.characterSetClient()).isEqualTo("utf8mb3");
        assertError(() -> session.set("character_set_client", NONE, "klingon"), 1115, "Unknown character set: 'klingon'");
        assertError(() -> session.set("character_set_client", NONE, "utf16"), 1231,
                "Variable 'character_set_client' can't be set to the value of 'utf16'");
        assertError(() -> session.set("character_set_client", NONE, null), 1231,
                "Variable 'character_set_client' can't be set to the value of 'NULL'");
        assertError(() -> session.set("collation_connection", NONE, "nope_ci"), 1273, "Unknown collation: 'nope_ci'");
        assertError(() -> session.set("collation_connection", NONE, 9999L), 1273, "Unknown collation: '9999'");
    }

    @Test
    void setNames() {
        session.setNames("latin1", null);
        assertThat(session.characterSetClient()).isEqualTo("latin1");
        assertThat(session.characterSetResults()).isEqualTo("latin1");
        assertThat(session.get("character_set_connection", NONE)).isEqualTo("latin1");
        assertThat(session.collationConnection()).isEqualTo("latin1_swedish_ci");
        session.setNames("UTF8MB4", "utf8mb4_unicode_ci");
        assertThat(session.collationConnection()).isEqualTo("utf8mb4_unicode_ci");
        assertThat(session.get("character_set_connection", NONE)).isEqualTo("utf8mb4");
        session.set("default_collation_for_utf8mb4", NONE, "utf8mb4_general_ci");
        session.setNames("utf8mb4", null);
        assertThat(session.collationConnection()).isEqualTo("utf8mb4_general_ci");
        assertError(() -> session.setNames("utf8mb4", "latin1_bin"), 1253,
                "COLLATION 'latin1_bin' is not valid for CHARACTER SET 'utf8mb4'");
        assertError(() -> session.setNames("nope", null), 1115, "Unknown character set: 'nope'");
        assertError(() -> session.setNames("utf8mb4", "nope"), 1273, "Unknown collation: 'nope'");
        assertError(() -> session.setNames("ucs2", null), 1231,
                "Variable 'character_set_client' can't be set to the value of 'ucs2'");
        session.setNamesDefault();
        assertThat(session.characterSetClient()).isEqualTo("utf8mb4");
    }

    @Test
    void defaultAndGlobalCopies() {
        session.set("wait_timeout", GLOBAL, 100L);
        assertThat(session.get("wait_timeout", NONE)).isEqualTo(28800L);
        assertThat(registry.newSession().get("wait_timeout", NONE)).isEqualTo(100L);
        session.setDefault("wait_timeout", NONE);
        assertThat(session.get("wait_timeout", NONE)).isEqualTo(100L);
        session.setDefault("wait_timeout", GLOBAL);
        assertThat(session.get("wait_timeout", GLOBAL)).isEqualTo(28800L);
        session.set("sql_safe_updates", NONE, 1L);
        session.reset();
        assertThat(session.get("sql_safe_updates", NONE)).isEqualTo(0L);
    }

    @Test
    void identityIsLastInsertId() {
        session.set("identity", NONE, 42L);
        assertThat(session.get("last_insert_id", NONE)).isEqualTo(42L);
        session.setInternal("last_insert_id", 7L);
        assertThat(session.get("identity", NONE)).isEqualTo(7L);
    }

    @Test
    void computedVariables() {
        session.bindComputed("warning_count", () -> 3L);
        assertThat(session.get("warning_count", NONE)).isEqualTo(3L);
    }

    @Test
    void showVariables() {
        assertThat(session.show(NONE, "autocommit")).containsExactly(new VariableRow("autocommit", "ON"));
        assertThat(session.show(NONE, "%timeout")).extracting(VariableRow::name).isSorted()
                .contains("connect_timeout", "wait_timeout", "net_read_timeout");
        assertThat(session.show(GLOBAL, "warning_count")).isEmpty();
        assertThat(session.show(NONE, "long_query_time")).containsExactly(new VariableRow("long_query_time", "10.000000"));
        assertThat(session.show(NONE, "sql_select_limit"))
                .containsExactly(new VariableRow("sql_select_limit", "18446744073709551615"));
        session.set("autocommit", NONE, 0L);
        assertThat(session.show(NONE, "autocommit")).containsExactly(new VariableRow("autocommit", "OFF"));
        assertThat(session.show(GLOBAL, "autocommit")).containsExactly(new VariableRow("autocommit", "ON"));
    }

    @Test
    void pluginsRegisterAndUnregister() {
        registry.register(SystemVariable.builder("clone_buffer_size", VariableScope.GLOBAL, VariableType.UNSIGNED)
                .defaultValue(4_194_304L).range(1_048_576, 268_435_456).owner("clone").build());
        registry.register(SystemVariable.builder("clone_flag", VariableScope.BOTH, VariableType.BOOLEAN)
                .owner("clone").build());
        assertThat(session.get("clone_buffer_size", NONE)).isEqualTo(4_194_304L);
        assertThat(session.get("clone_flag", NONE)).isEqualTo(0L);
        assertThatThrownBy(() -> registry.register(SystemVariable.builder("clone_flag", VariableScope.BOTH,
                VariableType.BOOLEAN).build())).isInstanceOf(IllegalStateException.class);
        registry.unregisterOwner("clone");
        assertError(() -> session.get("clone_buffer_size", NONE), 1193, "Unknown system variable 'clone_buffer_size'");
    }
}
