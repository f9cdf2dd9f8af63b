package dev.doppel.server.instance;

import dev.doppel.server.config.ServerVersion;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings a data directory written by an older Doppel to this server's format, in place, at startup. Each step
 * takes the directory from one format version to the next; the new version is recorded only once the whole
 * startup succeeded, so an interrupted upgrade runs again at the next start.
 */
public final class Upgrade {
    /** The *_priv columns of mysql.db, as in MySQL 8.4. */
    private static final String DB_PRIVILEGE_COLUMNS = Stream.of("Select", "Insert", "Update", "Delete", "Create",
                    "Drop", "Grant", "References", "Index", "Alter", "Create_tmp_table", "Lock_tables", "Create_view",
                    "Show_view", "Create_routine", "Alter_routine", "Execute", "Event", "Trigger")
            .map(each -> " `" + each + "_priv` ENUM('N','Y') NOT NULL DEFAULT 'N',").collect(Collectors.joining());

    /** The statements that take format {@code index + 1} to {@code index + 2}. */
    private static final List<List<String>> STEPS = List.of(
            List.of("CREATE TABLE IF NOT EXISTS mysql.plugin (name VARCHAR(64) NOT NULL DEFAULT '',"
                    + " dl VARCHAR(128) NOT NULL DEFAULT '', PRIMARY KEY (name))"),
            List.of("CREATE TABLE IF NOT EXISTS mysql.db (`Host` CHAR(255) NOT NULL DEFAULT '',"
                    + " `Db` CHAR(64) NOT NULL DEFAULT '', `User` CHAR(32) NOT NULL DEFAULT '',"
                    + DB_PRIVILEGE_COLUMNS + " PRIMARY KEY (`Host`, `Db`, `User`))",
                    "CREATE TABLE IF NOT EXISTS mysql.tables_priv (`Host` CHAR(255) NOT NULL DEFAULT '',"
                    + " `Db` CHAR(64) NOT NULL DEFAULT '', `User` CHAR(32) NOT NULL DEFAULT '',"
                    + " `Table_name` CHAR(64) NOT NULL DEFAULT '', `Grantor` VARCHAR(288) NOT NULL DEFAULT '',"
                    + " `Timestamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                    + " `Table_priv` VARCHAR(255) NOT NULL DEFAULT '', `Column_priv` VARCHAR(255) NOT NULL DEFAULT '',"
                    + " PRIMARY KEY (`Host`, `Db`, `User`, `Table_name`))"));

    private final DataDirectory directory;
    private final ErrorLog log;
    private final int from;

    public Upgrade(DataDirectory directory, ErrorLog log) throws IOException, StartupException {
        this.directory = directory;
        this.log = log;
        this.from = directory.formatVersion();
        if (from > DataDirectory.FORMAT_VERSION) {
            throw new StartupException(13171, "Cannot boot server version " + ServerVersion.VERSION + " on data"
                    + " directory built by a newer server (format " + from + ", this server writes format "
                    + DataDirectory.FORMAT_VERSION + "). Downgrade is not supported");
        }
    }

    /** Whether this start upgrades the directory (plugins see it as "upgrade in progress"). */
    public boolean needed() {
        return from < DataDirectory.FORMAT_VERSION;
    }

    /** Runs the steps from the directory's format to this server's. */
    public void run(Connection connection) throws SQLException {
        if (!needed()) {
            return;
        }
        log.system(13381, "Server upgrade from '" + from + "' to '" + DataDirectory.FORMAT_VERSION
                + "' started.");
        try (Statement statement = connection.createStatement()) {
            for (int version = Math.max(from, 1); version < DataDirectory.FORMAT_VERSION; version++) {
                for (String each : STEPS.get(version - 1)) {
                    statement.execute(each);
                }
            }
        }
    }

    /** Records the new format once the server has started on it. */
    public void complete() throws IOException {
        if (!needed()) {
            return;
        }
        directory.markInitialized(ServerVersion.VERSION);
        log.system(13381, "Server upgrade from '" + from + "' to '" + DataDirectory.FORMAT_VERSION
                + "' completed.");
    }
}
