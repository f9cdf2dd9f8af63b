package dev.doppel.server.config;

import static dev.doppel.server.config.TestEnvironment.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionFileReaderTest {
    @TempDir
    Path dir;

    private final List<ConfigWarning> warnings = new ArrayList<>();

    private List<String> read(Path file) throws ConfigException {
        List<OptionArgument> out = new ArrayList<>();
        new OptionFileReader(Set.of("mysqld", "server", "doppeld"), dir, warnings).read(file, out);
        return out.stream().map(OptionArgument::text).toList();
    }

    @Test
    void readsOnlySelectedGroupsCaseInsensitivelyInFileOrder() throws Exception {
        Path file = write(dir.resolve("my.cnf"),
                "[client]", "port=1111",
                "[MYSQLD]", "port = 3307", "  skip-name-resolve  ",
                "[mysql]", "user=x",
                "[server ]", "max_connections=10",
                "[doppeld]", "port=3308");
        assertThat(read(file)).containsExactly("--port=3307", "--skip-name-resolve", "--max_connections=10",
                "--port=3308");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws Exception {
        Path file = write(dir.resolve("my.cnf"),
                "# comment", "; also a comment", "", "[mysqld]", "   # indented comment",
                "socket=/tmp/a.sock # trailing", "init_connect='SET @a=1 # not a comment'",
                "basedir=/opt/x#y");
        assertThat(read(file)).containsExactly("--socket=/tmp/a.sock", "--init_connect=SET @a=1 # not a comment",
                "--basedir=/opt/x");
    }

    @Test
    void quotesAreRemovedAndEscapesUnescaped() throws Exception {
        Path file = write(dir.resolve("my.cnf"),
                "[mysqld]",
                "a=\"quoted value\"",
                "b='single'",
                "c=\"mismatched'",
                "d=tab\\there\\nnew\\\\back\\sspace\\\"q\\'s\\rcr\\bbs",
                "e=keep\\xunknown",
                "f=trailing\\",
                "g=\"",
                "h =   spaced   ");
        assertThat(read(file)).containsExactly("--a=quoted value", "--b=single", "--c=\"mismatched'",
                "--d=tab\there\nnew\\back space\"q's\rcr\bbs", "--e=keep\\xunknown", "--f=trailing\\", "--g=\"",
                "--h=spaced");
    }

    @Test
    void includeReadsTheFileInPlaceAndIgnoresAMissingOne() throws Exception {
        Path extra = write(dir.resolve("extra.cnf"), "[mysqld]", "port=2");
        Path file = write(dir.resolve("my.cnf"), "[mysqld]", "port=1", "!include " + extra,
                "!include " + dir.resolve("missing.cnf"), "max_connections=5");
        assertThat(read(file)).containsExactly("--port=1", "--port=2", "--max_connections=5");
    }

    @Test
    void includedirReadsCnfFilesInNameOrderOnly() throws Exception {
        Path confd = dir.resolve("conf.d");
        write(confd.resolve("b.cnf"), "[mysqld]", "port=2");
        write(confd.resolve("a.cnf"), "[mysqld]", "port=1");
        write(confd.resolve("c.cnf.bak"), "[mysqld]", "port=3");
        write(confd.resolve("README"), "[mysqld]", "port=4");
        Path file = write(dir.resolve("my.cnf"), "!includedir " + confd + "   ", "[mysqld]", "socket=s");
        assertThat(read(file)).containsExactly("--port=1", "--port=2", "--socket=s");
    }

    @Test
    void missingIncludedirIsFatal() throws Exception {
        Path file = write(dir.resolve("my.cnf"), "!includedir " + dir.resolve("nope"));
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.early()).isTrue();
            assertThat(e.messages()).extracting(ConfigWarning::text).containsExactly(
                    "Can't read dir of '" + dir.resolve("nope") + "' (OS errno 2 - No such file or directory)",
                    "Fatal error in defaults handling. Program aborted!");
        });
    }

    @Test
    void directiveWithoutArgumentIsFatal() throws Exception {
        Path file = write(dir.resolve("my.cnf"), "[mysqld]", "!include   ");
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.messages().get(0)).isEqualTo(ConfigWarning.error(49,
                        "Wrong '!include' directive in config file " + file + " at line 2.")));
    }

    @Test
    void optionWithoutGroupIsFatal() throws Exception {
        Path file = write(dir.resolve("my.cnf"), "# header", "port=3306");
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.messages().get(0)).isEqualTo(ConfigWarning.error(52,
                        "Found option without preceding group in config file " + file + " at line 2.")));
    }

    @Test
    void unterminatedGroupIsFatal() throws Exception {
        Path file = write(dir.resolve("my.cnf"), "[mysqld");
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.messages().get(0).text())
                        .isEqualTo("Wrong group definition in config file " + file + " at line 1."));
    }

    @Test
    void worldWritableFileIsIgnoredWithWarning() throws Exception {
        Path file = write(dir.resolve("my.cnf"), "[mysqld]", "port=1");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(read(file)).isEmpty();
        assertThat(warnings).containsExactly(ConfigWarning.warning(54,
                "World-writable config file '" + file + "' is ignored."));
    }

    @Test
    void includeRecursionStopsAtTenLevels() throws Exception {
        Path file = write(dir.resolve("loop.cnf"), "[mysqld]", "port=1", "!include " + dir.resolve("loop.cnf"));
        assertThat(read(file)).hasSize(11);
        assertThat(warnings).singleElement().extracting(ConfigWarning::code).isEqualTo(50);
    }
}
