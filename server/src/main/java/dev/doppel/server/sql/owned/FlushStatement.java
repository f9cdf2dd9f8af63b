package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * FLUSH [NO_WRITE_TO_BINLOG | LOCAL] option [, option] ... with MySQL 8.4's options, and COM_REFRESH (mysqladmin refresh):
 * <ul>
 *   <li>PRIVILEGES reads the grant tables again; on a server started with --skip-grant-tables it turns the privilege
 *       system on (new connections authenticate again, account statements work);</li>
 *   <li>LOGS closes and reopens the error log, the general and the slow query log, ERROR LOGS, GENERAL LOGS and
 *       SLOW LOGS each one of them, so that a log rotated away by renaming is written anew; BINARY, ENGINE and RELAY
 *       LOGS have no file to reopen here (there is no binary or relay log, and the engine's log is its data
 *       file);</li>
 *   <li>STATUS sets Max_used_connections to the connections open now and the session's statement counters to 0
 *       (the global counters already hold the session's counts, as MySQL's do after FLUSH STATUS);</li>
 *   <li>USER_RESOURCES (and PRIVILEGES) start the accounts' hourly counts again (instance.AccountUsage);</li>
 *   <li>TABLES [t, ...]: there is no cache of open tables to close, and every committed change is already in the
 *       data file; OPTIMIZER_COSTS has nothing to reload either.</li>
 * </ul>
 * Each option needs RELOAD or its dynamic privilege (FLUSH_PRIVILEGES, FLUSH_STATUS, FLUSH_TABLES,
 * FLUSH_OPTIMIZER_COSTS, FLUSH_USER_RESOURCES), all checked before any option runs. FLUSH TABLES WITH READ LOCK (RELOAD)
 * takes the global read lock (instance.GlobalReadLock) until UNLOCK TABLES or the session's end; with a list of
 * tables, and FOR EXPORT, it is not supported yet (1235). FLUSH HOSTS is a syntax error (1064), as in 8.4, which removed
 * it in 8.3 (its mysqladmin sends TRUNCATE TABLE performance_schema.host_cache instead).
 */
public final class FlushStatement {
    private static final List<String> LOG_KINDS = List.of("BINARY", "ENGINE", "ERROR", "GENERAL", "RELAY", "SLOW");
    private static final List<String> SINGLE = List.of("LOGS", "PRIVILEGES", "OPTIMIZER_COSTS", "STATUS", "USER_RESOURCES");

    private final Session session;

    public FlushStatement(Session session) {
        this.session = session;
    }

    /**
     * The options of a FLUSH statement (upper case, "ERROR LOGS" as one); 1064 at the first word that is none,
     * 1235 for the forms not supported yet.
     */
    static List<String> options(String sql, List<Token> tokens) {
        int index = 1;
        if (index < tokens.size() && (tokens.get(index).isWord("NO_WRITE_TO_BINLOG") || tokens.get(index).isWord("LOCAL"))) {
            index++;
        }
        int end = tokens.size();
        if (index < end && (tokens.get(index).isWord("TABLES") || tokens.get(index).isWord("TABLE"))) {
            return List.of(tablesOption(sql, tokens, index + 1));
        }
        List<String> options = new ArrayList<>();
        do {
            Token word = index < end ? tokens.get(index) : null;
            if (word != null && index + 1 < end && LOG_KINDS.contains(word.upper()) && tokens.get(index + 1).isWord("LOGS")) {
                options.add(word.upper() + " LOGS");
                index += 2;
                if (word.isWord("RELAY") && index + 2 < end && tokens.get(index).isWord("FOR")
                        && tokens.get(index + 1).isWord("CHANNEL")) {
                    index += 3;
                }
            } else if (word != null && SINGLE.contains(word.upper())) {
                options.add(word.upper());
                index++;
            } else {
                throw Lexer.syntaxError(sql, word != null ? word.start() : sql.length());
            }
            if (index < end && !tokens.get(index).isSymbol(",")) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
        } while (index++ < end);
        return options;
    }

    /**
     * FLUSH TABLES [[db.]t, ...] [WITH READ LOCK]: "TABLES" for the plain form, "TABLES WITH READ LOCK" for the global
     * read lock; 1235 for a list of tables WITH READ LOCK and for FOR EXPORT, which are not supported yet.
     */
    private static String tablesOption(String sql, List<Token> tokens, int index) {
        int first = index;
        boolean nameExpected = false;
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            if (!nameExpected && token.isWord("WITH") && index == first && index + 3 == tokens.size()
                    && tokens.get(index + 1).isWord("READ") && tokens.get(index + 2).isWord("LOCK")) {
                return "TABLES WITH READ LOCK";
            }
            if (!nameExpected && (token.isWord("WITH") || token.isWord("FOR"))) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.exception(token.isWord("WITH") ? "FLUSH TABLES tbl_name WITH READ LOCK"
                        : "FLUSH TABLES FOR EXPORT");
            }
            if (!token.isIdentifier()) {
                throw Lexer.syntaxError(sql, token.start());
            }
            index++;
            if (index + 1 < tokens.size() && tokens.get(index).isSymbol(".") && tokens.get(index + 1).isIdentifier()) {
                index += 2;
            }
            nameExpected = index < tokens.size() && tokens.get(index).isSymbol(",");
            index += nameExpected ? 1 : 0;
        }
        if (nameExpected) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        return "TABLES";
    }

    public void execute(String sql, List<Token> tokens) {
        List<String> options = options(sql, tokens);
        for (String each : options) {
            requirePrivilege(each);
        }
        for (String each : options) {
            run(each, sql);
        }
    }

    /** COM_REFRESH: its bits name what FLUSH would (grants 1, logs 2, tables 4, hosts 8, status 16, threads 32). */
    public void refresh(int flags) {
        List<String> options = new ArrayList<>();
        if ((flags & 1) != 0) {
            options.add("PRIVILEGES");
        }
        if ((flags & 2) != 0) {
            options.add("LOGS");
        }
        if ((flags & 16) != 0) {
            options.add("STATUS");
        }
        session.privileges().requireGlobal("RELOAD");
        for (String each : options) {
            run(each, "COM_REFRESH");
        }
    }

    private void requirePrivilege(String option) {
        String dynamic = switch (option) {
            case "PRIVILEGES" -> "FLUSH_PRIVILEGES";
            case "STATUS" -> "FLUSH_STATUS";
            case "TABLES" -> "FLUSH_TABLES";
            case "TABLES WITH READ LOCK" -> null;
            case "OPTIMIZER_COSTS" -> "FLUSH_OPTIMIZER_COSTS";
            case "USER_RESOURCES" -> "FLUSH_USER_RESOURCES";
            default -> null;
        };
        PrivilegeChecker privileges = session.privileges();
        if (dynamic == null || !privileges.hasGlobal(dynamic)) {
            privileges.requireGlobal("RELOAD");
        }
    }

    private void run(String option, String sql) {
        switch (option) {
            case "PRIVILEGES" -> {
                try {
                    session.server().accounts().flush();
                } catch (SQLException e) {
                    throw EngineErrors.translate(e, sql, session.schema());
                }
                session.server().sha2Cache().clear();
                session.server().accountUsage().reset();
            }
            case "USER_RESOURCES" -> session.server().accountUsage().reset();
            case "LOGS" -> {
                session.server().log().reopen();
                session.server().generalLog().reopen();
                session.server().slowLog().reopen();
            }
            case "SLOW LOGS" -> session.server().slowLog().reopen();
            case "ERROR LOGS" -> session.server().log().reopen();
            case "GENERAL LOGS" -> session.server().generalLog().reopen();
            case "TABLES WITH READ LOCK" -> session.locks().takeGlobalReadLock();
            case "STATUS" -> {
                session.server().status().maxUsedConnections.set(session.server().connectionCount());
                session.status().reset();
            }
            default -> {
                // nothing held that the option would release or reload (see the class comment)
            }
        }
    }
}
