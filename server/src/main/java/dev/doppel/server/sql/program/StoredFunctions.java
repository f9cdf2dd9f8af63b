package dev.doppel.server.sql.program;

import dev.doppel.server.engine.program.StoredFunctionCalls;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * Where statements meet stored functions: the first wall asks whether a called name is one, and the translation
 * writes its call as the engine's alias of its return type, with the function's database and name first.
 */
public final class StoredFunctions {
    private static volatile RoutineCatalog catalog;

    private StoredFunctions() {
    }

    /** The server's catalog, from its start on. */
    public static void install(RoutineCatalog routines) {
        catalog = routines;
    }

    /** Whether any stored function exists (statements then may run one). */
    public static boolean anyExist() {
        RoutineCatalog routines = catalog;
        return routines != null && routines.hasFunctions();
    }

    /** Whether {@code schema.name} is a stored function. */
    public static boolean exists(String schema, String name) {
        RoutineCatalog routines = catalog;
        return schema != null && routines != null && routines.find("FUNCTION", schema, name) != null;
    }

    /**
     * When the tokens at {@code i} call a stored function ({@code f(} or {@code db.f(}), writes the start of the
     * engine's call and returns the index of the call's "(" (whose arguments follow as written); -1 otherwise.
     */
    public static int appendCall(List<Token> tokens, int i, String schema, StringBuilder out) {
        RoutineCatalog routines = catalog;
        if (routines == null || !tokens.get(i).isIdentifier() || i + 1 >= tokens.size()) {
            return -1;
        }
        String database = schema;
        int name = i;
        if (tokens.get(i + 1).isSymbol(".") && i + 3 < tokens.size() && tokens.get(i + 2).isIdentifier()) {
            database = tokens.get(i).text();
            name = i + 2;
        }
        int open = name + 1;
        if (database == null || open >= tokens.size() || !tokens.get(open).isSymbol("(")
                || name > 0 && tokens.get(name - 1).isSymbol(".") && name == i) {
            return -1;
        }
        if (name == i && dev.doppel.server.sql.access.FunctionAllowlist.isBuiltIn(tokens.get(i).text())) {
            return -1;
        }
        Routine routine = routines.find("FUNCTION", database, tokens.get(name).text());
        if (routine == null) {
            return -1;
        }
        out.append("PUBLIC.").append(alias(routine)).append("('").append(routine.schema().replace("'", "''"))
                .append("', '").append(routine.name().replace("'", "''")).append('\'');
        if (open + 1 < tokens.size() && !tokens.get(open + 1).isSymbol(")")) {
            out.append(", ");
        }
        return open;
    }

    private static String alias(Routine routine) {
        String kind = switch (routines().compiled(routine).returns().kind()) {
            case INTEGER -> "bigint";
            case DECIMAL -> "decimal";
            case FLOAT -> "real";
            case BINARY -> "binary";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case TIME -> "time";
            case TEXT, OTHER -> "text";
        };
        for (String[] each : StoredFunctionCalls.ALIASES) {
            if (each[1].equals(kind)) {
                return each[0];
            }
        }
        throw new IllegalStateException(kind);
    }

    private static RoutineCatalog routines() {
        return catalog;
    }
}
