package dev.doppel.server.sql.program;

import dev.doppel.server.catalog.InformationSchemaTables;
import dev.doppel.server.sql.program.events.Event;
import dev.doppel.server.sql.program.events.EventCatalog;
import dev.doppel.server.sql.program.parse.DeclaredType;
import dev.doppel.server.sql.program.triggers.Trigger;
import dev.doppel.server.sql.program.triggers.TriggerCatalog;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * information_schema.ROUTINES (one row per stored procedure and function), PARAMETERS (one per parameter, and a
 * function's return value at position 0), TRIGGERS and EVENTS, for the databases and tables the reader may see. Connector/J's CallableStatement
 * reads PARAMETERS to learn which parameters are OUT.
 */
public final class RoutineRows implements InformationSchemaTables.RoutineRows {
    private final RoutineCatalog catalog;
    private final TriggerCatalog triggers;
    private final EventCatalog events;

    public RoutineRows(RoutineCatalog catalog, TriggerCatalog triggers, EventCatalog events) {
        this.catalog = catalog;
        this.triggers = triggers;
        this.events = events;
    }

    @Override
    public List<Object[]> events(InformationSchemaTables.Viewer viewer) {
        List<Object[]> rows = new ArrayList<>();
        for (Event each : events.all()) {
            if (viewer.canSee(each.schema())) {
                rows.add(new Object[] {"def", each.schema(), each.name(), each.definer(), "SYSTEM", "SQL", each.body(),
                    each.recurring() ? "RECURRING" : "ONE TIME", timestamp(each.executeAt()), each.intervalValue(),
                    each.intervalField(), each.sqlMode(), timestamp(each.starts()), timestamp(each.ends()),
                    each.status(), each.preserve() ? "PRESERVE" : "NOT PRESERVE", timestamp(each.created()),
                    timestamp(each.lastAltered()), timestamp(each.lastExecuted()), each.comment(), 1L,
                    each.characterSetClient(), each.collationConnection(), each.databaseCollation()});
            }
        }
        return rows;
    }

    private static Timestamp timestamp(java.time.LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    @Override
    public List<Object[]> triggers(InformationSchemaTables.Viewer viewer) {
        List<Object[]> rows = new ArrayList<>();
        for (Trigger each : triggers.all()) {
            if (viewer.canSeeTable(each.schema(), each.table())) {
                rows.add(new Object[] {"def", each.schema(), each.name(), each.event(), "def", each.schema(),
                    each.table(), (long) each.order(), null, each.body(), "ROW", each.timing(), null, null, "OLD", "NEW",
                    Timestamp.valueOf(each.created()), each.sqlMode(), each.definer(), each.characterSetClient(),
                    each.collationConnection(), each.databaseCollation()});
            }
        }
        return rows;
    }

    @Override
    public List<Object[]> routines(InformationSchemaTables.Viewer viewer) {
        List<Object[]> rows = new ArrayList<>();
        for (Routine each : visible(viewer)) {
            DeclaredType returns = catalog.compiled(each).returns();
            rows.add(new Object[] {each.name(), "def", each.schema(), each.name(), each.type(),
                returns == null ? "" : baseType(returns), characterLength(returns), octetLength(returns),
                precision(returns), scale(returns), null, charset(returns), collation(returns),
                returns == null ? null : dtd(returns), "SQL", each.body(), null, "SQL", "SQL",
                each.deterministic() ? "YES" : "NO", each.dataAccess(), null, each.invoker() ? "INVOKER" : "DEFINER",
                Timestamp.valueOf(each.created()), Timestamp.valueOf(each.modified()), each.sqlMode(), each.comment(),
                each.definer(), each.characterSetClient(), each.collationConnection(), each.databaseCollation()});
        }
        return rows;
    }

    @Override
    public List<Object[]> parameters(InformationSchemaTables.Viewer viewer) {
        List<Object[]> rows = new ArrayList<>();
        for (Routine each : visible(viewer)) {
            CompiledRoutine compiled = catalog.compiled(each);
            if (compiled.returns() != null) {
                rows.add(parameter(each, 0, null, null, compiled.returns()));
            }
            for (int i = 0; i < compiled.parameters().size(); i++) {
                RoutineHeader.Parameter parameter = compiled.parameters().get(i);
                rows.add(parameter(each, i + 1, parameter.mode(), parameter.name(), parameter.type()));
            }
        }
        return rows;
    }

    private static Object[] parameter(Routine routine, long position, String mode, String name, DeclaredType type) {
        return new Object[] {"def", routine.schema(), routine.name(), position, mode, name, baseType(type),
            characterLength(type), octetLength(type), precision(type), scale(type), null, charset(type),
            collation(type), dtd(type), routine.type()};
    }

    private List<Routine> visible(InformationSchemaTables.Viewer viewer) {
        return catalog.all().stream().filter(r -> viewer.canSee(r.schema()))
                .sorted(Comparator.comparing(Routine::schema).thenComparing(Routine::name)).toList();
    }

    private static boolean text(DeclaredType type) {
        return type != null && type.kind() == DeclaredType.Kind.TEXT;
    }

    private static Long characterLength(DeclaredType type) {
        return text(type) ? (long) type.length() : null;
    }

    private static Long octetLength(DeclaredType type) {
        return text(type) ? 4L * type.length() : null;
    }

    private static Long precision(DeclaredType type) {
        if (type == null) {
            return null;
        }
        return switch (type.kind()) {
            case DECIMAL -> (long) type.length();
            case INTEGER -> switch (baseType(type)) {
                case "tinyint" -> 3L;
                case "smallint" -> 5L;
                case "mediumint" -> 7L;
                case "bigint" -> 19L;
                default -> 10L;
            };
            case FLOAT -> baseType(type).equals("float") ? 12L : 22L;
            default -> null;
        };
    }

    private static Long scale(DeclaredType type) {
        return type != null && (type.kind() == DeclaredType.Kind.DECIMAL || type.kind() == DeclaredType.Kind.INTEGER)
                ? (long) type.scale() : null;
    }

    private static String charset(DeclaredType type) {
        return text(type) ? "utf8mb4" : null;
    }

    private static String collation(DeclaredType type) {
        return text(type) ? "utf8mb4_0900_ai_ci" : null;
    }

    /** DTD_IDENTIFIER: the type as declared, in lower case, without its character set. */
    private static String dtd(DeclaredType type) {
        return type.text().toLowerCase(Locale.ROOT).replaceAll(" charset .*| character set .*", "");
    }

    private static String baseType(DeclaredType type) {
        String text = type.text();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
