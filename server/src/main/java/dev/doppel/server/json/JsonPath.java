package dev.doppel.server.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A MySQL JSON path ({@code $}, {@code .key}, {@code ."quoted key"}, {@code .*}, {@code [n]}, {@code [last]},
 * {@code [last-n]}, {@code [m to n]}, {@code [*]}, {@code **}): parsed once, then used to find values in a document
 * or to change it. As in MySQL, an array step on a value that is no array treats the value as an array of one.
 */
public final class JsonPath {
    private sealed interface Leg permits Member, AnyMember, Cell, Range, AnyCell, Descendants {
    }

    private record Member(String name) implements Leg {
    }

    private record AnyMember() implements Leg {
    }

    /** {@code [n]} or, with {@code fromLast}, {@code [last-n]}. */
    private record Cell(int index, boolean fromLast) implements Leg {
        int resolve(int size) {
            return fromLast ? size - 1 - index : index;
        }
    }

    private record Range(Cell from, Cell to) implements Leg {
    }

    private record AnyCell() implements Leg {
    }

    private record Descendants() implements Leg {
    }

    /** How a change treats a path that exists or does not (JSON_SET, JSON_INSERT, JSON_REPLACE). */
    public enum Change {
        SET, INSERT, REPLACE
    }

    private final List<Leg> legs;

    private JsonPath(List<Leg> legs) {
        this.legs = legs;
    }

    /** Parses a path; throws {@link JsonPathException} with the position of the error. */
    public static JsonPath parse(String text) {
        return new Parser(text).parse();
    }

    /** Whether the path can match more than one value ({@code *}, {@code **} or a range). */
    public boolean isWildcard() {
        return legs.stream().anyMatch(leg -> leg instanceof AnyMember || leg instanceof AnyCell
                || leg instanceof Descendants || leg instanceof Range);
    }

    public boolean isRoot() {
        return legs.isEmpty();
    }

    /** Every value the path matches in {@code document}, in document order. */
    public List<Object> find(Object document) {
        List<Object> current = List.of(document);
        for (Leg leg : legs) {
            List<Object> next = new ArrayList<>();
            for (Object each : current) {
                step(leg, each, next);
            }
            current = next;
        }
        return current;
    }

    private static void step(Leg leg, Object node, List<Object> out) {
        switch (leg) {
            case Member member -> {
                if (node instanceof Map<?, ?> map && map.containsKey(member.name())) {
                    out.add(map.get(member.name()));
                }
            }
            case AnyMember ignored -> {
                if (node instanceof Map<?, ?> map) {
                    out.addAll(map.values());
                }
            }
            case Cell cell -> {
                List<?> list = node instanceof List<?> l ? l : List.of(node);
                int index = cell.resolve(list.size());
                if (index >= 0 && index < list.size()) {
                    out.add(list.get(index));
                }
            }
            case Range range -> {
                List<?> list = node instanceof List<?> l ? l : List.of(node);
                int from = Math.max(0, range.from().resolve(list.size()));
                int to = Math.min(list.size() - 1, range.to().resolve(list.size()));
                for (int i = from; i <= to; i++) {
                    out.add(list.get(i));
                }
            }
            case AnyCell ignored -> {
                if (node instanceof List<?> list) {
                    out.addAll(list);
                }
            }
            case Descendants ignored -> addWithDescendants(node, out);
        }
    }

    private static void addWithDescendants(Object node, List<Object> out) {
        out.add(node);
        if (node instanceof Map<?, ?> map) {
            for (Object each : map.values()) {
                addWithDescendants(each, out);
            }
        } else if (node instanceof List<?> list) {
            for (Object each : list) {
                addWithDescendants(each, out);
            }
        }
    }

    /** The document with {@code value} put at the path (no wildcards) as JSON_SET, JSON_INSERT or JSON_REPLACE do. */
    public Object change(Object document, Object value, Change change) {
        return change(document, 0, value, change);
    }

    @SuppressWarnings("unchecked")
    private Object change(Object node, int at, Object value, Change change) {
        if (at == legs.size()) {
            return change == Change.INSERT ? node : value;
        }
        boolean last = at == legs.size() - 1;
        Leg leg = legs.get(at);
        if (leg instanceof Member member) {
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                if (object.containsKey(member.name())) {
                    object.put(member.name(), change(object.get(member.name()), at + 1, value, change));
                } else if (last && change != Change.REPLACE) {
                    object.put(member.name(), value);
                }
            }
            return node;
        }
        Cell cell = (Cell) leg;
        if (node instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            int index = cell.resolve(array.size());
            if (index >= 0 && index < array.size()) {
                array.set(index, change(array.get(index), at + 1, value, change));
            } else if (last && change != Change.REPLACE && index >= array.size()) {
                array.add(value);
            }
            return node;
        }
        int index = cell.resolve(1);
        if (index == 0) {
            return change(node, at + 1, value, change);
        }
        if (last && change != Change.REPLACE && index > 0) {
            List<Object> wrapped = new ArrayList<>();
            wrapped.add(node);
            wrapped.add(value);
            return wrapped;
        }
        return node;
    }

    /** The document with the value at the path (no wildcards) replaced by {@code operator}'s result, if it is there. */
    public Object transform(Object document, UnaryOperator<Object> operator) {
        return transform(document, 0, operator);
    }

    @SuppressWarnings("unchecked")
    private Object transform(Object node, int at, UnaryOperator<Object> operator) {
        if (at == legs.size()) {
            return operator.apply(node);
        }
        Leg leg = legs.get(at);
        if (leg instanceof Member member) {
            if (node instanceof Map<?, ?> map && map.containsKey(member.name())) {
                Map<String, Object> object = (Map<String, Object>) map;
                object.put(member.name(), transform(object.get(member.name()), at + 1, operator));
            }
            return node;
        }
        Cell cell = (Cell) leg;
        if (node instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            int index = cell.resolve(array.size());
            if (index >= 0 && index < array.size()) {
                array.set(index, transform(array.get(index), at + 1, operator));
            }
            return node;
        }
        return cell.resolve(1) == 0 ? transform(node, at + 1, operator) : node;
    }

    /** The document without the value at the path (no wildcards, not {@code $}). */
    public Object remove(Object document) {
        remove(document, 0);
        return document;
    }

    private void remove(Object node, int at) {
        boolean last = at == legs.size() - 1;
        Leg leg = legs.get(at);
        if (leg instanceof Member member) {
            if (node instanceof Map<?, ?> map && map.containsKey(member.name())) {
                if (last) {
                    map.remove(member.name());
                } else {
                    remove(map.get(member.name()), at + 1);
                }
            }
            return;
        }
        Cell cell = (Cell) leg;
        if (node instanceof List<?> list) {
            int index = cell.resolve(list.size());
            if (index >= 0 && index < list.size()) {
                if (last) {
                    list.remove(index);
                } else {
                    remove(list.get(index), at + 1);
                }
            }
        } else if (!last && cell.resolve(1) == 0) {
            remove(node, at + 1);
        }
    }

    private static final class Parser {
        private final String text;
        private int position;
        private final List<Leg> legs = new ArrayList<>();

        Parser(String text) {
            this.text = text;
        }

        JsonPath parse() {
            skipWhitespace();
            if (position >= text.length()) {
                throw new JsonPathException(position);
            }
            if (text.charAt(position++) != '$') {
                throw new JsonPathException(position);
            }
            while (true) {
                skipWhitespace();
                if (position >= text.length()) {
                    break;
                }
                char c = text.charAt(position);
                if (c == '.') {
                    position++;
                    member();
                } else if (c == '[') {
                    position++;
                    cell();
                } else if (c == '*' && position + 1 < text.length() && text.charAt(position + 1) == '*') {
                    position += 2;
                    legs.add(new Descendants());
                } else {
                    throw new JsonPathException(position);
                }
            }
            if (!legs.isEmpty() && legs.get(legs.size() - 1) instanceof Descendants) {
                throw new JsonPathException(position);
            }
            return new JsonPath(List.copyOf(legs));
        }

        private void member() {
            skipWhitespace();
            if (position >= text.length()) {
                throw new JsonPathException(position);
            }
            char c = text.charAt(position);
            if (c == '*') {
                position++;
                legs.add(new AnyMember());
                return;
            }
            if (c == '"') {
                int end = position + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length()) {
                    throw new JsonPathException(position);
                }
                try {
                    legs.add(new Member((String) Json.parse(text.substring(position, end + 1))));
                } catch (JsonSyntaxException e) {
                    throw new JsonPathException(position);
                }
                position = end + 1;
                return;
            }
            int start = position;
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            if (position == start || Character.isDigit(text.charAt(start))) {
                throw new JsonPathException(start);
            }
            legs.add(new Member(text.substring(start, position)));
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }

        private void cell() {
            skipWhitespace();
            if (position < text.length() && text.charAt(position) == '*') {
                position++;
                legs.add(new AnyCell());
            } else {
                Cell from = index();
                skipWhitespace();
                if (text.startsWith("to", position)) {
                    position += 2;
                    Cell to = index();
                    legs.add(new Range(from, to));
                } else {
                    legs.add(from);
                }
            }
            skipWhitespace();
            if (position >= text.length() || text.charAt(position) != ']') {
                throw new JsonPathException(position);
            }
            position++;
        }

        private Cell index() {
            skipWhitespace();
            if (text.startsWith("last", position)) {
                position += 4;
                skipWhitespace();
                if (position < text.length() && text.charAt(position) == '-') {
                    position++;
                    skipWhitespace();
                    return new Cell(number(), true);
                }
                return new Cell(0, true);
            }
            return new Cell(number(), false);
        }

        private int number() {
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (position == start || position - start > 9) {
                throw new JsonPathException(start);
            }
            return Integer.parseInt(text.substring(start, position));
        }

        private void skipWhitespace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
