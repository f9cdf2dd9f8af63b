package dev.doppel.server.engine;

import dev.doppel.server.engine.aggregate.BitAggregate;
import dev.doppel.server.engine.aggregate.GroupConcat;
import dev.doppel.server.engine.binary.MySqlAes;
import dev.doppel.server.engine.binary.MySqlBinaryStrings;
import dev.doppel.server.engine.binary.MySqlBitOperators;
import dev.doppel.server.engine.binary.MySqlInet6;
import dev.doppel.server.engine.binary.MySqlUuids;
import dev.doppel.server.engine.collation.EngineCollation;
import dev.doppel.server.engine.store.DirectorySync;
import dev.doppel.server.engine.store.DiskSpace;
import dev.doppel.server.engine.store.CommitGate;
import dev.doppel.server.engine.store.EngineStoreCommits;
import dev.doppel.server.engine.store.GroupCommit;
import dev.doppel.server.engine.store.RedoRecovery;
import dev.doppel.server.engine.store.StoreOpening;
import dev.doppel.server.engine.store.SpaceWaitingFileSystem;
import dev.doppel.server.engine.store.H2SpaceReclaimer;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The default engine: one embedded H2 (MVStore) database file in the data directory holding every schema,
 * the {@code mysql} system schema included. A connection is kept open for the server's lifetime so the
 * database stays open between sessions.
 *
 * <p>Two kinds of engine user (docs/security.md, "The second wall"): the server's own maintenance runs as the engine's
 * administrator, through {@link #maintenanceConnection()}, which no client statement reaches; the sessions run as
 * {@link EngineUsers#CLIENT}, which may create, change and drop schemas and their objects and read and write their
 * rows, and nothing more: no Java code, no files, no SCRIPT or BACKUP, no linked tables, no engine settings.
 */
public final class H2Engine implements StorageEngine {
    public static final String FILE_NAME = "doppel";
    public static final String FILE_SUFFIX = ".mv.db";

    // Durability comes from flush(), which the server calls after every commit and before its OK (GroupCommit). H2's
    // own write on each commit (WRITE_DELAY=0) is not used: the committing threads then wrote one chunk each, one after
    // the other; with flush() alone, a chunk written for one commit also holds every commit that finished meanwhile.
    // REUSE_SPACE=FALSE: every chunk goes to the end of the file, from the moment the store opens (see the constructor). WRITE_DELAY at its maximum keeps the
    // background writer from ever committing (every store commit must go through the CommitGate); set in the URL, so
    // that its thread and the store's save threads are never restarted while the store has writes pending. AUTO_COMPACT_FILL_RATE=0: nothing else rewrites the file while the server runs. PAGE_SIZE=4096 (H2: 16384) splits B-tree pages
    // smaller: each commit rewrites the pages it touched, and with smaller pages that is 4 times fewer bytes.
    // Measured with sysbench oltp_write_only, 8 threads: about 950 -> 550 us of server CPU per transaction.
    private static final String SETTINGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";WRITE_DELAY=2147483647;AUTO_COMPACT_FILL_RATE=0;PAGE_SIZE=4096;REUSE_SPACE=FALSE"
            + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;TRACE_LEVEL_FILE=0";

    /** The methods of {@link JsonFunctions}, each registered as PUBLIC.MYSQL_JSON_<name>. */
    public static final List<String> JSON_FUNCTIONS = List.of("extract", "unquote", "quote", "object", "array", "cast",
            "valid", "type", "depth", "length", "keys", "contains", "containsPath", "set", "insert", "replace",
            "arrayAppend", "remove");

    /** Engine name, Java method, and "d" when deterministic: more of MySQL's functions (see EngineSql). */
    private static final List<String[]> MYSQL_FUNCTIONS = List.of(
            function("MYSQL_LENGTH", MySqlStringFunctions.class, "length", true),
            function("MYSQL_MD5", MySqlStringFunctions.class, "md5", true),
            function("MYSQL_SHA1", MySqlStringFunctions.class, "sha1", true),
            function("MYSQL_SHA2", MySqlStringFunctions.class, "sha2", true),
            function("MYSQL_CRC32", MySqlStringFunctions.class, "crc32", true),
            function("MYSQL_UUID_TO_BIN", MySqlUuids.class, "uuidToBin", true),
            // the session's block_encryption_mode decides: never folded into a prepared statement
            function("MYSQL_AES_ENCRYPT", MySqlAes.class, "encrypt", false),
            function("MYSQL_AES_DECRYPT", MySqlAes.class, "decrypt", false),
            function("MYSQL_BIN_TO_UUID", MySqlUuids.class, "binToUuid", true),
            function("MYSQL_IS_UUID", MySqlUuids.class, "isUuid", true),
            // not folded into a prepared statement: the warning for what is no address belongs to each execution
            function("MYSQL_INET6_ATON", MySqlInet6.class, "inet6Aton", false),
            function("MYSQL_INET6_NTOA", MySqlInet6.class, "inet6Ntoa", false),
            function("MYSQL_IS_IPV4", MySqlInet6.class, "isIpv4", true),
            function("MYSQL_IS_IPV6", MySqlInet6.class, "isIpv6", true),
            function("MYSQL_IS_IPV4_COMPAT", MySqlInet6.class, "isIpv4Compat", true),
            function("MYSQL_IS_IPV4_MAPPED", MySqlInet6.class, "isIpv4Mapped", true),
            function("MYSQL_HEX", MySqlStringFunctions.class, "hex", true),
            function("MYSQL_UNHEX", MySqlStringFunctions.class, "unhex", true),
            function("MYSQL_QUOTE", MySqlStringFunctions.class, "quote", true),
            function("MYSQL_CONV", MySqlStringFunctions.class, "conv", true),
            function("MYSQL_BIN", MySqlStringFunctions.class, "bin", true),
            function("MYSQL_OCT", MySqlStringFunctions.class, "oct", true),
            function("MYSQL_STRCMP", MySqlStringFunctions.class, "strcmp", true),
            function("MYSQL_ORD", MySqlStringFunctions.class, "ord", true),
            function("MYSQL_MAKE_SET", MySqlStringFunctions.class, "makeSet", true),
            function("MYSQL_EXPORT_SET", MySqlStringFunctions.class, "exportSet", true),
            function("MYSQL_TO_BASE64", dev.doppel.server.engine.binary.MySqlEncodings.class, "toBase64", true),
            function("MYSQL_FROM_BASE64", dev.doppel.server.engine.binary.MySqlEncodings.class, "fromBase64", true),
            function("MYSQL_RANDOM_BYTES", dev.doppel.server.engine.binary.MySqlEncodings.class, "randomBytes", false),
            function("MYSQL_CHAR", dev.doppel.server.engine.binary.MySqlCharFunction.class, "bytesOf", true),
            function("MYSQL_CHAR_USING", dev.doppel.server.engine.binary.MySqlCharFunction.class, "textOf", true),
            function("MYSQL_STATEMENT_DIGEST_TEXT", MySqlFunctions.class, "statementDigestText", true),
            function("MYSQL_STATEMENT_DIGEST", MySqlFunctions.class, "statementDigest", true),
            function("MYSQL_FORMAT_PICO_TIME", MySqlFunctions.class, "formatPicoTime", true),
            function("MYSQL_FORMAT_BYTES", MySqlFunctions.class, "formatBytes", true),
            function("MYSQL_ISNULL", MySqlFunctions.class, "isNullFunction", true),
            function("MYSQL_SUBSTRING_INDEX", MySqlStringFunctions.class, "substringIndex", true),
            function("MYSQL_FIELD", MySqlStringFunctions.class, "field", true),
            function("MYSQL_ELT", MySqlStringFunctions.class, "elt", true),
            function("MYSQL_FORMAT", MySqlStringFunctions.class, "format", true),
            function("MYSQL_INET_ATON", MySqlStringFunctions.class, "inetAton", true),
            function("MYSQL_INET_NTOA", MySqlStringFunctions.class, "inetNtoa", true),
            function("MYSQL_UTC_TIMESTAMP", MySqlTimeFunctions.class, "utcTimestamp", false),
            function("MYSQL_EXTRACT", MySqlTimeFunctions.class, "extract", true),
            function("MYSQL_INTERVAL", MySqlArithmetic.class, "interval", true),
            function("MYSQL_CI_FOLD", dev.doppel.server.engine.collation.MySqlWeights.class, "fold", true),
            function("MYSQL_LIKE", dev.doppel.server.engine.collation.MySqlLike.class, "like", true),
            function("MYSQL_CHARSET", dev.doppel.server.engine.collation.MySqlCollations.class, "charset", true),
            function("MYSQL_COLLATION", dev.doppel.server.engine.collation.MySqlCollations.class, "collation", true),
            function("MYSQL_COERCIBILITY", dev.doppel.server.engine.collation.MySqlCollations.class, "coercibility",
                    true),
            // warn of text that is no date at each run: never folded
            function("MYSQL_CAST_DATE", dev.doppel.server.engine.time.MySqlDateCasts.class, "date", false),
            function("MYSQL_CAST_DATETIME", dev.doppel.server.engine.time.MySqlDateCasts.class, "datetime", false),
            function("MYSQL_NUMBER_DATETIME", dev.doppel.server.engine.time.MySqlDateCasts.class, "numberDatetime",
                    false),
            // x % 0: warns each time it runs, never folded
            function("MYSQL_ZERO_DIVISOR", MySqlArithmetic.class, "zeroDivisor", false),
            // a partitioned table's CHECK: never folded, it raises MySQL's errors for the row being written
            function("MYSQL_PARTITION_CHECK", dev.doppel.server.engine.partitions.PartitionCheck.class, "check", false),
            function("MYSQL_UTC_DATE", MySqlTimeFunctions.class, "utcDate", false),
            function("MYSQL_UTC_TIME", MySqlTimeFunctions.class, "utcTime", false),
            function("MYSQL_SYSDATE", MySqlTimeFunctions.class, "sysdate", false),
            function("MYSQL_DATEDIFF", MySqlTimeFunctions.class, "datediff", true),
            function("MYSQL_TIME_TO_SEC", MySqlTimeFunctions.class, "timeToSec", true),
            function("MYSQL_TO_DAYS", MySqlTimeFunctions.class, "toDays", true),
            function("MYSQL_TO_SECONDS", MySqlTimeFunctions.class, "toSeconds", true),
            function("MYSQL_FROM_DAYS", MySqlTimeFunctions.class, "fromDays", true),
            function("MYSQL_MAKEDATE", MySqlTimeFunctions.class, "makedate", true),
            function("MYSQL_MAKETIME", MySqlTimeFunctions.class, "maketime", true),
            function("MYSQL_SEC_TO_TIME", MySqlTimeFunctions.class, "secToTime", true),
            function("MYSQL_TIMEDIFF", MySqlTimeFunctions.class, "timediff", true),
            function("MYSQL_ADDTIME", MySqlTimeFunctions.class, "addtime", true),
            function("MYSQL_SUBTIME", MySqlTimeFunctions.class, "subtime", true),
            function("MYSQL_PERIOD_ADD", MySqlTimeFunctions.class, "periodAdd", true),
            function("MYSQL_PERIOD_DIFF", MySqlTimeFunctions.class, "periodDiff", true),
            function("MYSQL_WEEKDAY", MySqlTimeFunctions.class, "weekday", true),
            function("MYSQL_WEEK", MySqlTimeFunctions.class, "week", true),
            function("MYSQL_YEARWEEK", MySqlTimeFunctions.class, "yearweek", true),
            function("MYSQL_MICROSECOND", MySqlTimeFunctions.class, "microsecond", true),
            function("MYSQL_STR_TO_DATE", MySqlDateParsing.class, "strToDate", true),
            function("MYSQL_STR_TO_TIME", MySqlDateParsing.class, "strToTime", true),
            function("MYSQL_STR_TO_DATETIME", MySqlDateParsing.class, "strToDatetime", true),
            function("MYSQL_CONVERT_TZ", MySqlTimeFunctions.class, "convertTz", true),
            function("MYSQL_UUID", MySqlTimeFunctions.class, "uuid", false),
            function("SLEEP", MySqlFunctions.class, "sleep", false),
            function("MYSQL_LOG2", MySqlFunctions.class, "log2", true),
            function("MYSQL_CTE_DEPTH", MySqlRecursion.class, "cteDepth", false),
            function("MYSQL_LOAD_FILE", MySqlFiles.class, "loadFile", false),
            function("MYSQL_REPEAT", MySqlPadding.class, "repeat", false),
            function("MYSQL_SPACE", MySqlPadding.class, "space", false),
            function("MYSQL_LPAD", MySqlPadding.class, "lpad", false),
            function("MYSQL_RPAD", MySqlPadding.class, "rpad", false),
            function("MYSQL_REPLACE", MySqlStringFunctions.class, "replace", false),
            function("MYSQL_INSERT", MySqlStringFunctions.class, "insert", false),
            function("MYSQL_CONCAT_WS", MySqlStringFunctions.class, "concatWs", false),
            function("MYSQL_TEXT_FOR", MySqlStringFunctions.class, "textFor", false),
            function("MYSQL_REGEXP_REPLACE", MySqlRegexp.class, "replace", false),
            function("MYSQL_GROUP_CONCAT_CUT", MySqlGroupConcat.class, "cut", false),
            function("MYSQL_REVERSE", MySqlStringFunctions.class, "reverse", true),
            function("MYSQL_BIN_CONCAT", MySqlBinaryStrings.class, "concat", false),
            function("MYSQL_BIN_CONCAT_WS", MySqlBinaryStrings.class, "concatWs", false),
            function("MYSQL_BIN_LEFT", MySqlBinaryStrings.class, "left", true),
            function("MYSQL_BIN_RIGHT", MySqlBinaryStrings.class, "right", true),
            function("MYSQL_BIN_REPEAT", MySqlBinaryStrings.class, "repeat", false),
            function("MYSQL_BIN_LPAD", MySqlBinaryStrings.class, "lpad", false),
            function("MYSQL_BIN_RPAD", MySqlBinaryStrings.class, "rpad", false),
            function("MYSQL_BIN_REPLACE", MySqlBinaryStrings.class, "replace", false),
            function("MYSQL_BIN_INSERT", MySqlBinaryStrings.class, "insert", false),
            function("MYSQL_BIN_SUBSTRING_INDEX", MySqlBinaryStrings.class, "substringIndex", true),
            function("MYSQL_BIN_REVERSE", MySqlBinaryStrings.class, "reverse", true),
            function("MYSQL_BIN_SAME_CASE", MySqlBinaryStrings.class, "sameCase", true),
            function("MYSQL_BIN_TRIM", MySqlBinaryStrings.class, "trim", true),
            function("MYSQL_BIN_LTRIM", MySqlBinaryStrings.class, "ltrim", true),
            function("MYSQL_BIN_RTRIM", MySqlBinaryStrings.class, "rtrim", true),
            function("MYSQL_BIN_ELT", MySqlBinaryStrings.class, "elt", true),
            function("MYSQL_BIT_AND", MySqlBitOperators.class, "and", true),
            function("MYSQL_BIT_OR", MySqlBitOperators.class, "or", true),
            function("MYSQL_BIT_XOR", MySqlBitOperators.class, "xor", true),
            function("MYSQL_BIT_NOT", MySqlBitOperators.class, "not", true),
            function("MYSQL_BIT_SHIFT_LEFT", MySqlBitOperators.class, "shiftLeft", true),
            function("MYSQL_BIT_SHIFT_RIGHT", MySqlBitOperators.class, "shiftRight", true),
            function("MYSQL_BIT_COUNT", MySqlFunctions.class, "bitCount", true),
            function("MYSQL_GET_LOCK", MySqlLockFunctions.class, "getLock", false),
            function("MYSQL_RELEASE_LOCK", MySqlLockFunctions.class, "releaseLock", false),
            function("MYSQL_IS_FREE_LOCK", MySqlLockFunctions.class, "isFreeLock", false),
            function("MYSQL_IS_USED_LOCK", MySqlLockFunctions.class, "isUsedLock", false),
            function("MYSQL_RELEASE_ALL_LOCKS", MySqlLockFunctions.class, "releaseAllLocks", false));

    private static String[] function(String name, Class<?> owner, String method, boolean deterministic) {
        return new String[] {name, owner.getName() + "." + method, deterministic ? "d" : ""};
    }

    private static final int COMPACT_MILLIS = 5000;
    /** The redo log is on unless {@code -Ddoppel.redo-log=off} (for comparing the two in benchmarks). */
    private static final boolean REDO_LOG = !"off".equalsIgnoreCase(System.getProperty("doppel.redo-log"));
    /** Below this the file is left as it is: compacting costs startup time and saves little. */
    private static final long COMPACT_ABOVE_BYTES = 16L << 20;

    static {
        EngineProperties.apply();
    }

    private final String url;
    private final String clientUrl;
    private final Path file;
    private final Properties credentials = new Properties();
    private final Properties clientCredentials;
    private final Connection keepOpen;
    private final org.h2.mvstore.db.Store store;
    private final H2SpaceReclaimer reclaimer;
    private final GroupCommit commits;
    /** Keeps store commits out of statements' writes and transactions' commits (see {@link GatedConnections}). */
    private final CommitGate gate = new CommitGate();
    private final DiskSpace space;
    /** What the redo log put back at this start, for the error log; null after a clean shutdown. */
    private String recovered;

    private H2Engine(Path datadir, boolean create) throws SQLException {
        EngineCollation.requireProvider();
        this.file = datadir.toAbsolutePath().resolve(FILE_NAME + FILE_SUFFIX);
        this.url = SpaceWaitingFileSystem.urlPrefix() + datadir.toAbsolutePath().resolve(FILE_NAME) + SETTINGS
                + (create ? "" : ";IFEXISTS=TRUE");
        // The database settings above are the administrator's to give when it opens the database; a client
        // connection that named them would run SET for each, which needs administrator rights.
        this.clientUrl = SpaceWaitingFileSystem.urlPrefix() + datadir.toAbsolutePath().resolve(FILE_NAME) + ";IFEXISTS=TRUE";
        credentials.setProperty("user", EngineUsers.ADMINISTRATOR);
        credentials.setProperty("password", "");
        this.keepOpen = openReplayingLog(datadir.toAbsolutePath(), create);
        // looked up once: flush() runs before every commit's OK
        this.store = storeOf(keepOpen);
        // MVStore writes a commit into free space inside the file when it can, and after kill -9 it found only
        // chunks at the end of the file: a lone commit after a restart was lost (measured). So new chunks always
        // go to the end; H2SpaceReclaimer gives the dead space back, here at startup and then while the server runs.
        // REUSE_SPACE=FALSE in the URL turns reuse off as soon as the store is open, before H2 rolls back what a crash
        // left open; set here again because the reclaimer turns it on and off.
        org.h2.mvstore.MVStore mvStore = store().getMvStore();
        mvStore.setReuseSpace(false);
        EngineStoreCommits.turnOff(mvStore);
        try {
            // the unsaved bytes are an int that the engine lets run past its range on a statement of over 2 GB
            this.space = new DiskSpace(datadir.toAbsolutePath(), () -> Integer.toUnsignedLong(mvStore.getUnsavedMemory()));
        } catch (IOException e) {
            throw new SQLException("cannot read the free space of " + datadir, e);
        }
        this.reclaimer = new H2SpaceReclaimer(mvStore, true, space::usable, gate);
        try {
            this.commits = new GroupCommit(mvStore, reclaimer.layout().readLock(), file, gate, () -> !space.hasRoom(),
                    REDO_LOG ? datadir.toAbsolutePath() : null, () -> space.usable() - DiskSpace.RESERVE_BYTES);
        } catch (IOException e) {
            throw new SQLException("cannot open " + file + " to sync it", e);
        }
        // compacting moves chunks through free space: with less than the file's size free it is left for later
        long fileSize = mvStore.getFileStore().size();
        if (!create && fileSize > COMPACT_ABOVE_BYTES && space.usable() > fileSize + DiskSpace.RESERVE_BYTES) {
            reclaimer.layout().writeLock().lock();
            try {
                reclaimer.reclaim(COMPACT_MILLIS);
            } finally {
                reclaimer.layout().writeLock().unlock();
            }
        }
        // only now: a write before setReuseSpace(false) could land in free space inside the file, where recovery
        // after kill -9 does not find it (measured: "Chunk 4 not found" at the next start)
        this.clientCredentials = EngineUsers.renewClient(keepOpen);
        commits.writeAndSyncAll();
        // the file's name in its directory must survive a power cut too: it was created by --initialize or a clone
        DirectorySync.sync(datadir.toAbsolutePath());
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.FIND_IN_SET DETERMINISTIC FOR \""
                    + MySqlFunctions.class.getName() + ".findInSet\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_CONCAT DETERMINISTIC FOR \""
                    + MySqlFunctions.class.getName() + ".concat\"");
            for (String[] each : MYSQL_FUNCTIONS) {
                statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC." + each[0] + (each[2].isEmpty() ? "" : " DETERMINISTIC")
                        + " FOR \"" + each[1] + "\"");
            }
            // made anew at every start, so that it names the class of this build (a view that uses it compiles
            // again when next read)
            statement.execute("DROP AGGREGATE IF EXISTS PUBLIC.MYSQL_GROUP_CONCAT");
            statement.execute("CREATE AGGREGATE PUBLIC.MYSQL_GROUP_CONCAT FOR \"" + GroupConcat.class.getName() + "\"");
            for (Class<?> each : List.of(BitAggregate.And.class, BitAggregate.Or.class, BitAggregate.Xor.class)) {
                String name = "PUBLIC.MYSQL_BIT_" + each.getSimpleName().toUpperCase(java.util.Locale.ROOT) + "_AGG";
                statement.execute("DROP AGGREGATE IF EXISTS " + name);
                statement.execute("CREATE AGGREGATE " + name + " FOR \"" + each.getName() + "\"");
            }
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.DATE_FORMAT DETERMINISTIC FOR \""
                    + MySqlFunctions.class.getName() + ".dateFormat\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_DIVIDE FOR \""
                    + MySqlArithmetic.class.getName() + ".divide\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_DIVIDE_EXACT FOR \""
                    + MySqlArithmetic.class.getName() + ".divideExact\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_MATCH FOR \""
                    + dev.doppel.server.engine.fulltext.FulltextSearch.class.getName() + ".match\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_INTEGER_DIVIDE FOR \""
                    + MySqlArithmetic.class.getName() + ".integerDivide\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_TEXT_NUMBER FOR \""
                    + MySqlArithmetic.class.getName() + ".textNumber\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_TEXT_INTEGER FOR \""
                    + MySqlArithmetic.class.getName() + ".textInteger\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_TEXT_DECIMAL FOR \""
                    + MySqlArithmetic.class.getName() + ".textDecimal\"");
            statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC.MYSQL_LAST_INSERT_ID FOR \""
                    + MySqlArithmetic.class.getName() + ".lastInsertId\"");
            for (String[] each : dev.doppel.server.engine.program.StoredFunctionCalls.ALIASES) {
                statement.execute("CREATE ALIAS IF NOT EXISTS PUBLIC." + each[0] + " FOR \""
                        + dev.doppel.server.engine.program.StoredFunctionCalls.class.getName() + "." + each[1] + "\"");
            }
            for (String each : JSON_FUNCTIONS) {
                statement.execute("CREATE ALIAS IF NOT EXISTS " + JsonFunctions.alias(each) + " DETERMINISTIC FOR \""
                        + JsonFunctions.class.getName() + "." + each + "\"");
            }
        }
    }

    /**
     * Opens the database; after a crash, first puts back the commits the redo log holds beyond the store's file
     * ({@link RedoRecovery}), stores them, and opens the database again, so that the engine's tables read their row
     * counts and next row ids from the store as it now is.
     */
    private Connection openReplayingLog(Path datadir, boolean create) throws SQLException {
        RedoRecovery recovery;
        try {
            recovery = create ? null : RedoRecovery.read(datadir, file);
        } catch (Exception e) {
            throw new SQLException("cannot read the redo log in " + datadir + ": " + e, e);
        }
        Connection connection = StoreOpening.open(url, credentials);
        if (recovery == null || recovery.commits() == 0) {
            return connection;
        }
        org.h2.mvstore.db.Store opened = storeOf(connection);
        org.h2.mvstore.MVStore mvStore = opened.getMvStore();
        mvStore.setReuseSpace(false);
        EngineStoreCommits.turnOff(mvStore);
        long changes = recovery.replay(mvStore, opened.getTransactionStore());
        recovered = "The server was not shut down normally: the redo log put " + recovery.commits() + " commits ("
                + changes + " changes) back into the store.";
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        return StoreOpening.open(url, credentials);
    }

    /** What the redo log put back into the store at this start, or null when the server had been shut down cleanly. */
    public String recovered() {
        return recovered;
    }

    /** Opens the engine of an initialized data directory. */
    public static H2Engine open(Path datadir) throws SQLException {
        return new H2Engine(datadir, false);
    }

    /** Creates the database of a new data directory with the mysql system schema. */
    public static H2Engine create(Path datadir) throws SQLException {
        H2Engine result = new H2Engine(datadir, true);
        try (Statement statement = result.keepOpen.createStatement()) {
            statement.execute(EngineCollation.SET_STATEMENT);
            for (String each : systemSchemaStatements()) {
                if (!each.isBlank()) {
                    statement.execute(each);
                }
            }
        }
        return result;
    }

    public static boolean exists(Path datadir) {
        return Files.exists(datadir.resolve(FILE_NAME + FILE_SUFFIX));
    }

    /**
     * H2 acknowledges a commit before its MVStore has written it (even with WRITE_DELAY=0 a commit followed by nothing
     * else was lost to kill -9, measured). Committing the MVStore writes the pending chunk, and syncing the file puts
     * it on stable storage; {@link GroupCommit} does both as innodb_flush_log_at_trx_commit says, one write and one sync
     * for all the commits that wait at the same time.
     */
    @Override
    public void flush() {
        try {
            commits.committed();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot write the database file: " + e.getMessage(), e);
        }
    }

    @Override
    public long syncs() {
        return commits.syncs();
    }

    @Override
    public void requireSpaceForWrites(java.util.function.Supplier<String> table) {
        space.requireRoom(table);
    }

    @Override
    public boolean hasRoomForWrites() {
        return space.hasRoom();
    }

    @Override
    public void durability(java.util.function.IntSupplier flushAtCommit, java.util.function.IntSupplier flushTimeoutSeconds) {
        commits.settings(flushAtCommit, flushTimeoutSeconds);
    }

    @Override
    public boolean hasUncommittedChanges(Connection connection) {
        return ((SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession()).hasPendingTransaction();
    }

    @Override
    public List<dev.doppel.server.engine.plan.PlannedAccess> plan(Connection connection, String engineSql)
            throws SQLException {
        return dev.doppel.server.engine.plan.EnginePlans.of(
                (SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession(), engineSql);
    }

    @Override
    public void statementsEnded(Connection connection) {
        H2RollbackMark.clear((SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession());
    }

    @Override
    public void statementTimeout(Connection connection, int millis) {
        ((SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession()).setQueryTimeout(millis);
    }

    @Override
    public void lockTimeout(Connection connection, int millis) {
        ((SessionLocal) ((JdbcConnection) GatedConnections.physical(connection)).getSession()).setLockTimeout(millis);
    }

    private org.h2.mvstore.db.Store store() {
        return store;
    }

    private static org.h2.mvstore.db.Store storeOf(Connection connection) {
        Session session = ((JdbcConnection) GatedConnections.physical(connection)).getSession();
        return ((SessionLocal) session).getDatabase().getStore();
    }

    @Override
    public dev.doppel.plugin.StorageSnapshot snapshot() throws IOException {
        return new H2Snapshot(file, store().getMvStore(), reclaimer, gate);
    }

    @Override
    public Connection connect() throws SQLException {
        return GatedConnections.wrap(DriverManager.getConnection(clientUrl, clientCredentials), gate, commits);
    }

    @Override
    public Connection maintenanceConnection() throws SQLException {
        return GatedConnections.wrap(DriverManager.getConnection(url, credentials), gate, commits);
    }

    @Override
    public void close() {
        reclaimer.close();
        try {
            commits.writeAndSyncAll();
            commits.logNoLongerNeeded();
        } catch (RuntimeException e) {
            // SHUTDOWN below writes what it can; a store that cannot be written is reported by the next start, and
            // the redo log stays for it
        }
        commits.close();
        // SHUTDOWN commits what is left and writes the store: alone, as every store commit
        gate.storing(() -> {
            try (Statement statement = keepOpen.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already closed
            }
            return null;
        });
    }

    private static String[] systemSchemaStatements() {
        try (InputStream in = H2Engine.class.getResourceAsStream("system-schema.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("(?m)^--.*$", "").split(";\\s*\\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
