package dev.doppel.server.it.plugins;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginLicense;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.StatusVariableDefinition;
import dev.doppel.plugin.SystemVariableDefinition;
import dev.doppel.plugin.VirtualTable;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A well-behaved DAEMON plugin {@code doppel_good}: a system variable {@code doppel_good_level}, a status
 * variable {@code Doppel_good_reads} and the table information_schema.DOPPEL_GOOD (one row per read so far).
 */
public final class GoodLibrary implements PluginLibrary {
    private static final AtomicLong READS = new AtomicLong();
    /** What the server's privilege check answered at init: does root@localhost hold BACKUP_ADMIN? */
    private static final java.util.concurrent.atomic.AtomicReference<String> ROOT_BACKUP_ADMIN =
            new java.util.concurrent.atomic.AtomicReference<>("unknown");

    @Override
    public String apiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return List.of(PluginDescriptor.builder(PluginType.DAEMON, "doppel_good").version(1, 2)
                .author("Doppel tests").description("A plugin that works").license(PluginLicense.GPL)
                .systemVariable(SystemVariableDefinition.integer("doppel_good_level", 3, 0, 10))
                .statusVariable(new StatusVariableDefinition("Doppel_good_reads", READS::get))
                .statusVariable(new StatusVariableDefinition("Doppel_good_root_has_backup_admin",
                        ROOT_BACKUP_ADMIN::get))
                .factory(Good::new).build());
    }

    /** The plugin: adds its information_schema table. */
    static final class Good implements Plugin {
        @Override
        public void init(PluginContext context) {
            boolean rootHas = context.privileges().hasGlobalPrivilege("root", "localhost", "BACKUP_ADMIN");
            boolean nobodyHas = context.privileges().hasGlobalPrivilege("nobody", "%", "BACKUP_ADMIN");
            ROOT_BACKUP_ADMIN.set(rootHas && !nobodyHas ? "ON" : "OFF");
            context.addTable(new VirtualTable("information_schema", "DOPPEL_GOOD",
                    List.of(new VirtualTable.Column("NAME", "VARCHAR(64)"), new VirtualTable.Column("LEVEL", "BIGINT")),
                    () -> {
                        READS.incrementAndGet();
                        return List.<Object[]>of(new Object[] {context.pluginName(),
                            context.systemVariable("doppel_good_level")});
                    }));
        }
    }
}
