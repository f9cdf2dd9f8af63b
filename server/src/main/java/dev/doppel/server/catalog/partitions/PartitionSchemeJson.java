package dev.doppel.server.catalog.partitions;

import dev.doppel.server.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link PartitionScheme} as the JSON text the registry keeps, and back. */
final class PartitionSchemeJson {
    private PartitionSchemeJson() {
    }

    static String write(PartitionScheme scheme) {
        Map<String, Object> out = method(scheme.method(), scheme.linear(), scheme.algorithm(), scheme.expression(),
                scheme.columnList(), scheme.count());
        out.put("columns", scheme.columns());
        if (scheme.sub() != null) {
            PartitionScheme.Sub sub = scheme.sub();
            out.put("sub", method(sub.method(), sub.linear(), sub.algorithm(), sub.expression(), sub.columnList(),
                    sub.count()));
        }
        List<Object> partitions = new ArrayList<>();
        for (PartitionScheme.Partition each : scheme.partitions()) {
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("name", each.name());
            partition.put("kind", each.kind().name());
            partition.put("values", new ArrayList<Object>(each.values()));
            partition.put("comment", each.comment() == null ? Json.NULL : each.comment());
            partition.put("subpartitions", new ArrayList<Object>(each.subpartitions()));
            partitions.add(partition);
        }
        out.put("partitions", partitions);
        return Json.write(out);
    }

    private static Map<String, Object> method(PartitionScheme.Method method, boolean linear, Integer algorithm,
                                              String expression, List<String> columns, Integer count) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", method.name());
        out.put("linear", linear);
        out.put("algorithm", algorithm == null ? Json.NULL : (Object) (long) algorithm);
        out.put("expression", expression == null ? Json.NULL : expression);
        out.put("columnList", new ArrayList<Object>(columns));
        out.put("count", count == null ? Json.NULL : (Object) (long) count);
        return out;
    }

    @SuppressWarnings("unchecked")
    static PartitionScheme read(String text) {
        Map<String, Object> in = (Map<String, Object>) Json.parse(text);
        PartitionScheme.Sub sub = null;
        if (in.get("sub") instanceof Map<?, ?> subMap) {
            Map<String, Object> s = (Map<String, Object>) subMap;
            sub = new PartitionScheme.Sub(PartitionScheme.Method.valueOf((String) s.get("method")),
                    (Boolean) s.get("linear"), integer(s.get("algorithm")), string(s.get("expression")),
                    strings(s.get("columnList")), integer(s.get("count")));
        }
        List<PartitionScheme.Partition> partitions = new ArrayList<>();
        for (Object each : (List<Object>) in.get("partitions")) {
            Map<String, Object> p = (Map<String, Object>) each;
            List<List<String>> values = new ArrayList<>();
            for (Object tuple : (List<Object>) p.get("values")) {
                values.add(strings(tuple));
            }
            partitions.add(new PartitionScheme.Partition((String) p.get("name"),
                    PartitionScheme.Kind.valueOf((String) p.get("kind")), values, string(p.get("comment")),
                    strings(p.get("subpartitions"))));
        }
        return new PartitionScheme(PartitionScheme.Method.valueOf((String) in.get("method")), (Boolean) in.get("linear"),
                (Boolean) in.get("columns"), integer(in.get("algorithm")), string(in.get("expression")),
                strings(in.get("columnList")), integer(in.get("count")), sub, partitions);
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        for (Object each : (List<Object>) value) {
            result.add((String) each);
        }
        return result;
    }
}
