package dev.doppel.server.sql.program.triggers;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.config.LikePattern;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.program.parse.DropTarget;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.Definers;
import dev.doppel.server.sql.program.RoutineStatements;
import dev.doppel.server.sql.results.TextResult;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * CREATE TRIGGER, DROP TRIGGER, SHOW TRIGGERS and SHOW CREATE TRIGGER, with MySQL's privilege (TRIGGER on the table)
 * and errors (1359, 1360, 3011, 1146).
 */
public final class TriggerStatements {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SS");

    private final Session session;
    private final TriggerCatalog catalog;
    private final Runnable implicitCommit;

    public TriggerStatements(Session session, TriggerCatalog catalog, Runnable implicitCommit) {
        this.session = session;
        this.catalog = catalog;
        this.implicitCommit = implicitCommit;
    }

    public static boolean isCreate(List<Token> tokens) {
        return TriggerDefinition.matches(tokens);
    }

    public static boolean isDrop(List<Token> tokens) {
        return tokens.size() > 2 && tokens.get(0).isWord("DROP") && tokens.get(1).isWord("TRIGGER");
    }

    /** SHOW TRIGGERS ..., SHOW CREATE TRIGGER name. */
    public static boolean isShow(List<Token> tokens) {
        return tokens.size() > 1 && (tokens.get(1).isWord("TRIGGERS") || tokens.size() > 3
                && tokens.get(1).isWord("CREATE") && tokens.get(2).isWord("TRIGGER"));
    }

    public void create(String sql, List<Token> tokens) {
        PrivilegeChecker privileges = session.privileges();
        TriggerDefinition definition = TriggerDefinition.parse(sql, tokens, session.schema(),
                privileges.account().user(), privileges.account().host());
        Definers.requireMayName(privileges, definition.definerUser(), definition.definerHost(), definition.definerGiven());
        privileges.requireTable("TRIGGER", definition.schema(), definition.table());
        session.server().schemaOptions().requireWritable(definition.schema());
        TableColumnKinds table = TableColumnKinds.of(session::engineConnection, definition.schema(),
                definition.table());
        if (table == null || table.order().isEmpty()) {
            throw MySqlError.ER_NO_SUCH_TABLE.exception(definition.schema(), definition.table());
        }
        if (catalog.find(definition.schema(), definition.name()) != null) {
            if (definition.ifNotExists()) {
                session.addWarning("Note", 1359, MySqlError.ER_TRG_ALREADY_EXISTS.message());
                return;
            }
            throw MySqlError.ER_TRG_ALREADY_EXISTS.exception();
        }
        if (definition.otherTrigger() != null && catalog.of(definition.schema(), definition.table(),
                definition.timing(), definition.event()).stream().noneMatch(t -> t.name().equals(definition.otherTrigger()))) {
            throw MySqlError.ER_REFERENCED_TRG_DOES_NOT_EXIST.exception(definition.otherTrigger());
        }
        implicitCommit.run();
        Trigger trigger = new Trigger(definition.schema(), definition.name(), definition.table(), definition.timing(),
                definition.event(), 0, definition.definerUser(), definition.definerHost(), definition.body(),
                String.valueOf(session.variables().value("sql_mode")),
                LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS), session.variables().characterSetClient(),
                session.variables().collationConnection(), "utf8mb4_0900_ai_ci");
        try {
            catalog.create(trigger, definition.orderWord(), definition.otherTrigger());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the triggers", e);
        }
    }

    public void drop(String sql, List<Token> tokens) {
        DropTarget target = DropTarget.parse(sql, tokens, session.schema());
        String schema = target.schema();
        Trigger trigger = catalog.find(schema, target.name());
        if (trigger == null) {
            if (target.ifExists()) {
                session.addWarning("Note", 1360, MySqlError.ER_TRG_DOES_NOT_EXIST.message());
                return;
            }
            throw MySqlError.ER_TRG_DOES_NOT_EXIST.exception();
        }
        session.privileges().requireTable("TRIGGER", schema, trigger.table());
        session.server().schemaOptions().requireWritable(schema);
        implicitCommit.run();
        try {
            catalog.drop(trigger);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the triggers", e);
        }
    }

    public void show(String sql, List<Token> tokens, RoutineStatements.Sender sender, int moreFlag) {
        if (tokens.get(1).isWord("CREATE")) {
            QualifiedName name = QualifiedName.at(tokens, 3);
            if (!tokens.get(3).isIdentifier() || name.next() < tokens.size()) {
                throw Lexer.syntaxError(sql, tokens.get(Math.min(name.next(), tokens.size() - 1)).start());
            }
            String schema = name.qualifierOr(session.schema());
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
            Trigger trigger = catalog.find(schema, name.name());
            if (trigger == null || !session.privileges().hasOnTable("TRIGGER", schema, trigger.table())) {
                throw MySqlError.ER_TRG_DOES_NOT_EXIST.exception();
            }
            TextResult result = TextResult.of("Trigger", "sql_mode", "SQL Original Statement", "character_set_client",
                    "collation_connection", "Database Collation", "Created");
            result.row(trigger.name(), trigger.sqlMode(), trigger.createStatement(), trigger.characterSetClient(),
                    trigger.collationConnection(), trigger.databaseCollation(), trigger.created().format(CREATED));
            sender.send(result, List.of(), moreFlag);
            return;
        }
        int i = 2;
        String schema = session.schema();
        if (i + 1 < tokens.size() && (tokens.get(i).isWord("FROM") || tokens.get(i).isWord("IN"))) {
            schema = tokens.get(i + 1).text();
            i += 2;
        }
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        List<Token> filter = tokens.subList(i, tokens.size());
        LikePattern like = null;
        if (filter.size() == 2 && filter.get(0).isWord("LIKE") && filter.get(1).kind() == Token.Kind.STRING) {
            like = LikePattern.of(filter.get(1).text());
            filter = List.of();
        }
        TextResult result = TextResult.of("Trigger", "Event", "Table", "Statement", "Timing", "Created", "sql_mode",
                "Definer", "character_set_client", "collation_connection", "Database Collation");
        for (Trigger each : catalog.all()) {
            if (each.schema().equals(schema) && (like == null || like.matches(each.table()))
                    && session.privileges().hasOnTable("TRIGGER", schema, each.table())) {
                result.row(each.name(), each.event(), each.table(), each.body(), each.timing(),
                        each.created().format(CREATED), each.sqlMode(), each.definer(), each.characterSetClient(),
                        each.collationConnection(), each.databaseCollation());
            }
        }
        sender.send(result, filter, moreFlag);
    }
}
