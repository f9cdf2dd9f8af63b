package dev.doppel.server.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the `mysql` command-line client (Debian's mariadb-client) against a server. */
public final class MysqlCli {
    private MysqlCli() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static String binary() {
        for (String each : new String[] {"/usr/bin/mysql", "/usr/bin/mariadb"}) {
            if (Files.isExecutable(Path.of(each))) {
                return each;
            }
        }
        throw new IllegalStateException("the mysql client is not installed (apt-get install -y mariadb-client)");
    }

    public static Result run(String input, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.add("--no-defaults");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mysql did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
