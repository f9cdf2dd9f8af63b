package dev.doppel.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * What option processing reads from the machine, injectable so tests never touch /etc or $HOME.
 *
 * @param globalOptionFiles option files read before {@code --defaults-extra-file}, in order
 * @param userOptionFiles option files read after it ({@code ~/.my.cnf})
 * @param hostname the host name (default pid-file and error-log names)
 * @param workingDirectory relative --datadir, --basedir, --defaults-file are resolved against it
 * @param defaultBasedir the installation directory, used when --basedir is not given
 * @param programName argv[0] as mysqld prints it in messages ({@code /opt/doppel/bin/doppeld})
 * @param systemTimeZone {@code @@system_time_zone}
 * @param environment environment variables (MYSQL_GROUP_SUFFIX)
 */
public record ConfigEnvironment(List<Path> globalOptionFiles, List<Path> userOptionFiles, String hostname,
                                Path workingDirectory, Path defaultBasedir, String programName,
                                String systemTimeZone, Map<String, String> environment) {
    public ConfigEnvironment {
        globalOptionFiles = List.copyOf(globalOptionFiles);
        userOptionFiles = List.copyOf(userOptionFiles);
        Objects.requireNonNull(hostname);
        Objects.requireNonNull(workingDirectory);
        Objects.requireNonNull(defaultBasedir);
        Objects.requireNonNull(programName);
        Objects.requireNonNull(systemTimeZone);
        environment = Map.copyOf(environment);
    }

    /**
     * The real machine: mysqld's Unix search order /etc/my.cnf, /etc/mysql/my.cnf, Doppel's
     * /etc/doppel/my.cnf (in the place of mysqld's compiled-in SYSCONFDIR), $MYSQL_HOME/my.cnf, then
     * (after the extra file) ~/.my.cnf. A file listed twice is read at its last position.
     *
     * @param installation the distribution directory (default basedir)
     * @param programName how the launcher was invoked
     */
    public static ConfigEnvironment system(Path installation, String programName) {
        Map<String, String> env = System.getenv();
        List<Path> global = new ArrayList<>(List.of(Path.of("/etc/my.cnf"), Path.of("/etc/mysql/my.cnf"),
                Path.of("/etc/doppel/my.cnf")));
        String mysqlHome = env.get("MYSQL_HOME");
        if (mysqlHome != null && !mysqlHome.isEmpty()) {
            Path file = Path.of(mysqlHome, "my.cnf");
            global.remove(file);
            global.add(file);
        }
        Path home = Path.of(System.getProperty("user.home"), ".my.cnf");
        global.remove(home);
        TimeZone zone = TimeZone.getDefault();
        String systemZone = zone.getDisplayName(zone.inDaylightTime(new Date()), TimeZone.SHORT);
        return new ConfigEnvironment(global, List.of(home), localHostname(), Path.of("").toAbsolutePath(),
                installation, programName, systemZone, env);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
