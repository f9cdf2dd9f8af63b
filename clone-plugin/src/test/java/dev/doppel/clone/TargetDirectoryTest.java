package dev.doppel.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.plugin.MySqlException;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void checksComeInMySqlsOrderAndEchoThePathAsTyped() throws Exception {
        Path datadir = Files.createDirectories(temp.resolve("data"));
        assertRefused("rel/../x", datadir, 1525, "Incorrect path value: 'rel/../x'");
        assertRefused("", datadir, 1525, "Incorrect path value: ''");
        // too long wins over "exists" and "inside the data directory"
        assertRefused(datadir + "/" + "y".repeat(600), datadir, 1680,
                "The path specified for DATA DIRECTORY is too long.");
        assertRefused(datadir.toString(), datadir, 1007, "Can't create database '" + datadir + "'; database exists");
        assertRefused(datadir + "/a/../b", datadir, 3632, "Path is within the current data directory '" + datadir
                + "/a/../b'");
        Path link = Files.createSymbolicLink(temp.resolve("link"), datadir);
        assertRefused(link + "/copy", datadir, 3632, "Path is within the current data directory '" + link + "/copy'");
        assertThat(TargetDirectory.validate(temp + "/new/deeper", datadir)).isEqualTo(temp.resolve("new/deeper"));
    }

    @Test
    void aPathOf510CharactersPassesAnd511IsTooLong() {
        Path datadir = temp.resolve("data");
        String base = temp + "/";
        String ok = base + "z".repeat(510 - base.length());
        assertThat(TargetDirectory.validate(ok, datadir)).isNotNull();
        assertRefused(ok + "z", datadir, 1680, "The path specified for DATA DIRECTORY is too long.");
    }

    private static void assertRefused(String typed, Path datadir, int number, String message) {
        assertThatThrownBy(() -> TargetDirectory.validate(typed, datadir)).as(typed)
                .isInstanceOfSatisfying(MySqlException.class, e -> {
                    assertThat(e.number()).isEqualTo(number);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
