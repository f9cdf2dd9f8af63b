package dev.doppel.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Runs a script's statements in one session and compares each answer with the script's expectation. */
final class ScriptRunner {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema", "sys");

    /**
     * What a run found: mismatches (the test fails on these), known deviations that showed, and statements marked
     * as deviations that gave MySQL's answer (their marker may be stale).
     */
    record Report(List<String> failures, List<String> deviations, List<String> passingDeviations) {
    }

    private ScriptRunner() {
    }

    /** Drops every user database, so each script starts on an empty server whatever ran before it. */
    static void resetServer(ScriptClient client) throws Exception {
        if (!(client.execute("SHOW DATABASES") instanceof Outcome.Rows databases)) {
            throw new IllegalStateException("SHOW DATABASES failed");
        }
        for (List<String> row : databases.rows()) {
            if (!SYSTEM_SCHEMAS.contains(row.get(0).toLowerCase(java.util.Locale.ROOT))) {
                Outcome dropped = client.execute("DROP DATABASE `" + row.get(0).replace("`", "``") + "`");
                if (dropped instanceof Outcome.Error error) {
                    throw new IllegalStateException("cannot drop " + row.get(0) + ": " + error);
                }
            }
        }
    }

    static Report run(ConformanceScript script, ScriptClient client) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        List<String> passingDeviations = new ArrayList<>();
        for (ConformanceScript.Case each : script.cases()) {
            String mismatch = check(each, client);
            if (mismatch == null) {
                if (each.deviation() != null) {
                    passingDeviations.add(script.name() + ":" + each.line());
                }
                continue;
            }
            String text = script.name() + ":" + each.line() + ": " + oneLine(each.sql()) + "\n    " + mismatch;
            if (each.deviation() != null) {
                deviations.add(text + "\n    (known deviation: " + each.deviation() + ")");
            } else {
                failures.add(text);
            }
        }
        return new Report(failures, deviations, passingDeviations);
    }

    private static String check(ConformanceScript.Case expected, ScriptClient client) throws Exception {
        Outcome actual = client.execute(expected.sql());
        if (expected.error() != null) {
            return matches(expected.error(), actual) ? null : "expected " + expected.error() + ", got " + describe(actual);
        }
        if (actual instanceof Outcome.Error) {
            return "expected success, got " + describe(actual);
        }
        if (expected.ok()) {
            if (!(actual instanceof Outcome.Ok ok)) {
                return "expected OK, got " + describe(actual);
            }
            if (expected.affectedRows() != null && expected.affectedRows() != ok.affectedRows()) {
                return "expected affected=" + expected.affectedRows() + ", got " + ok.affectedRows();
            }
            if (expected.insertId() != null && expected.insertId() != ok.insertId()) {
                return "expected insert_id=" + expected.insertId() + ", got " + ok.insertId();
            }
        }
        if (expected.rows() != null) {
            if (!(actual instanceof Outcome.Rows rows)) {
                return "expected rows, got " + describe(actual);
            }
            if (!Objects.equals(expected.rows(), rows.rows())) {
                return "expected rows " + expected.rows() + ", got " + rows.rows();
            }
        }
        if (expected.warnings() != null) {
            List<List<String>> warnings = client.warnings();
            // a prepared statement's parse warnings came with its PREPARE; its EXECUTE has none of them
            List<List<String>> wanted = expected.parseWarnings() && client.prepares() ? List.of() : expected.warnings();
            if (!Objects.equals(wanted, warnings)) {
                return "expected warnings " + wanted + ", got " + warnings;
            }
        }
        return null;
    }

    /** A driver that cannot tell the server's SQLSTATE (null) is checked on number and text only. */
    private static boolean matches(Outcome.Error expected, Outcome actual) {
        return actual instanceof Outcome.Error error && error.number() == expected.number()
                && error.message().equals(expected.message())
                && (error.sqlState() == null || error.sqlState().equals(expected.sqlState()));
    }

    private static String describe(Outcome outcome) {
        return outcome instanceof Outcome.Rows rows ? "rows " + rows.rows() : outcome.toString();
    }

    private static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s*\\n\\s*", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
