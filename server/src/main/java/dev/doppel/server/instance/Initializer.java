package dev.doppel.server.instance;

import dev.doppel.server.auth.CachingSha2Password;
import dev.doppel.server.auth.KeyMaterial;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.engine.H2Engine;
import dev.doppel.server.security.AccountStore;
import dev.doppel.server.security.Privileges;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * --initialize and --initialize-insecure: a new data directory with the mysql system schema, root@localhost,
 * the system accounts, auto.cnf, TLS and RSA key files, and finally the format marker.
 */
public final class Initializer {
    private static final String PASSWORD_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.-+*;:_!#%&/()=?><";

    private final ErrorLog log;

    public Initializer(ErrorLog log) {
        this.log = log;
    }

    public void initialize(Path datadir, boolean insecure) throws StartupException {
        try {
            if (!DataDirectory.isEmptyOrMissing(datadir)) {
                throw new StartupException(10457, "--initialize specified but the data directory has files in it."
                        + " Aborting.");
            }
        } catch (IOException e) {
            throw new StartupException(13236, "The designated data directory " + datadir + "/ is unusable. You can"
                    + " remove all files that the server added to it. " + e.getMessage(), e);
        }
        try {
            try (DataDirectory directory = DataDirectory.create(datadir);
                 H2Engine engine = H2Engine.create(datadir);
                 Connection connection = engine.maintenanceConnection()) {
                AccountStore.createRoutineGrantsTable(connection);
                AccountStore accounts = new AccountStore(() -> connection);
                Set<String> all = new HashSet<>(Privileges.STATIC.keySet());
                all.addAll(Privileges.DYNAMIC);
                String password = insecure ? "" : generatePassword();
                accounts.create("root", "localhost", CachingSha2Password.PLUGIN_NAME,
                        password.isEmpty() ? "" : CachingSha2Password.storedHash(password), !insecure, false, all);
                for (String system : new String[] {"mysql.infoschema", "mysql.session", "mysql.sys"}) {
                    accounts.create(system, "localhost", CachingSha2Password.PLUGIN_NAME,
                            "$A$005$THISISACOMBINATIONOFINVALIDSALTANDPASSWORDTHATMUSTNEVERBRBEUSED", false, true,
                            system.equals("mysql.session") ? Set.of("SHUTDOWN", "SUPER", "SYSTEM_VARIABLES_ADMIN")
                                    : Set.of());
                }
                KeyMaterial.generate(datadir);
                directory.markInitialized(ServerVersion.VERSION);
                if (insecure) {
                    log.warning(10453, "root@localhost is created with an empty password ! Please consider switching"
                            + " off the --initialize-insecure option.");
                } else {
                    log.note(10454, "A temporary password is generated for root@localhost: " + password);
                }
            }
            dev.doppel.server.engine.store.DirectorySync.syncCreated(datadir);
        } catch (IOException | SQLException | RuntimeException e) {
            removeContents(datadir);
            throw new StartupException(13236, "The designated data directory " + datadir + "/ is unusable. You can"
                    + " remove all files that the server added to it. " + e.getMessage(), e);
        }
    }

    /** A failed --initialize leaves the directory empty again, so it can simply be retried. */
    private static void removeContents(Path datadir) {
        try (var files = Files.walk(datadir)) {
            files.sorted(Comparator.reverseOrder()).filter(each -> !each.equals(datadir)).forEach(each -> {
                try {
                    Files.deleteIfExists(each);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            result.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return result.toString();
    }
}
