package dev.doppel.clone;

import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.SystemVariableDefinition;

import java.util.regex.Pattern;

/** The clone plugin's system variables, with MySQL 8.4's defaults and ranges; all GLOBAL and dynamic. */
final class CloneVariables {
    private static final Pattern DONOR_LIST = Pattern.compile("[^:,\\s]+:\\d+(,[^:,\\s]+:\\d+)*");

    private CloneVariables() {
    }

    static PluginDescriptor.Builder declare(PluginDescriptor.Builder builder) {
        return builder
                .systemVariable(SystemVariableDefinition.bool("clone_autotune_concurrency", true))
                .systemVariable(SystemVariableDefinition.bool("clone_block_ddl", false))
                .systemVariable(SystemVariableDefinition.integer("clone_buffer_size", 4194304, 1048576, 268435456)
                        .blockSize(1048576))
                .systemVariable(SystemVariableDefinition.integer("clone_ddl_timeout", 300, 0, 2592000))
                .systemVariable(SystemVariableDefinition.integer("clone_delay_after_data_drop", 0, 0, 3600))
                .systemVariable(SystemVariableDefinition.integer("clone_donor_timeout_after_network_failure", 5, 0, 30))
                .systemVariable(SystemVariableDefinition.bool("clone_enable_compression", false))
                .systemVariable(SystemVariableDefinition.integer("clone_max_concurrency", 16, 1, 128))
                .systemVariable(SystemVariableDefinition.integer("clone_max_data_bandwidth", 0, 0, 1048576))
                .systemVariable(SystemVariableDefinition.integer("clone_max_network_bandwidth", 0, 0, 1048576))
                .systemVariable(SystemVariableDefinition.string("clone_ssl_ca", null))
                .systemVariable(SystemVariableDefinition.string("clone_ssl_cert", null))
                .systemVariable(SystemVariableDefinition.string("clone_ssl_key", null))
                .systemVariable(SystemVariableDefinition.string("clone_valid_donor_list", null)
                        .validatedBy(value -> value == null || value.toString().isEmpty()
                                || DONOR_LIST.matcher(value.toString()).matches()));
    }
}
