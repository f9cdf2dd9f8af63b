package dev.doppel.server.it.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The power-loss file system of src/test/resources/powerloss/powerloss_fs.py (Debian's python3-fusepy), mounted for
 * one test: what a program wrote stays in memory until it syncs it, and {@link #cut} throws away what was not synced.
 */
final class PowerLossFs implements AutoCloseable {
    private static final Path PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3")
            : Path.of("python3");

    private final Process process;
    private final Path mountpoint;
    private final BufferedReader answers;
    private final Writer commands;

    private PowerLossFs(Process process, Path mountpoint) {
        this.process = process;
        this.mountpoint = mountpoint;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Why no FUSE file system can be mounted here, if it cannot. */
    static Optional<String> unavailable() throws Exception {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return Optional.of("/dev/fuse is missing");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/fusermount")) && !Files.isExecutable(Path.of("/bin/fusermount"))) {
            return Optional.of("fusermount is missing (Debian: fuse3)");
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import fusepy").redirectErrorStream(true).start();
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            return Optional.of("python3 cannot import fusepy (Debian: python3-fusepy)");
        }
        return Optional.empty();
    }

    /** Mounts the file system at {@code mountpoint}, keeping what is synced in {@code backing}; empty if it fails. */
    static Optional<PowerLossFs> mount(Path backing, Path mountpoint) throws Exception {
        Files.createDirectories(backing);
        Files.createDirectories(mountpoint);
        Process process = new ProcessBuilder(PYTHON.toString(), script().toString(), backing.toString(),
                mountpoint.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PowerLossFs result = new PowerLossFs(process, mountpoint);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(result::answer);
        try {
            if ("mounted".equals(first.get(30, TimeUnit.SECONDS))) {
                return Optional.of(result);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not mounted
        }
        result.close();
        return Optional.empty();
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PowerLossFs.class.getResource("/powerloss/powerloss_fs.py").toURI());
    }

    /** The power goes: everything written and not synced is lost. Stop every writer first (kill -9). */
    void cut() throws IOException {
        command("cut");
    }

    /** As {@link #cut}, but each unsynced 4 KiB page reached the disk before the power went, or not, at random. */
    void cutTorn(long seed) throws IOException {
        command("cut torn " + seed);
    }

    /** How many file and directory syncs the file system has seen. */
    String stats() throws IOException {
        return command("stats");
    }

    private synchronized String command(String line) throws IOException {
        commands.write(line + "\n");
        commands.flush();
        String answer = answer();
        if (answer == null) {
            throw new IOException("the power-loss file system ended");
        }
        return answer;
    }

    private String answer() {
        try {
            return answers.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            commands.write("exit\n");
            commands.flush();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        new ProcessBuilder("fusermount", "-u", "-z", mountpoint.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }
}
