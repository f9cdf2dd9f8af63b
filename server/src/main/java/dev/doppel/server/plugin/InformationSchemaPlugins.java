package dev.doppel.server.plugin;

import dev.doppel.plugin.VirtualTable;

import java.util.List;

/** The 11 columns of INFORMATION_SCHEMA.PLUGINS, as MySQL 8.4 declares them. */
final class InformationSchemaPlugins {
    static final List<VirtualTable.Column> COLUMNS = List.of(
            new VirtualTable.Column("PLUGIN_NAME", "VARCHAR(64)"),
            new VirtualTable.Column("PLUGIN_VERSION", "VARCHAR(20)"),
            new VirtualTable.Column("PLUGIN_STATUS", "VARCHAR(10)"),
            new VirtualTable.Column("PLUGIN_TYPE", "VARCHAR(80)"),
            new VirtualTable.Column("PLUGIN_TYPE_VERSION", "VARCHAR(20)"),
            new VirtualTable.Column("PLUGIN_LIBRARY", "VARCHAR(64)"),
            new VirtualTable.Column("PLUGIN_LIBRARY_VERSION", "VARCHAR(20)"),
            new VirtualTable.Column("PLUGIN_AUTHOR", "VARCHAR(64)"),
            new VirtualTable.Column("PLUGIN_DESCRIPTION", "LONGTEXT"),
            new VirtualTable.Column("PLUGIN_LICENSE", "VARCHAR(80)"),
            new VirtualTable.Column("LOAD_OPTION", "VARCHAR(64)"));

    private InformationSchemaPlugins() {
    }
}
