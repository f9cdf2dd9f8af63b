package dev.doppel.server.engine;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.json.Json;
import dev.doppel.server.json.JsonPath;
import dev.doppel.server.json.JsonPathException;
import dev.doppel.server.json.JsonSyntaxException;
import org.h2.value.Value;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MySQL's JSON functions, registered in the engine as Java functions (see {@link H2Engine}). They take the engine's
 * values as they are, to tell a JSON value (nested as it is) from a string (a JSON string, or a text to parse where
 * a document is expected). JSON results are the engine's JSON values holding MySQL's text.
 */
public final class JsonFunctions {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private JsonFunctions() {
    }

    /** The engine's name of the function registered for {@code method}. */
    public static String alias(String method) {
        return "PUBLIC.MYSQL_JSON_" + method.toUpperCase(java.util.Locale.ROOT);
    }

    public static Value extract(Value document, Value... paths) {
        if (paths.length == 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception("json_extract");
        }
        Object doc = document(document, 1, "json_extract");
        if (doc == null) {
            return ValueNull.INSTANCE;
        }
        List<Object> found = new ArrayList<>();
        boolean wrap = paths.length > 1;
        for (Value each : paths) {
            JsonPath path = path(each);
            if (path == null) {
                return ValueNull.INSTANCE;
            }
            wrap |= path.isWildcard();
            found.addAll(path.find(doc));
        }
        if (found.isEmpty()) {
            return ValueNull.INSTANCE;
        }
        return json(wrap ? found : found.get(0), "json_extract");
    }

    public static String unquote(Value value) {
        if (isNull(value)) {
            return null;
        }
        if (value.getValueType() == Value.JSON) {
            Object parsed = Json.parse(value.getString());
            return parsed instanceof String text ? text : Json.write(parsed);
        }
        String text = value.getString();
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        return (String) parse(text, 1, "json_unquote");
    }

    public static String quote(Value value) {
        if (isNull(value)) {
            return null;
        }
        long limit = StatementEffects.maxAllowedPacket();
        String text = Json.write(value.getString(), limit);
        if (text == null) {
            StatementEffects.packetOverflow("json_quote", limit);
        }
        return text;
    }

    public static Value object(Value... arguments) {
        if (arguments.length % 2 != 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception("json_object");
        }
        Map<String, Object> result = Json.newObject();
        for (int i = 0; i < arguments.length; i += 2) {
            if (isNull(arguments[i])) {
                throw MySqlError.ER_JSON_DOCUMENT_NULL_KEY.exception();
            }
            result.put(arguments[i].getString(), value(arguments[i + 1]));
        }
        return json(result, "json_object");
    }

    public static Value array(Value... arguments) {
        List<Object> result = new ArrayList<>();
        for (Value each : arguments) {
            result.add(value(each));
        }
        return json(result, "json_array");
    }

    /** CAST(x AS JSON): a string is parsed, a JSON value kept, anything else made a JSON scalar. */
    public static Value cast(Value value) {
        if (isNull(value)) {
            return ValueNull.INSTANCE;
        }
        return json(isText(value) ? parse(value.getString(), 1, "cast_as_json") : value(value), "cast_as_json");
    }

    public static Integer valid(Value value) {
        if (isNull(value)) {
            return null;
        }
        if (value.getValueType() == Value.JSON) {
            return 1;
        }
        if (!isText(value)) {
            throw MySqlError.ER_INVALID_TYPE_FOR_JSON.exception(1, "json_valid");
        }
        try {
            Json.parse(value.getString());
            return 1;
        } catch (JsonSyntaxException e) {
            return 0;
        }
    }

    public static String type(Value value) {
        Object doc = document(value, 1, "json_type");
        return doc == null ? null : Json.typeName(doc);
    }

    public static Integer depth(Value value) {
        Object doc = document(value, 1, "json_depth");
        return doc == null ? null : depth(doc);
    }

    private static int depth(Object value) {
        int inner = 0;
        if (value instanceof Map<?, ?> map) {
            for (Object each : map.values()) {
                inner = Math.max(inner, depth(each));
            }
            return map.isEmpty() ? 1 : inner + 1;
        }
        if (value instanceof List<?> list) {
            for (Object each : list) {
                inner = Math.max(inner, depth(each));
            }
            return list.isEmpty() ? 1 : inner + 1;
        }
        return 1;
    }

    public static Integer length(Value document, Value... path) {
        Object doc = document(document, 1, "json_length");
        Object target = doc == null ? null : single(doc, path, "json_length");
        if (target == null) {
            return null;
        }
        return target instanceof Map<?, ?> map ? map.size() : target instanceof List<?> list ? list.size() : 1;
    }

    public static Value keys(Value document, Value... path) {
        Object doc = document(document, 1, "json_keys");
        Object target = doc == null ? null : single(doc, path, "json_keys");
        if (!(target instanceof Map<?, ?> map)) {
            return ValueNull.INSTANCE;
        }
        return json(new ArrayList<Object>(map.keySet()), "json_keys");
    }

    public static Integer contains(Value target, Value candidate, Value... path) {
        Object doc = document(target, 1, "json_contains");
        Object wanted = document(candidate, 2, "json_contains");
        if (doc == null || wanted == null) {
            return null;
        }
        Object within = single(doc, path, "json_contains");
        return within == null ? null : contains(within, wanted) ? 1 : 0;
    }

    private static boolean contains(Object target, Object candidate) {
        if (target instanceof Map<?, ?> object) {
            if (!(candidate instanceof Map<?, ?> wanted)) {
                return false;
            }
            for (Map.Entry<?, ?> each : wanted.entrySet()) {
                if (!object.containsKey(each.getKey()) || !contains(object.get(each.getKey()), each.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (target instanceof List<?> array) {
            if (!(candidate instanceof List<?> wanted)) {
                return array.stream().anyMatch(element -> contains(element, candidate));
            }
            // as MySQL: a scalar of the candidate must be an element, an array or object inside some array or object
            for (Object each : wanted) {
                boolean scalar = !(each instanceof Map) && !(each instanceof List);
                boolean found = array.stream().anyMatch(element -> scalar
                        ? !(element instanceof Map) && !(element instanceof List) && Json.same(element, each)
                        : (element instanceof Map || element instanceof List) && contains(element, each));
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return !(candidate instanceof Map) && !(candidate instanceof List) && Json.same(target, candidate);
    }

    public static Integer containsPath(Value document, Value oneOrAll, Value... paths) {
        if (paths.length == 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception("json_contains_path");
        }
        Object doc = document(document, 1, "json_contains_path");
        if (doc == null || isNull(oneOrAll)) {
            return null;
        }
        String mode = oneOrAll.getString();
        boolean all = mode.equalsIgnoreCase("all");
        if (!all && !mode.equalsIgnoreCase("one")) {
            throw MySqlError.ER_JSON_BAD_ONE_OR_ALL_ARG.exception("json_contains_path");
        }
        for (Value each : paths) {
            JsonPath path = path(each);
            if (path == null) {
                return null;
            }
            boolean found = !path.find(doc).isEmpty();
            if (found != all) {
                return found ? 1 : 0;
            }
        }
        return all ? 1 : 0;
    }

    public static Value set(Value document, Value... pathsAndValues) {
        return change(document, pathsAndValues, JsonPath.Change.SET, "json_set");
    }

    public static Value insert(Value document, Value... pathsAndValues) {
        return change(document, pathsAndValues, JsonPath.Change.INSERT, "json_insert");
    }

    public static Value replace(Value document, Value... pathsAndValues) {
        return change(document, pathsAndValues, JsonPath.Change.REPLACE, "json_replace");
    }

    private static Value change(Value document, Value[] pathsAndValues, JsonPath.Change change, String function) {
        if (pathsAndValues.length == 0 || pathsAndValues.length % 2 != 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception(function);
        }
        Object doc = document(document, 1, function);
        if (doc == null) {
            return ValueNull.INSTANCE;
        }
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            JsonPath path = exactPath(pathsAndValues[i]);
            if (path == null) {
                return ValueNull.INSTANCE;
            }
            doc = path.change(doc, value(pathsAndValues[i + 1]), change);
        }
        return json(doc, function);
    }

    public static Value arrayAppend(Value document, Value... pathsAndValues) {
        if (pathsAndValues.length == 0 || pathsAndValues.length % 2 != 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception("json_array_append");
        }
        Object doc = document(document, 1, "json_array_append");
        if (doc == null) {
            return ValueNull.INSTANCE;
        }
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            JsonPath path = exactPath(pathsAndValues[i]);
            if (path == null) {
                return ValueNull.INSTANCE;
            }
            Object added = value(pathsAndValues[i + 1]);
            doc = path.transform(doc, node -> {
                List<Object> array = node instanceof List<?> ? castList(node) : new ArrayList<>(List.of(node));
                array.add(added);
                return array;
            });
        }
        return json(doc, "json_array_append");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object node) {
        return (List<Object>) node;
    }

    public static Value remove(Value document, Value... paths) {
        if (paths.length == 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception("json_remove");
        }
        Object doc = document(document, 1, "json_remove");
        if (doc == null) {
            return ValueNull.INSTANCE;
        }
        for (Value each : paths) {
            JsonPath path = exactPath(each);
            if (path == null) {
                return ValueNull.INSTANCE;
            }
            if (path.isRoot()) {
                throw MySqlError.ER_JSON_VACUOUS_PATH.exception();
            }
            doc = path.remove(doc);
        }
        return json(doc, "json_remove");
    }

    /** The value at the optional single path (no wildcards) of JSON_LENGTH, JSON_KEYS, JSON_CONTAINS. */
    private static Object single(Object doc, Value[] path, String function) {
        if (path.length > 1) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.exception(function);
        }
        if (path.length == 0) {
            return doc;
        }
        JsonPath parsed = exactPath(path[0]);
        if (parsed == null) {
            return null;
        }
        List<Object> found = parsed.find(doc);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A JSON document argument: a JSON value, or a string holding JSON text; null for SQL NULL. */
    private static Object document(Value value, int argument, String function) {
        if (isNull(value)) {
            return null;
        }
        if (value.getValueType() == Value.JSON) {
            return Json.parse(value.getString());
        }
        if (!isText(value)) {
            throw MySqlError.ER_INVALID_TYPE_FOR_JSON.exception(argument, function);
        }
        return parse(value.getString(), argument, function);
    }

    private static Object parse(String text, int argument, String function) {
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw MySqlError.ER_INVALID_JSON_TEXT_IN_PARAM.exception(argument, function, e.getMessage(), e.position());
        }
    }

    /** An SQL value as a JSON value: strings become JSON strings, JSON values stay what they are. */
    private static Object value(Value value) {
        if (isNull(value)) {
            return Json.NULL;
        }
        return switch (value.getValueType()) {
            case Value.JSON -> Json.parse(value.getString());
            case Value.BOOLEAN -> value.getBoolean();
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> value.getLong();
            case Value.NUMERIC, Value.DECFLOAT -> {
                var decimal = value.getBigDecimal();
                yield decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18 ? (Object) decimal.longValue()
                        : decimal.scale() <= 0 && decimal.signum() > 0 && decimal.precision() <= 20
                        ? (Object) new BigInteger(decimal.toPlainString()) : decimal;
            }
            case Value.REAL, Value.DOUBLE -> value.getDouble();
            case Value.TIMESTAMP -> LocalDateTime.parse(value.getString().replace(' ', 'T')).format(DATETIME);
            case Value.TIME -> LocalTime.parse(value.getString()).format(TIME);
            default -> value.getString();
        };
    }

    private static JsonPath path(Value value) {
        if (isNull(value)) {
            return null;
        }
        try {
            return JsonPath.parse(value.getString());
        } catch (JsonPathException e) {
            throw MySqlError.ER_INVALID_JSON_PATH.exception(e.position());
        }
    }

    private static JsonPath exactPath(Value value) {
        JsonPath path = path(value);
        if (path != null && path.isWildcard()) {
            throw MySqlError.ER_INVALID_JSON_PATH_WILDCARD.exception();
        }
        return path;
    }

    private static boolean isNull(Value value) {
        return value == null || value == ValueNull.INSTANCE;
    }

    private static boolean isText(Value value) {
        return switch (value.getValueType()) {
            case Value.CHAR, Value.VARCHAR, Value.VARCHAR_IGNORECASE, Value.CLOB, Value.ENUM -> true;
            default -> false;
        };
    }

    /**
     * The engine's JSON value of a document; NULL with warning 1301 when its text would pass max_allowed_packet, as in
     * MySQL: JSON_ARRAY(x, x, ...) and JSON_QUOTE(JSON_QUOTE(...)) grow a text past its arguments.
     */
    static Value json(Object value, String function) {
        if (value == null) {
            return ValueNull.INSTANCE;
        }
        long limit = StatementEffects.maxAllowedPacket();
        String text = Json.write(value, limit);
        if (text == null) {
            StatementEffects.packetOverflow(function, limit);
            return ValueNull.INSTANCE;
        }
        return ValueJson.getInternal(text.getBytes(StandardCharsets.UTF_8));
    }
}
