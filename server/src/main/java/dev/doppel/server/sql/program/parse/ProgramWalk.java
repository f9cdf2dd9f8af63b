package dev.doppel.server.sql.program.parse;

import java.util.ArrayList;
import java.util.List;

/** Walks a stored program's statements: what a CREATE checks before it keeps a routine. */
public final class ProgramWalk {
    private ProgramWalk() {
    }

    /** {@code statement} and every statement inside it, handlers' included. */
    public static List<ProgramStatement> flatten(ProgramStatement statement) {
        List<ProgramStatement> all = new ArrayList<>();
        collect(statement, all);
        return all;
    }

    private static void collect(ProgramStatement statement, List<ProgramStatement> all) {
        all.add(statement);
        switch (statement) {
            case ProgramStatement.Block b -> {
                b.handlers().forEach(h -> collect(h.action(), all));
                b.body().forEach(each -> collect(each, all));
            }
            case ProgramStatement.If i -> {
                i.branches().forEach(br -> br.body().forEach(each -> collect(each, all)));
                if (i.otherwise() != null) {
                    i.otherwise().forEach(each -> collect(each, all));
                }
            }
            case ProgramStatement.SimpleCase c -> {
                c.whens().forEach(br -> br.body().forEach(each -> collect(each, all)));
                if (c.otherwise() != null) {
                    c.otherwise().forEach(each -> collect(each, all));
                }
            }
            case ProgramStatement.Loop l -> l.body().forEach(each -> collect(each, all));
            default -> {
            }
        }
    }

    /** Whether a RETURN is anywhere in {@code statement} (a FUNCTION needs one: 1320; a PROCEDURE may have none: 1313). */
    public static boolean hasReturn(ProgramStatement statement) {
        return flatten(statement).stream().anyMatch(s -> s instanceof ProgramStatement.Return);
    }
}
