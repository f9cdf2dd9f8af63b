package dev.doppel.example;

import dev.doppel.plugin.Plugin;
import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginContext;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;
import dev.doppel.plugin.PluginLog;
import dev.doppel.plugin.PluginType;
import dev.doppel.plugin.StatusVariableDefinition;
import dev.doppel.plugin.SystemVariableDefinition;
import dev.doppel.plugin.VirtualTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin's lifecycle against a fake {@link PluginContext}; the real server is exercised by the server's tests. */
class ExamplePluginTest {

    /** A context that records what the plugin does with it. */
    private static final class FakeContext implements PluginContext {
        final Map<String, Object> variables = new HashMap<>();
        final List<VirtualTable> tables = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        boolean initializing;

        FakeContext(PluginDescriptor descriptor) {
            for (SystemVariableDefinition each : descriptor.systemVariables()) {
                variables.put(each.name(), each.defaultValue());
            }
        }

        @Override
        public String pluginName() {
            return ExamplePlugin.NAME;
        }

        @Override
        public PluginLog log() {
            return new PluginLog() {
                @Override
                public void system(int code, String message) {
                    log.add("System " + code + " " + message);
                }

                @Override
                public void error(int code, String message) {
                    log.add("ERROR " + code + " " + message);
                }

                @Override
                public void warning(int code, String message) {
                    log.add("Warning " + code + " " + message);
                }

                @Override
                public void note(int code, String message) {
                    log.add("Note " + code + " " + message);
                }
            };
        }

        @Override
        public Path dataDirectory() {
            return Path.of("/tmp/example-data");
        }

        @Override
        public String serverVersion() {
            return "8.4.6-test";
        }

        @Override
        public Object systemVariable(String name) {
            return variables.get(name);
        }

        @Override
        public boolean upgradeInProgress() {
            return false;
        }

        @Override
        public dev.doppel.plugin.PrivilegeChecks privileges() {
            return (user, host, privilege) -> false;
        }

        @Override
        public boolean initializing() {
            return initializing;
        }

        @Override
        public void addTable(VirtualTable table) {
            tables.add(table);
        }

        @Override
        public dev.doppel.plugin.StorageSnapshots storageSnapshots() {
            throw new UnsupportedOperationException("not used by the example plugin");
        }

        @Override
        public dev.doppel.plugin.BackupLock backupLock() {
            throw new UnsupportedOperationException("not used by the example plugin");
        }
    }

    private final PluginDescriptor descriptor = ExamplePlugin.descriptor();

    @Test
    void libraryIsFoundAsAServiceAndDeclaresTheDaemon() {
        PluginLibrary library = ServiceLoader.load(PluginLibrary.class).findFirst().orElseThrow();

        assertThat(library).isInstanceOf(ExampleLibrary.class);
        assertThat(library.apiVersion()).isEqualTo(PluginApi.VERSION);
        assertThat(library.plugins()).singleElement().satisfies(plugin -> {
            assertThat(plugin.type()).isEqualTo(PluginType.DAEMON);
            assertThat(plugin.name()).isEqualTo("example");
            assertThat(plugin.version()).isEqualTo("1.0");
        });
    }

    @Test
    void variablesFollowTheNamingRuleAndHaveARange() {
        assertThat(descriptor.systemVariables()).extracting(SystemVariableDefinition::name)
                .containsExactly("example_greeting", "example_interval_seconds");
        SystemVariableDefinition interval = descriptor.systemVariables().get(1);
        assertThat(interval.type()).isEqualTo(SystemVariableDefinition.Type.INTEGER);
        assertThat(interval.min()).isEqualTo(1);
        assertThat(interval.max()).isEqualTo(3600);
        SystemVariableDefinition greeting = descriptor.systemVariables().get(0);
        assertThat(greeting.validator().test("x".repeat(256))).isTrue();
        assertThat(greeting.validator().test("x".repeat(257))).isFalse();
    }

    @Test
    void initAddsTheTableLogsAndStartsTheHeartbeat() throws Exception {
        FakeContext context = new FakeContext(descriptor);
        context.variables.put("example_greeting", "Hi there");
        ExamplePlugin plugin = (ExamplePlugin) descriptor.newPlugin();

        plugin.init(context);
        try {
            assertThat(plugin.running()).isTrue();
            assertThat(context.log).singleElement().asString()
                    .isEqualTo("System 90001 Example plugin started (server 8.4.6-test, data directory "
                            + Path.of("/tmp/example-data") + "): greeting 'Hi there', a heartbeat every 10 seconds.");
            VirtualTable table = context.tables.getFirst();
            assertThat(table.schema()).isEqualTo("information_schema");
            assertThat(table.name()).isEqualTo("EXAMPLE_EVENTS");
            assertThat(table.columns()).extracting(VirtualTable.Column::name)
                    .containsExactly("EVENT_ID", "EVENT_TIME", "EVENT_TYPE", "MESSAGE");
            assertThat(table.rows().get()).singleElement()
                    .satisfies(row -> assertThat(row).contains(1L, "INIT", "Hi there"));

            plugin.beat();
            plugin.beat();

            assertThat(heartbeats().value().get()).isEqualTo(2L);
            assertThat(table.rows().get()).hasSize(3).last()
                    .satisfies(row -> assertThat(row).contains(3L, "HEARTBEAT", "heartbeat 2"));
            assertThat(plugin.checkUninstall()).isNull();
        } finally {
            plugin.deinit();
        }
        assertThat(plugin.running()).isFalse();
        assertThat(context.log).last().asString().isEqualTo("System 90002 Example plugin stopped after 2 heartbeats.");
    }

    @Test
    void heartbeatFollowsTheInterval() throws Exception {
        FakeContext context = new FakeContext(descriptor);
        context.variables.put("example_interval_seconds", 1L);
        Plugin plugin = descriptor.newPlugin();
        plugin.init(context);
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((Long) heartbeats().value().get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(heartbeats().value().get()).isEqualTo(1L);
        } finally {
            plugin.deinit();
        }
    }

    @Test
    void aNewInstanceStartsCountingAgain() throws Exception {
        ExamplePlugin first = (ExamplePlugin) descriptor.newPlugin();
        first.init(new FakeContext(descriptor));
        first.beat();
        first.deinit();

        Plugin second = descriptor.newPlugin();
        second.init(new FakeContext(descriptor));
        second.deinit();

        assertThat(heartbeats().value().get()).isEqualTo(0L);
    }

    @Test
    void duringInitializeItDoesNothing() throws Exception {
        FakeContext context = new FakeContext(descriptor);
        context.initializing = true;
        ExamplePlugin plugin = (ExamplePlugin) descriptor.newPlugin();

        plugin.init(context);
        plugin.deinit();

        assertThat(plugin.running()).isFalse();
        assertThat(context.tables).isEmpty();
        assertThat(context.log).isEmpty();
    }

    private StatusVariableDefinition heartbeats() {
        assertThat(descriptor.statusVariables()).extracting(StatusVariableDefinition::name)
                .containsExactly("Example_heartbeats");
        return descriptor.statusVariables().getFirst();
    }
}
