package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.LikePattern;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.events.EventStatements;
import dev.doppel.server.sql.program.triggers.TriggerStatements;
import dev.doppel.server.sql.results.TextResult;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * CREATE, ALTER and DROP PROCEDURE / FUNCTION, SHOW CREATE PROCEDURE / FUNCTION and SHOW PROCEDURE / FUNCTION STATUS,
 * with MySQL's privileges (CREATE ROUTINE on the database, ALTER ROUTINE to alter or drop) and errors.
 */
public final class RoutineStatements {
    /** Sends a result the statement built, filtered by what follows it (LIKE or WHERE). */
    @FunctionalInterface
    public interface Sender {
        void send(TextResult result, List<Token> filter, int moreFlag);
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Session session;
    private final RoutineCatalog catalog;
    private final Runnable implicitCommit;

    public RoutineStatements(Session session, RoutineCatalog catalog, Runnable implicitCommit) {
        this.session = session;
        this.catalog = catalog;
        this.implicitCommit = implicitCommit;
    }

    public static boolean isCreate(List<Token> tokens) {
        return RoutineHeader.matches(tokens);
    }

    /** CREATE, ALTER or DROP of a procedure, function, trigger or event: statements MySQL does not prepare (1295). */
    public static boolean definesProgram(List<Token> tokens) {
        return isCreate(tokens) || isDropOrAlter(tokens) || TriggerStatements.isCreate(tokens)
                || TriggerStatements.isDrop(tokens) || EventStatements.isCreateOrAlter(tokens)
                || EventStatements.isDrop(tokens);
    }

    /** DROP | ALTER PROCEDURE | FUNCTION ... */
    public static boolean isDropOrAlter(List<Token> tokens) {
        return tokens.size() > 2 && (tokens.get(0).isWord("DROP") || tokens.get(0).isWord("ALTER"))
                && (tokens.get(1).isWord("PROCEDURE") || tokens.get(1).isWord("FUNCTION"));
    }

    /** SHOW CREATE PROCEDURE | FUNCTION name, SHOW PROCEDURE | FUNCTION STATUS. */
    public static boolean isShow(List<Token> tokens) {
        return tokens.size() > 2 && (tokens.get(1).isWord("CREATE") && tokens.size() > 3
                && (tokens.get(2).isWord("PROCEDURE") || tokens.get(2).isWord("FUNCTION"))
                || (tokens.get(1).isWord("PROCEDURE") || tokens.get(1).isWord("FUNCTION")) && tokens.get(2).isWord("STATUS"));
    }

    public void create(String sql, List<Token> tokens) {
        PrivilegeChecker privileges = session.privileges();
        RoutineHeader header = RoutineHeader.parse(sql, tokens, session.schema(), privileges.account().user(),
                privileges.account().host());
        privileges.requireDatabase("CREATE ROUTINE", header.schema());
        Definers.requireMayName(privileges, header.definerUser(), header.definerHost(), header.definerGiven());
        if (!session.server().schemaExists(header.schema())) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(header.schema());
        }
        session.server().schemaOptions().requireWritable(header.schema());
        if (catalog.find(header.type(), header.schema(), header.name()) != null) {
            if (header.ifNotExists()) {
                session.addWarning("Note", 1304, MySqlError.ER_SP_ALREADY_EXISTS.message(header.type(), header.name()));
                return;
            }
            throw MySqlError.ER_SP_ALREADY_EXISTS.exception(header.type(), header.name());
        }
        implicitCommit.run();
        if (header.definerGiven() && session.server().accounts().find(header.definerUser(), header.definerHost()).isEmpty()) {
            session.addWarning("Note", 1449, MySqlError.ER_NO_SUCH_USER.message(header.definerUser(), header.definerHost()));
        }
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Routine routine = new Routine(header.schema(), header.name(), header.type(), header.definerUser(),
                header.definerHost(), header.invoker(), header.dataAccess(), header.deterministic(), header.comment(),
                header.parameterText(), header.returns() == null ? null : header.returns().shown(), header.body(),
                String.valueOf(session.variables().value("sql_mode")), now, now,
                session.variables().characterSetClient(), session.variables().collationConnection(),
                "utf8mb4_0900_ai_ci");
        try {
            catalog.create(routine);
            if (automaticPrivileges() && !(privileges.hasOnDatabase("EXECUTE", routine.schema())
                    && privileges.hasOnDatabase("ALTER ROUTINE", routine.schema()))) {
                // the creator may run and drop what it made (automatic_sp_privileges)
                session.server().accounts().setRoutinePrivileges(privileges.account().user(),
                        privileges.account().host(), Account.RoutineName.of(routine.schema(), routine.type(),
                                routine.name()), Set.of("EXECUTE", "ALTER ROUTINE"), privileges.account().user() + "@"
                                + privileges.account().host());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the stored routines", e);
        }
    }

    private boolean automaticPrivileges() {
        return Boolean.TRUE.equals(session.server().variables().globalValue("automatic_sp_privileges"))
                && !session.server().accounts().skippingGrants();
    }

    public void dropOrAlter(String sql, List<Token> tokens) {
        boolean drop = tokens.get(0).isWord("DROP");
        String type = tokens.get(1).upper();
        int i = 2;
        boolean ifExists = false;
        if (drop && i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            ifExists = true;
            i += 2;
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            throw Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
        }
        QualifiedName name = QualifiedName.at(tokens, i);
        String schema = name.qualifierOr(session.schema());
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        if (drop && name.next() < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(name.next()).start());
        }
        Routine existing = catalog.find(type, schema, name.name());
        if (existing == null && drop && ifExists) {
            session.addWarning("Note", 1305, MySqlError.ER_SP_DOES_NOT_EXIST.message(type, schema + "." + name.name()));
            return;
        }
        if (!session.privileges().hasOnRoutine("ALTER ROUTINE", schema, type, name.name())) {
            throw MySqlError.ER_PROCACCESS_DENIED_ERROR.exception("alter routine", session.user(), session.host(),
                    schema + "." + name.name());
        }
        if (existing == null) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception(type, schema + "." + name.name());
        }
        session.server().schemaOptions().requireWritable(schema);
        implicitCommit.run();
        try {
            if (drop) {
                catalog.drop(type, schema, name.name());
                if (automaticPrivileges()) {
                    session.server().accounts().dropRoutineGrants(Account.RoutineName.of(schema, type, name.name()));
                }
            } else {
                catalog.replace(RoutineCharacteristics.alter(existing, sql, tokens, name.next()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the stored routines", e);
        }
    }

    public void show(String sql, List<Token> tokens, Sender sender, int moreFlag) {
        if (tokens.get(1).isWord("CREATE")) {
            showCreate(sql, tokens, sender, moreFlag);
            return;
        }
        String type = tokens.get(1).upper();
        List<Token> filter = tokens.subList(3, tokens.size());
        LikePattern like = null;
        if (filter.size() == 2 && filter.get(0).isWord("LIKE") && filter.get(1).kind() == Token.Kind.STRING) {
            like = LikePattern.of(filter.get(1).text());
            filter = List.of();
        }
        TextResult result = TextResult.of("Db", "Name", "Type", "Definer", "Modified", "Created", "Security_type",
                "Comment", "character_set_client", "collation_connection", "Database Collation");
        List<Routine> routines = catalog.all().stream().filter(r -> r.type().equals(type))
                .sorted(Comparator.comparing(Routine::schema).thenComparing(Routine::name)).toList();
        for (Routine each : routines) {
            if ((like == null || like.matches(each.name())) && visible(each)) {
                result.row(each.schema(), each.name(), each.type(), each.definer(), each.modified().format(SHOWN),
                        each.created().format(SHOWN), each.invoker() ? "INVOKER" : "DEFINER", each.comment(),
                        each.characterSetClient(), each.collationConnection(), each.databaseCollation());
            }
        }
        sender.send(result, filter, moreFlag);
    }

    private void showCreate(String sql, List<Token> tokens, Sender sender, int moreFlag) {
        String type = tokens.get(2).upper();
        if (!tokens.get(3).isIdentifier()) {
            throw Lexer.syntaxError(sql, tokens.get(3).start());
        }
        QualifiedName name = QualifiedName.at(tokens, 3);
        if (name.next() < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(name.next()).start());
        }
        String schema = name.qualifierOr(session.schema());
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        Routine routine = catalog.find(type, schema, name.name());
        if (routine == null || !visible(routine)) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception(type, schema + "." + name.name());
        }
        String label = type.equals("PROCEDURE") ? "Procedure" : "Function";
        TextResult result = TextResult.of(label, "sql_mode", "Create " + label, "character_set_client",
                "collation_connection", "Database Collation");
        result.row(routine.name(), routine.sqlMode(), routine.createStatement(), routine.characterSetClient(),
                routine.collationConnection(), routine.databaseCollation());
        sender.send(result, List.of(), moreFlag);
    }

    /** Whether the session may see a routine: its definer, or with a privilege on routines of its database. */
    private boolean visible(Routine routine) {
        PrivilegeChecker privileges = session.privileges();
        if (routine.definerUser().equals(privileges.account().user())
                && routine.definerHost().equalsIgnoreCase(privileges.account().host())) {
            return true;
        }
        return privileges.hasGlobal("SELECT") || privileges.hasGlobal("SHOW_ROUTINE")
                || privileges.hasOnRoutine("EXECUTE", routine.schema(), routine.type(), routine.name())
                || privileges.hasOnDatabase("CREATE ROUTINE", routine.schema())
                || privileges.hasOnRoutine("ALTER ROUTINE", routine.schema(), routine.type(), routine.name());
    }
}
