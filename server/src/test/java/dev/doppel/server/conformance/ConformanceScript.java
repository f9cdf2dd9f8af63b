package dev.doppel.server.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed conformance script (format: docs/testing.md). A statement ends with {@code ;} at the end of a line;
 * lines starting with {@code ->} after it state what MySQL 8.4 answers:
 * <pre>
 * -> ok [affected=N] [insert_id=N]
 * -> rows                        value | value, one line per row, until a blank line
 * -> error NUMBER SQLSTATE message
 * -> warnings                    Level | Code | Message, one line per warning, until a blank line
 * -> parse-warnings              the same, for warnings MySQL gives while parsing: after a text statement, and
 *                                after a server-prepared statement's PREPARE, not its EXECUTE (there: none)
 * -> deviation why               Doppel is known to answer otherwise (listed in docs/testing.md)
 * </pre>
 * A statement without expectations must succeed. In values, {@code NULL} is SQL NULL and {@code ''} the empty
 * string.
 */
record ConformanceScript(String name, List<Case> cases) {

    record Case(int line, String sql, boolean ok, Long affectedRows, Long insertId, List<List<String>> rows,
                Outcome.Error error, List<List<String>> warnings, boolean parseWarnings, String deviation) {
    }

    static ConformanceScript parse(String name, String text) {
        List<String> lines = text.lines().toList();
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("--") || line.startsWith("#")) {
                i++;
                continue;
            }
            if (line.startsWith("->")) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expectation without a statement");
            }
            int start = i + 1;
            StringBuilder sql = new StringBuilder();
            while (true) {
                if (i >= lines.size()) {
                    throw new IllegalArgumentException(name + ":" + start + ": statement without ';' at a line end");
                }
                String part = lines.get(i++).stripTrailing();
                if (!sql.isEmpty()) {
                    sql.append('\n');
                }
                sql.append(part);
                if (part.endsWith(";")) {
                    sql.setLength(sql.length() - 1);
                    break;
                }
            }
            boolean ok = false;
            Long affected = null;
            Long insertId = null;
            List<List<String>> rows = null;
            Outcome.Error error = null;
            List<List<String>> warnings = null;
            boolean parseWarnings = false;
            String deviation = null;
            while (i < lines.size() && lines.get(i).strip().startsWith("->")) {
                String clause = lines.get(i++).strip().substring(2).strip();
                String keyword = clause.split("\\s+", 2)[0];
                String rest = clause.substring(keyword.length()).strip();
                switch (keyword) {
                    case "ok" -> {
                        ok = true;
                        for (String each : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
                            String[] pair = each.split("=", 2);
                            switch (pair[0]) {
                                case "affected" -> affected = Long.parseLong(pair[1]);
                                case "insert_id" -> insertId = Long.parseLong(pair[1]);
                                default -> throw new IllegalArgumentException(name + ":" + i + ": unknown '" + each + "'");
                            }
                        }
                    }
                    case "rows", "warnings", "parse-warnings" -> {
                        List<List<String>> block = new ArrayList<>();
                        while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).strip().startsWith("->")) {
                            block.add(values(lines.get(i++).strip()));
                        }
                        if (keyword.equals("rows")) {
                            rows = block;
                        } else {
                            warnings = block;
                            parseWarnings = keyword.equals("parse-warnings");
                        }
                    }
                    case "error" -> {
                        String[] parts = rest.split(" ", 3);
                        error = new Outcome.Error(Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
                    }
                    case "deviation" -> deviation = rest;
                    default -> throw new IllegalArgumentException(name + ":" + i + ": unknown expectation '" + keyword + "'");
                }
            }
            cases.add(new Case(start, sql.toString(), ok, affected, insertId, rows, error, warnings, parseWarnings,
                    deviation));
        }
        return new ConformanceScript(name, cases);
    }

    private static List<String> values(String line) {
        return Arrays.stream(line.split(" \\| ", -1))
                .map(value -> value.equals("NULL") ? null : value.equals("''") ? "" : value)
                .toList();
    }
}
