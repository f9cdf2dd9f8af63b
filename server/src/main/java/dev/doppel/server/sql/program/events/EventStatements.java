package dev.doppel.server.sql.program.events;

import dev.doppel.plugin.MySqlError;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * CREATE, ALTER and DROP EVENT, SHOW EVENTS and SHOW CREATE EVENT, with MySQL's privilege (EVENT on the database)
 * and errors (1537, 1539, 1521, 1542) and notes (1588, 1544 for a time in the past).
 */
public final class EventStatements {
    private final Session session;
    private final EventCatalog catalog;
    private final Runnable implicitCommit;
    private final Function<String, Object> evaluate;

    public EventStatements(Session session, EventCatalog catalog, Runnable implicitCommit,
                           Function<String, Object> evaluate) {
        this.session = session;
        this.catalog = catalog;
        this.implicitCommit = implicitCommit;
        this.evaluate = evaluate;
    }

    public static boolean isCreateOrAlter(List<Token> tokens) {
        return EventDefinition.matches(tokens);
    }

    public static boolean isDrop(List<Token> tokens) {
        return tokens.size() > 2 && tokens.get(0).isWord("DROP") && tokens.get(1).isWord("EVENT");
    }

    public static boolean isShow(List<Token> tokens) {
        return tokens.size() > 1 && (tokens.get(1).isWord("EVENTS") || tokens.size() > 3
                && tokens.get(1).isWord("CREATE") && tokens.get(2).isWord("EVENT"));
    }

    public void createOrAlter(String sql, List<Token> tokens) {
        PrivilegeChecker privileges = session.privileges();
        EventDefinition definition = EventDefinition.parse(sql, tokens, session.schema(), privileges.account().user(),
                privileges.account().host(), evaluate);
        privileges.requireDatabase("EVENT", definition.schema());
        Definers.requireMayName(privileges, definition.definerUser(), definition.definerHost(), definition.definerGiven());
        if (!session.server().schemaExists(definition.schema())) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(definition.schema());
        }
        session.server().schemaOptions().requireWritable(definition.schema());
        Event existing = catalog.find(definition.schema(), definition.name());
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Event event;
        if (definition.create()) {
            if (existing != null) {
                if (definition.ifNotExists()) {
                    session.addWarning("Note", 1537, MySqlError.ER_EVENT_ALREADY_EXISTS.message(definition.name()));
                    return;
                }
                throw MySqlError.ER_EVENT_ALREADY_EXISTS.exception(definition.name());
            }
            event = new Event(definition.schema(), definition.name(), definition.definerUser(),
                    definition.definerHost(), definition.body(), definition.executeAt(), definition.intervalValue(),
                    definition.intervalField(),
                    definition.starts() == null && definition.intervalField() != null ? now : definition.starts(),
                    definition.ends(),
                    definition.status() == null ? "ENABLED" : definition.status(),
                    Boolean.TRUE.equals(definition.preserve()),
                    definition.comment() == null ? "" : definition.comment(),
                    String.valueOf(session.variables().value("sql_mode")), now, now, null,
                    session.variables().characterSetClient(), session.variables().collationConnection(),
                    "utf8mb4_0900_ai_ci");
        } else {
            if (existing == null) {
                throw MySqlError.ER_EVENT_DOES_NOT_EXIST.exception(definition.name());
            }
            event = altered(existing, definition, now);
        }
        if (!event.recurring() && event.executeAt().isBefore(now) && (definition.create() || definition.scheduled())) {
            if (!event.preserve()) {
                session.addWarning("Note", 1588, MySqlError.ER_EVENT_CANNOT_CREATE_IN_THE_PAST.message());
                if (!definition.create()) {
                    drop(existing);
                }
                return;
            }
            session.addWarning("Note", 1544, MySqlError.ER_EVENT_EXEC_TIME_IN_THE_PAST.message());
            event = event.withStatus("DISABLED");
        }
        implicitCommit.run();
        try {
            if (existing != null && !existing.name().equals(event.name())) {
                catalog.drop(existing.schema(), existing.name());
            }
            catalog.save(event);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the events", e);
        }
    }

    private Event altered(Event existing, EventDefinition change, LocalDateTime now) {
        String name = existing.name();
        if (change.renameTo() != null) {
            if (change.renameTo().equalsIgnoreCase(existing.name())) {
                throw MySqlError.ER_EVENT_SAME_NAME.exception();
            }
            if (catalog.find(existing.schema(), change.renameTo()) != null) {
                throw MySqlError.ER_EVENT_ALREADY_EXISTS.exception(change.renameTo());
            }
            name = change.renameTo();
        }
        boolean schedule = change.scheduled();
        return new Event(existing.schema(), name, existing.definerUser(), existing.definerHost(),
                change.body() != null ? change.body() : existing.body(),
                schedule ? change.executeAt() : existing.executeAt(),
                schedule ? change.intervalValue() : existing.intervalValue(),
                schedule ? change.intervalField() : existing.intervalField(),
                schedule ? change.starts() : existing.starts(), schedule ? change.ends() : existing.ends(),
                change.status() != null ? change.status() : existing.status(),
                change.preserve() != null ? change.preserve() : existing.preserve(),
                change.comment() != null ? change.comment() : existing.comment(), existing.sqlMode(),
                existing.created(), now, schedule ? null : existing.lastExecuted(), existing.characterSetClient(),
                existing.collationConnection(), existing.databaseCollation());
    }

    public void drop(String sql, List<Token> tokens) {
        DropTarget target = DropTarget.parse(sql, tokens, session.schema());
        String schema = target.schema();
        session.privileges().requireDatabase("EVENT", schema);
        Event event = catalog.find(schema, target.name());
        if (event == null) {
            if (target.ifExists()) {
                session.addWarning("Note", 1305, MySqlError.ER_SP_DOES_NOT_EXIST.message("Event", target.name()));
                return;
            }
            throw MySqlError.ER_EVENT_DOES_NOT_EXIST.exception(target.name());
        }
        session.server().schemaOptions().requireWritable(schema);
        implicitCommit.run();
        drop(event);
    }

    private void drop(Event event) {
        try {
            catalog.drop(event.schema(), event.name());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the events", e);
        }
    }

    public void show(String sql, List<Token> tokens, RoutineStatements.Sender sender, int moreFlag) {
        if (tokens.get(1).isWord("CREATE")) {
            QualifiedName name = QualifiedName.at(tokens, 3);
            String schema = name.qualifierOr(session.schema());
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
            session.privileges().requireDatabase("EVENT", schema);
            Event event = catalog.find(schema, name.name());
            if (event == null) {
                throw MySqlError.ER_EVENT_DOES_NOT_EXIST.exception(name.name());
            }
            TextResult result = TextResult.of("Event", "sql_mode", "time_zone", "Create Event", "character_set_client",
                    "collation_connection", "Database Collation");
            result.row(event.name(), event.sqlMode(), "SYSTEM", event.createStatement(), event.characterSetClient(),
                    event.collationConnection(), event.databaseCollation());
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
        session.privileges().requireDatabase("EVENT", schema);
        List<Token> filter = tokens.subList(i, tokens.size());
        LikePattern like = null;
        if (filter.size() == 2 && filter.get(0).isWord("LIKE") && filter.get(1).kind() == Token.Kind.STRING) {
            like = LikePattern.of(filter.get(1).text());
            filter = List.of();
        }
        TextResult result = TextResult.of("Db", "Name", "Definer", "Time zone", "Type", "Execute at", "Interval value",
                "Interval field", "Starts", "Ends", "Status", "Originator", "character_set_client",
                "collation_connection", "Database Collation");
        for (Event each : catalog.all()) {
            if (each.schema().equals(schema) && (like == null || like.matches(each.name()))) {
                result.row(each.schema(), each.name(), each.definer(), "SYSTEM",
                        each.recurring() ? "RECURRING" : "ONE TIME",
                        each.recurring() ? null : EventSchedule.shown(each.executeAt()), each.intervalValue(),
                        each.intervalField(), each.starts() == null ? null : EventSchedule.shown(each.starts()),
                        each.ends() == null ? null : EventSchedule.shown(each.ends()),
                        each.status().equals("SLAVESIDE_DISABLED") ? "REPLICA_SIDE_DISABLED" : each.status(), "1",
                        each.characterSetClient(), each.collationConnection(), each.databaseCollation());
            }
        }
        sender.send(result, filter, moreFlag);
    }
}
